import { z } from 'zod'
import { CaseSummary } from './case'
import { Instant, MessageText, SchemaVersion } from './common'
import { WorkspaceSettings } from './settings'

/** The name the audit log and custody entries record as the actor. */
export const UserName = z.string().trim().min(1, 'a user name cannot be empty').max(200)
export const WorkspaceName = z.string().trim().min(1, 'a workspace name cannot be empty').max(200)

/** workspace.json: only what the case list needs, so listing never opens a case. */
export const WorkspaceFile = z.object({
  schemaVersion: SchemaVersion,
  name: z.string().max(200).default('Casefile workspace'),
  createdAt: Instant,
  /** The name the audit log and custody entries record as the actor. */
  userName: z.string().max(200).default('local user'),
  cases: z.array(CaseSummary).default([]),
  settings: WorkspaceSettings.default(WorkspaceSettings.parse({})),
})
export type WorkspaceFile = z.infer<typeof WorkspaceFile>

export const WorkspaceProblem = z.object({
  file: z.string(),
  /** inconsistent: files each valid alone that disagree (custody without its audit entry). */
  kind: z.enum(['unreadable', 'invalid', 'newer-version', 'quarantined', 'missing', 'inconsistent']),
  message: z.string(),
  /** The message named in the catalogue, so the window and the command line word it in their language. */
  text: MessageText.optional(),
  quarantinedTo: z.string().optional(),
  backupAvailable: z.string().optional(),
})
export type WorkspaceProblem = z.infer<typeof WorkspaceProblem>

export const WorkspaceInfo = z.object({
  root: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().optional(),
  /** The reason named in the catalogue, so the window words it in its language. */
  readOnlyText: MessageText.optional(),
  userName: z.string(),
  problems: z.array(WorkspaceProblem),
  recent: z.array(z.string()).default([]),
})
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>

/** What `casefile check` found: every file it read, and what is wrong. */
export const CheckReport = z.object({
  filesChecked: z.number().int().nonnegative(),
  problems: z.array(WorkspaceProblem),
})
export type CheckReport = z.infer<typeof CheckReport>

/** What `casefile repair` (and the window's Repair) may do beyond the safe fixes. */
export const RepairOptions = z.object({
  /** Put back the newest good backup of each file that failed to load (the damaged copy stays in quarantine). */
  restoreBackups: z.boolean().default(false),
  /** A person acknowledges the audit log's break; recorded in the log with `note`. */
  acknowledgeAuditBreak: z.boolean().default(false),
  note: z.string().trim().max(2_000).optional(),
})
export type RepairOptions = z.input<typeof RepairOptions>

export const RepairAction = z.object({
  kind: z.enum([
    'index rebuilt',
    'reindexed',
    'set aside',
    'audit twin appended',
    'interrupted change settled',
    'interrupted append set aside',
    'backup restored',
    'audit break acknowledged',
    'encryption change finished',
  ]),
  file: z.string(),
  message: z.string(),
  text: MessageText.optional(),
})
export type RepairAction = z.infer<typeof RepairAction>

/** What repair did, and what a check finds afterwards (what needs a person). */
export const RepairReport = z.object({
  actions: z.array(RepairAction),
  remaining: z.array(WorkspaceProblem),
})
export type RepairReport = z.infer<typeof RepairReport>

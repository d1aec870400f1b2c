import { z } from 'zod'
import { CaseSummary } from './case'
import { Instant, SchemaVersion } from './common'
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
  quarantinedTo: z.string().optional(),
  backupAvailable: z.string().optional(),
})
export type WorkspaceProblem = z.infer<typeof WorkspaceProblem>

export const WorkspaceInfo = z.object({
  root: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().optional(),
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

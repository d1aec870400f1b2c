/** Shapes that cross IPC but are not stored as such. */
import { z } from 'zod'
import { Actor } from './actor'
import { Briefing } from './briefing'
import { Case } from './case'
import { EvidenceItem } from './evidence'
import { TimelineEvent } from './event'
import { Note } from './note'
import { StatuteExcerpt } from './statute'

export const BriefingSummary = Briefing.pick({ id: true, title: true, template: true, status: true, updatedAt: true })
export type BriefingSummary = z.infer<typeof BriefingSummary>

/** One case, whole, as the case view and `casefile show` present it. */
export const CaseDetail = z.object({
  case: Case,
  actors: z.array(Actor),
  events: z.array(TimelineEvent),
  evidence: z.array(EvidenceItem),
  notes: z.array(Note),
  statutes: z.array(StatuteExcerpt),
  briefings: z.array(BriefingSummary),
})
export type CaseDetail = z.infer<typeof CaseDetail>

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

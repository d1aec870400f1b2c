/**
 * The shape of every file the workspace stores. Each carries `schemaVersion` so
 * migrations can carry older files forward.
 */
import { z } from 'zod'
import { Actor } from './actor'
import { Annotation } from './annotation'
import { Briefing } from './briefing'
import { Case, CaseSummary } from './case'
import { Id, Instant } from './common'
import { EvidenceItem } from './evidence'
import { TimelineEvent } from './event'
import { Note } from './note'
import { StatuteExcerpt } from './statute'

const Version = z.number().int().positive()

/** workspace.json: only what the case list needs, so listing never opens a case. */
export const WorkspaceFile = z.object({
  schemaVersion: Version,
  name: z.string().max(200).default('Casefile workspace'),
  createdAt: Instant,
  /** The name the audit log and custody entries record as the actor. */
  userName: z.string().max(200).default('local user'),
  cases: z.array(CaseSummary).default([]),
})
export type WorkspaceFile = z.infer<typeof WorkspaceFile>

/** cases/<id>/case.json */
export const CaseFile = z.object({
  schemaVersion: Version,
  case: Case,
  actors: z.array(Actor).default([]),
  events: z.array(TimelineEvent).default([]),
  evidence: z.array(EvidenceItem).default([]),
  notes: z.array(Note).default([]),
  /** Statute excerpts from the workspace library linked to this case. */
  statuteIds: z.array(Id).default([]),
})
export type CaseFile = z.infer<typeof CaseFile>

/** cases/<id>/annotations/<evidenceId>.json: split out so one edit never rewrites the whole case. */
export const AnnotationsFile = z.object({
  schemaVersion: Version,
  evidenceId: Id,
  annotations: z.array(Annotation).default([]),
})
export type AnnotationsFile = z.infer<typeof AnnotationsFile>

/** cases/<id>/briefings/<briefingId>.json: autosave of one draft rewrites only it. */
export const BriefingFile = z.object({
  schemaVersion: Version,
  briefing: Briefing,
})
export type BriefingFile = z.infer<typeof BriefingFile>

/** statutes.json: the workspace's library of excerpts. */
export const StatuteLibraryFile = z.object({
  schemaVersion: Version,
  excerpts: z.array(StatuteExcerpt).default([]),
})
export type StatuteLibraryFile = z.infer<typeof StatuteLibraryFile>

import { z } from 'zod'
import { Actor } from './actor'
import { Id, Instant, patchOf, SchemaVersion, Tags } from './common'
import { TimelineEvent } from './event'
import { EvidenceItem } from './evidence'
import { Note } from './note'

export const CASE_STATUSES = ['open', 'monitoring', 'closed', 'archived'] as const
export const CaseStatus = z.enum(CASE_STATUSES)
export type CaseStatus = z.infer<typeof CaseStatus>

/** Presets offered in the UI; the marking itself is free text. */
export const CLASSIFICATION_PRESETS = ['UNCLASSIFIED', 'SENSITIVE BUT UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET'] as const

export const Classification = z.string().trim().min(1).max(120)

export const Case = z.object({
  id: Id,
  title: z.string().trim().min(1, 'a case needs a title').max(300),
  reference: z.string().trim().max(80).default(''),
  summary: z.string().max(20_000).default(''),
  status: CaseStatus.default('open'),
  classification: Classification.default('UNCLASSIFIED'),
  jurisdictions: z.array(z.string().trim().min(1).max(80)).default([]),
  tags: Tags,
  createdAt: Instant,
  updatedAt: Instant,
})
export type Case = z.infer<typeof Case>

/** What the case list shows; the workspace index keeps only this per case. */
export const CaseSummary = Case.pick({
  id: true,
  title: true,
  reference: true,
  status: true,
  classification: true,
  tags: true,
  updatedAt: true,
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const CaseInput = z.object({
  title: z.string().trim().min(1, 'a case needs a title').max(300),
  reference: z.string().trim().max(80).optional(),
  summary: z.string().max(20_000).optional(),
  status: CaseStatus.optional(),
  classification: Classification.optional(),
  jurisdictions: z.array(z.string().trim().min(1).max(80)).optional(),
  tags: z.array(z.string().trim().min(1).max(80)).optional(),
})
export type CaseInput = z.infer<typeof CaseInput>

export const CasePatch = patchOf(CaseInput)
export type CasePatch = z.infer<typeof CasePatch>

export const toCaseSummary = (c: CaseSummary): CaseSummary => ({
  id: c.id,
  title: c.title,
  reference: c.reference,
  status: c.status,
  classification: c.classification,
  tags: c.tags,
  updatedAt: c.updatedAt,
})

export const ISSUE_STATUSES = ['open', 'answered', 'dropped'] as const
export const IssueStatus = z.enum(ISSUE_STATUSES)
export type IssueStatus = z.infer<typeof IssueStatus>

/**
 * A legal question the case turns on (CaseMap's issues): "Was Art. 31(2)
 * breached?", with the facts, exhibits and excerpts that bear on it.
 */
export const Issue = z.object({
  id: Id,
  question: z.string().trim().min(1, 'an issue needs its question').max(1_000),
  status: IssueStatus.default('open'),
  /** The position taken, or why it is open. */
  notes: z.string().max(20_000).default(''),
  eventIds: z.array(Id).default([]),
  evidenceIds: z.array(Id).default([]),
  statuteIds: z.array(Id).default([]),
  createdAt: Instant,
  updatedAt: Instant,
})
export type Issue = z.infer<typeof Issue>
/** The most records of one kind an issue links: the form sends them all back on every edit. */
export const MAX_ISSUE_LINKS = 10_000
const IssueLinks = z.array(Id).max(MAX_ISSUE_LINKS).default([])
export const IssueInput = Issue.pick({
  question: true,
  status: true,
  notes: true,
}).extend({ eventIds: IssueLinks, evidenceIds: IssueLinks, statuteIds: IssueLinks })
export type IssueInput = z.input<typeof IssueInput>
export const IssuePatch = patchOf(IssueInput)
export type IssuePatch = z.input<typeof IssuePatch>

/** cases/<id>/case.json */
export const CaseFile = z.object({
  schemaVersion: SchemaVersion,
  case: Case,
  actors: z.array(Actor).default([]),
  events: z.array(TimelineEvent).default([]),
  evidence: z.array(EvidenceItem).default([]),
  notes: z.array(Note).default([]),
  issues: z.array(Issue).default([]),
  /** Statute excerpts from the workspace library linked to this case. */
  statuteIds: z.array(Id).default([]),
})
export type CaseFile = z.infer<typeof CaseFile>

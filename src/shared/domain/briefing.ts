import { z } from 'zod'
import { Id, Instant, patchOf, RichText, SchemaVersion, Sha256 } from './common'
import { Language } from './language'

export const CITATION_TARGETS = ['evidence', 'annotation', 'event', 'statute'] as const
export const CitationTarget = z.enum(CITATION_TARGETS)
export type CitationTarget = z.infer<typeof CitationTarget>

/** The attrs of a citation node in the briefing body. */
export const CitationAttrs = z.object({
  target: CitationTarget,
  id: Id,
  /** For annotations: the evidence item it belongs to. */
  evidenceId: Id.optional(),
  pinpoint: z.string().max(100).default(''),
})
export type CitationAttrs = z.infer<typeof CitationAttrs>

export const MemoHeader = z.object({
  to: z.string().max(500).default(''),
  from: z.string().max(500).default(''),
  cc: z.string().max(500).default(''),
  date: z.string().max(100).default(''),
  subject: z.string().max(500).default(''),
  reference: z.string().max(100).default(''),
  classification: z.string().max(120).default('UNCLASSIFIED'),
  /** The memo number, fixed when the briefing is first exported as final; empty before. */
  number: z.string().max(100).default(''),
  /** The signature block under the text. */
  signatoryName: z.string().max(200).default(''),
  signatoryTitle: z.string().max(200).default(''),
  /** Who drafted it and who cleared it, printed under the signature. */
  drafter: z.string().max(200).default(''),
  clearance: z.string().max(1_000).default(''),
})
export type MemoHeader = z.infer<typeof MemoHeader>

/** 'case file' drafts the memo from what the case holds; the others are outlines to fill in. */
export const BRIEFING_TEMPLATES = ['case file', 'briefing memo', 'note of protest', 'analytical note', 'blank'] as const
export const BriefingTemplate = z.enum(BRIEFING_TEMPLATES)
export type BriefingTemplate = z.infer<typeof BriefingTemplate>

export const ExportRecord = z.object({
  /** Names the file's export (a Word copy carries it, so an edited copy can come back as a new version). */
  id: z.string().max(80).optional(),
  at: Instant,
  format: z.enum(['pdf', 'docx']).default('pdf'),
  file: z.string().max(4_000),
  sha256: Sha256,
  pages: z.number().int().nonnegative(),
  options: z.object({ draft: z.boolean().default(false), deterministic: z.boolean().default(false) }),
  /** A release copy: what it left out, and why. */
  release: z.object({ reasons: z.array(z.string().max(200)).max(100) }).optional(),
  /** Word: the citation each footnote stands for, by footnote number (index 0 unused). */
  footnotes: z.array(CitationAttrs.nullable()).max(10_000).optional(),
  /** Word: the body as sent, so an edited copy that comes back can show what changed. */
  body: RichText.optional(),
})
export type ExportRecord = z.infer<typeof ExportRecord>

export const ClearanceComment = z.object({
  author: z.string().max(300),
  date: z.string().max(60).optional(),
  text: z.string().max(20_000),
  /** The text the comment was attached to. */
  anchor: z.string().max(20_000),
})
export type ClearanceComment = z.infer<typeof ClearanceComment>

export const ClearanceChange = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string().max(100_000).optional(),
  after: z.string().max(100_000).optional(),
})
export type ClearanceChange = z.infer<typeof ClearanceChange>

/** Where a version that came back from clearance (an edited Word copy) came from, and what the reviewers did. */
export const Clearance = z.object({
  fromBriefingId: Id,
  fromExportId: z.string().max(80),
  /** The SHA-256 of the copy that was sent, and of the one that came back. */
  sentSha256: Sha256,
  receivedSha256: Sha256,
  receivedFile: z.string().max(4_000),
  importedAt: Instant,
  insertions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  citationsRemoved: z.number().int().nonnegative(),
  notesAdded: z.number().int().nonnegative(),
  comments: z.array(ClearanceComment).max(5_000),
  changes: z.array(ClearanceChange).max(5_000),
})
export type Clearance = z.infer<typeof Clearance>

export const Briefing = z.object({
  id: Id,
  title: z.string().trim().min(1).max(300),
  template: BriefingTemplate.default('blank'),
  header: MemoHeader,
  body: RichText,
  status: z.enum(['draft', 'final']).default('draft'),
  /** The memo's language: its fixed labels, dates and drafted text. */
  language: Language.default('en'),
  /** Set on a version imported back from clearance. */
  clearance: Clearance.optional(),
  exports: z.array(ExportRecord).default([]),
  createdAt: Instant,
  updatedAt: Instant,
})
export type Briefing = z.infer<typeof Briefing>

export const BriefingStatus = Briefing.shape.status.unwrap()
export type BriefingStatus = z.infer<typeof BriefingStatus>

export const BriefingSummary = Briefing.pick({ id: true, title: true, template: true, status: true, updatedAt: true })
export type BriefingSummary = z.infer<typeof BriefingSummary>

/** What a new briefing is made of; ids, times and the export history are the service's. */
export const BriefingInput = Briefing.omit({ id: true, createdAt: true, updatedAt: true, exports: true })
export type BriefingInput = z.input<typeof BriefingInput>

/**
 * Header fields without their defaults: `MemoHeader.partial()` would still fill
 * absent fields with '' and wipe what a patch did not mention.
 */
export const MemoHeaderPatch = patchOf(MemoHeader)

/** What autosave and the status toggle send; header fields merge into the stored header. */
export const BriefingPatch = z.object({
  title: z.string().trim().min(1, 'a briefing needs a title').max(300).optional(),
  header: MemoHeaderPatch.optional(),
  body: RichText.optional(),
  status: BriefingStatus.optional(),
  language: Language.optional(),
})
export type BriefingPatch = z.input<typeof BriefingPatch>

export const ExportResult = z.object({ path: z.string(), sha256: z.string(), pages: z.number().int().nonnegative() })
export type ExportResult = z.infer<typeof ExportResult>

/** cases/<id>/briefings/<briefingId>.json: autosave of one draft rewrites only it. */
export const BriefingFile = z.object({
  schemaVersion: SchemaVersion,
  briefing: Briefing,
})
export type BriefingFile = z.infer<typeof BriefingFile>

/**
 * Every citation node's attrs in a body, in document order; malformed ones are
 * skipped. Walked with a stack, not recursion, so no nesting depth can overflow it.
 */
export function citationsIn(body: unknown): CitationAttrs[] {
  const out: CitationAttrs[] = []
  const stack: unknown[] = [body]
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    const n = node as { type?: unknown; attrs?: unknown; content?: unknown }
    if (n.type === 'citation') {
      const parsed = CitationAttrs.safeParse(n.attrs ?? {})
      if (parsed.success) out.push(parsed.data)
    }
    if (Array.isArray(n.content)) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i])
  }
  return out
}

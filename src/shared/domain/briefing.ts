import { z } from 'zod'
import { Id, Instant, RichText, RichTextInput, SchemaVersion, Sha256 } from './common'

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
  date: z.string().max(100).default(''),
  subject: z.string().max(500).default(''),
  reference: z.string().max(100).default(''),
  classification: z.string().max(120).default('UNCLASSIFIED'),
})
export type MemoHeader = z.infer<typeof MemoHeader>

export const BRIEFING_TEMPLATES = ['briefing memo', 'note of protest', 'analytical note', 'blank'] as const
export const BriefingTemplate = z.enum(BRIEFING_TEMPLATES)

export const ExportRecord = z.object({
  at: Instant,
  file: z.string().max(4_000),
  sha256: Sha256,
  pages: z.number().int().nonnegative(),
  options: z.object({ draft: z.boolean().default(false), deterministic: z.boolean().default(false) }),
})
export type ExportRecord = z.infer<typeof ExportRecord>

export const Briefing = z.object({
  id: Id,
  title: z.string().trim().min(1).max(300),
  template: BriefingTemplate.default('blank'),
  header: MemoHeader,
  body: RichText,
  status: z.enum(['draft', 'final']).default('draft'),
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
export const BriefingInput = Briefing.omit({ id: true, createdAt: true, updatedAt: true, exports: true }).extend({
  body: RichTextInput,
})
export type BriefingInput = z.input<typeof BriefingInput>

const h = MemoHeader.shape
/**
 * Header fields without their defaults: `MemoHeader.partial()` would still fill
 * absent fields with '' and wipe what a patch did not mention.
 */
export const MemoHeaderPatch = z.object({
  to: h.to.unwrap().optional(),
  from: h.from.unwrap().optional(),
  date: h.date.unwrap().optional(),
  subject: h.subject.unwrap().optional(),
  reference: h.reference.unwrap().optional(),
  classification: h.classification.unwrap().optional(),
})

/** What autosave and the status toggle send; header fields merge into the stored header. */
export const BriefingPatch = z.object({
  title: z.string().trim().min(1, 'a briefing needs a title').max(300).optional(),
  header: MemoHeaderPatch.optional(),
  body: RichTextInput.optional(),
  status: BriefingStatus.optional(),
})
export type BriefingPatch = z.input<typeof BriefingPatch>

export const ExportResult = z.object({
  path: z.string(),
  sha256: z.string(),
  pages: z.number().int().nonnegative(),
  /** What the memo could not vouch for: an exhibit whose stored file is missing or altered. */
  warnings: z.array(z.string()).optional(),
})
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

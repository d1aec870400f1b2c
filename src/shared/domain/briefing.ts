import { z } from 'zod'
import { Id, Instant, RichText, Sha256 } from './common'

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

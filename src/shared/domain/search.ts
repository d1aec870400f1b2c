import { z } from 'zod'
import { Id } from './common'
import { EvidenceKind, VerificationStatus } from './evidence'

export const SEARCH_KINDS = ['case', 'actor', 'event', 'evidence', 'annotation', 'note', 'briefing', 'statute'] as const
export const SearchKind = z.enum(SEARCH_KINDS)
export type SearchKind = z.infer<typeof SearchKind>

/** A date ("2026-01-27") or an instant; `to` as a bare date includes that whole day. */
const DateBound = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'a date such as 2026-01-27')

export const SearchFilters = z.object({
  caseId: Id.optional(),
  kinds: z.array(SearchKind).max(SEARCH_KINDS.length).optional(),
  /** Applies to evidence items and to the annotations on them. */
  evidenceKinds: z.array(EvidenceKind).optional(),
  verification: z.array(VerificationStatus).optional(),
  tag: z.string().trim().min(1).max(80).optional(),
  from: DateBound.optional(),
  to: DateBound.optional(),
})
export type SearchFilters = z.infer<typeof SearchFilters>

export const SearchQuery = z.object({
  query: z.string().max(500),
  filters: SearchFilters.optional(),
  limit: z.number().int().min(1).max(1_000).default(50),
})
export type SearchQuery = z.input<typeof SearchQuery>

/** Text with match ranges [start, end) in UTF-16 offsets: plain data, the renderer draws the marks. */
export const Highlighted = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
})
export type Highlighted = z.infer<typeof Highlighted>

export const SearchHit = z.object({
  kind: SearchKind,
  /** Empty for a library statute no case links. */
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  id: z.string(),
  /** For annotations: the evidence item they belong to. */
  evidenceId: z.string().optional(),
  /** The case view's tab that shows the item, and the item to select there. */
  tab: z.string(),
  itemId: z.string(),
  title: Highlighted,
  snippet: Highlighted,
  score: z.number(),
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchResponse = z.object({
  hits: z.array(SearchHit),
  total: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative(),
})
export type SearchResponse = z.infer<typeof SearchResponse>

export const SearchStatus = z.object({
  state: z.enum(['idle', 'loading', 'indexing', 'ready', 'error']),
  /** Sources (files) read so far in the current pass, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  /** Whether the last open found a persisted index it could use. */
  loadedFromCache: z.boolean(),
  /** Files read again in the last pass because they changed (0: the index was current). */
  reread: z.number().int().nonnegative().default(0),
  message: z.string().optional(),
})
export type SearchStatus = z.infer<typeof SearchStatus>

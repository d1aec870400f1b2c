import { z } from 'zod'
import { Id, StatuteExcerpt, StatuteInput } from '../../domain'
import { channel } from '../define'

const S = StatuteExcerpt.shape
/**
 * Fields without their defaults, so a patch changes only what it names
 * (`StatuteInput.partial()` would reset tags, source… to their defaults).
 * `year: null` clears the year.
 */
export const StatutePatch = z.object({
  instrument: S.instrument.optional(),
  shortName: S.shortName.unwrap().optional(),
  year: S.year.unwrap().nullable().optional(),
  article: S.article.optional(),
  paragraph: S.paragraph.unwrap().optional(),
  heading: S.heading.unwrap().optional(),
  text: S.text.optional(),
  source: S.source.unwrap().optional(),
  jurisdiction: S.jurisdiction.unwrap().optional(),
  language: S.language.unwrap().optional(),
  tags: S.tags.unwrap().optional(),
})
export type StatutePatch = z.input<typeof StatutePatch>

const StatuteRef = z.object({ statuteId: Id })
const CaseLink = StatuteRef.extend({ caseId: Id })

/** Per row (JSON: array index + 1; text: line number); 0 when it concerns the whole input. */
export const ImportProblem = z.object({ row: z.number().int().nonnegative(), message: z.string() })
export type ImportProblem = z.infer<typeof ImportProblem>

export const StatuteImportRequest = z.object({
  format: z.enum(['json', 'text']),
  content: z.string().max(5_000_000),
  /** Parse and report only: the import dialog's preview. */
  dryRun: z.boolean().default(false),
  linkToCaseId: Id.optional(),
})

export const StatuteImportOutcome = z.object({
  parsed: z.array(StatuteInput.extend({ row: z.number().int() })),
  added: z.array(StatuteExcerpt),
  duplicates: z.array(z.object({ row: z.number().int(), existingId: Id, label: z.string() })),
  problems: z.array(ImportProblem),
})
export type StatuteImportOutcome = z.infer<typeof StatuteImportOutcome>

export const StatuteUsage = z.object({
  caseIds: z.array(Id),
  briefings: z.array(z.object({ caseId: Id, briefingId: Id, title: z.string() })),
})

export const statutesChannels = {
  /** The library, sorted by citation label; query matches label, instrument, heading, text, source and tags. */
  'statutes:list': channel(
    z.object({ query: z.string().max(500).optional(), tag: z.string().max(80).optional(), caseId: Id.optional() }),
    z.array(StatuteExcerpt),
  ),
  /** Adds to the library; with caseId also links it to that case. */
  'statutes:add': channel(z.object({ statute: StatuteInput, caseId: Id.optional() }), StatuteExcerpt),
  'statutes:update': channel(StatuteRef.extend({ patch: StatutePatch }), StatuteExcerpt),
  /** CONFLICT (details: usage) while linked or cited, unless force: then unlinked everywhere and removed. */
  'statutes:remove': channel(StatuteRef.extend({ force: z.boolean().default(false) }), StatuteUsage),
  'statutes:import': channel(StatuteImportRequest, StatuteImportOutcome),
  'statutes:link': channel(CaseLink, z.object({ linked: z.literal(true) })),
  'statutes:unlink': channel(CaseLink, z.object({ unlinked: z.literal(true) })),
} as const

import { z } from 'zod'
import { Id, Instant, MessageText, SchemaVersion, Tags } from './common'

export const StatuteExcerpt = z.object({
  id: Id,
  instrument: z.string().trim().min(1, 'name the instrument').max(300),
  /** Short form used in citations ("VCCR"); derived from the instrument's initials when empty. */
  shortName: z.string().trim().max(40).default(''),
  year: z.number().int().min(1000).max(3000).optional(),
  article: z.string().trim().min(1, 'give the article').max(40),
  paragraph: z.string().trim().max(40).default(''),
  heading: z.string().trim().max(300).default(''),
  text: z.string().min(1, 'an excerpt needs its exact text').max(100_000),
  source: z.string().max(2_000).default(''),
  jurisdiction: z.string().max(120).default(''),
  language: z.string().max(20).default('en'),
  tags: Tags,
  createdAt: Instant,
  updatedAt: Instant,
})
export type StatuteExcerpt = z.infer<typeof StatuteExcerpt>

export const StatuteInput = StatuteExcerpt.omit({ id: true, createdAt: true, updatedAt: true }).partial({
  shortName: true,
  paragraph: true,
  heading: true,
  source: true,
  jurisdiction: true,
  language: true,
  tags: true,
})
export type StatuteInput = z.input<typeof StatuteInput>

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

export const StatuteFilter = z.object({
  /** Free text over label, instrument, heading, text, source and tags; every word must match. */
  query: z.string().max(500).optional(),
  tag: z.string().max(80).optional(),
  /** Only the excerpts linked to this case. */
  caseId: Id.optional(),
})
export type StatuteFilter = z.infer<typeof StatuteFilter>

/** Per row (JSON: array index + 1; text: line number); 0 when it concerns the whole input. */
export const ImportProblem = z.object({
  row: z.number().int().nonnegative(),
  message: z.string(),
  /** The message named in the catalogue, worded in the reader's language. */
  text: MessageText.optional(),
})
export type ImportProblem = z.infer<typeof ImportProblem>

export const StatuteImportRequest = z.object({
  format: z.enum(['json', 'text']),
  content: z.string().max(5_000_000),
  /** Parse and report only: the import dialog's preview. */
  dryRun: z.boolean().default(false),
  /** Link every added (or already present) excerpt to this case. */
  linkToCaseId: Id.optional(),
})
export type StatuteImportRequest = z.input<typeof StatuteImportRequest>

export const StatuteImportOutcome = z.object({
  parsed: z.array(StatuteInput.extend({ row: z.number().int() })),
  added: z.array(StatuteExcerpt),
  /** Rows that match an excerpt already in the library (same instrument, article, paragraph). */
  duplicates: z.array(z.object({ row: z.number().int(), existingId: Id, label: z.string() })),
  problems: z.array(ImportProblem),
})
export type StatuteImportOutcome = z.infer<typeof StatuteImportOutcome>

/** Where an excerpt is in use: removing it would leave these pointing at nothing. */
export const StatuteUsage = z.object({
  caseIds: z.array(Id),
  briefings: z.array(z.object({ caseId: Id, briefingId: Id, title: z.string() })),
})
export type StatuteUsage = z.infer<typeof StatuteUsage>

/** statutes.json: the workspace's library of excerpts. */
export const StatuteLibraryFile = z.object({
  schemaVersion: SchemaVersion,
  excerpts: z.array(StatuteExcerpt).default([]),
})
export type StatuteLibraryFile = z.infer<typeof StatuteLibraryFile>

const MINOR_WORDS = new Set(['on', 'of', 'the', 'and', 'for', 'in', 'to', 'a', 'an', 'de', 'la', 'el', 'y', 'del'])

export function instrumentShortName(s: Pick<StatuteExcerpt, 'instrument' | 'shortName'>): string {
  if (s.shortName) return s.shortName
  const words = s.instrument.split(/\s+/).filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w))
  return words.length > 1 ? words.map((w) => w[0].toUpperCase()).join('') : s.instrument
}

/** "VCCR art. 31(2)": one format for the editor, the footnotes and the appendix. */
export function citationLabel(s: Pick<StatuteExcerpt, 'instrument' | 'shortName' | 'article' | 'paragraph'>): string {
  const para = s.paragraph
    ? s.paragraph
        .split(/[()\s,]+/)
        .filter(Boolean)
        .map((p) => `(${p})`)
        .join('')
    : ''
  return `${instrumentShortName(s)} art. ${s.article}${para}`
}

/** "Vienna Convention on Consular Relations (1963), art. 31(2)". */
export function fullCitation(
  s: Pick<StatuteExcerpt, 'instrument' | 'shortName' | 'article' | 'paragraph' | 'year'>,
): string {
  const label = citationLabel(s)
  const pinpoint = label.slice(label.indexOf('art.'))
  return `${s.instrument}${s.year ? ` (${s.year})` : ''}, ${pinpoint}`
}

const paragraphParts = (s: string) => s.split(/[()\s,]+/).filter(Boolean)

/**
 * The paragraph a citation points at. Its pinpoint narrows the excerpt's own
 * paragraph: an excerpt of art. 31 cited at "2" is art. 31(2); one of art. 31(2)
 * cited at "a" is art. 31(2)(a); a pinpoint that repeats the paragraph is not doubled.
 */
export function pinpointParagraph(paragraph: string, pinpoint: string): string {
  const own = paragraphParts(paragraph)
  const pin = paragraphParts(pinpoint)
  const repeats = own.length > 0 && own.every((p, i) => pin[i] === p)
  return (repeats ? pin : [...own, ...pin]).join(' ')
}

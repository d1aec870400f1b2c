import { z } from 'zod'
import { Id, Instant, Tags } from './common'

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

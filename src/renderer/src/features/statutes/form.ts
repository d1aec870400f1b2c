/**
 * The add/edit form's model. Fields are strings while typed; StatuteInput (the
 * schema main validates with) decides what is valid, so the form cannot drift from it.
 */
import type { z } from 'zod'
import { StatuteInput, type StatuteExcerpt } from '@shared/domain'

export type StatuteInputValue = z.output<typeof StatuteInput>
export type StatuteField = keyof StatuteInputValue

/** Every input field as the form holds it: text, with tags as a list. */
export type StatuteFormValues = { [K in Exclude<StatuteField, 'tags'>]: string } & { tags: string[] }

export const FIELD_LABELS: Record<StatuteField, string> = {
  instrument: 'Instrument',
  shortName: 'Short name',
  year: 'Year',
  article: 'Article',
  paragraph: 'Paragraph pinpoint',
  heading: 'Heading',
  text: 'Exact text',
  source: 'Source',
  jurisdiction: 'Jurisdiction',
  language: 'Language',
  tags: 'Tags',
}

export const emptyStatuteForm = (): StatuteFormValues => ({
  instrument: '',
  shortName: '',
  year: '',
  article: '',
  paragraph: '',
  heading: '',
  text: '',
  source: '',
  jurisdiction: '',
  language: 'en',
  tags: [],
})

export const statuteToForm = (s: StatuteExcerpt): StatuteFormValues => ({
  instrument: s.instrument,
  shortName: s.shortName,
  year: s.year === undefined ? '' : String(s.year),
  article: s.article,
  paragraph: s.paragraph,
  heading: s.heading,
  text: s.text,
  source: s.source,
  jurisdiction: s.jurisdiction,
  language: s.language,
  tags: s.tags,
})

export type FormCheck =
  { ok: true; input: StatuteInputValue } | { ok: false; errors: Partial<Record<StatuteField, string>> }

export function checkStatuteForm(v: StatuteFormValues): FormCheck {
  const errors: Partial<Record<StatuteField, string>> = {}
  const year = v.year.trim()
  if (year && !/^\d{1,4}$/.test(year)) errors.year = 'a year is up to four digits, e.g. 1963'
  const parsed = StatuteInput.safeParse({
    ...v,
    year: year && !errors.year ? Number(year) : undefined,
    language: v.language.trim() || 'en',
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as StatuteField | undefined
      if (field && !errors[field]) errors[field] = issue.message
    }
  }
  return parsed.success && !Object.keys(errors).length ? { ok: true, input: parsed.data } : { ok: false, errors }
}

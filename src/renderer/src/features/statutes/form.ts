/**
 * The add/edit form's model. Fields are strings while typed; StatuteInput (the
 * schema main validates with) decides what is valid, so the form cannot drift from it.
 */
import type { z } from 'zod'
import { StatuteInput, type StatuteExcerpt } from '@shared/domain'
import { translator, type MessageKey } from '@shared/i18n'

export type StatuteInputValue = z.output<typeof StatuteInput>
export type StatuteField = keyof StatuteInputValue

/** Every input field as the form holds it: text, with tags as a list. */
export type StatuteFormValues = { [K in Exclude<StatuteField, 'tags'>]: string } & { tags: string[] }

type Key = MessageKey<'ui'>
type Translate = (key: Key, values?: Record<string, unknown>) => string

/** The catalogue keys of the fields' labels, in form order. */
export const FIELD_LABELS: Record<StatuteField, Key> = {
  instrument: 'statuteForm.instrument',
  shortName: 'statuteForm.shortName',
  year: 'statuteForm.year',
  article: 'statuteForm.article',
  paragraph: 'statuteForm.paragraph',
  heading: 'statuteForm.heading',
  text: 'statuteForm.text',
  source: 'statuteForm.source',
  jurisdiction: 'statuteForm.jurisdiction',
  language: 'statuteForm.language',
  tags: 'statuteForm.tags',
}

/** What a required field says when empty (the shared schema's rule, in the window's words). */
const REQUIRED: Partial<Record<StatuteField, Key>> = {
  instrument: 'statuteForm.instrumentMissing',
  article: 'statuteForm.articleMissing',
  text: 'statuteForm.textMissing',
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

/** Checks the form with the schema main validates with; `t` words the errors (English by default). */
export function checkStatuteForm(v: StatuteFormValues, t: Translate = translator('en', 'ui')): FormCheck {
  const errors: Partial<Record<StatuteField, string>> = {}
  const year = v.year.trim()
  if (year && !/^\d{1,4}$/.test(year)) errors.year = t('statuteForm.yearInvalid')
  const parsed = StatuteInput.safeParse({
    ...v,
    year: year && !errors.year ? Number(year) : undefined,
    language: v.language.trim() || 'en',
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as StatuteField | undefined
      if (!field || errors[field]) continue
      const required = REQUIRED[field]
      if (issue.code === 'too_small' && required) errors[field] = t(required)
      else if (issue.code === 'too_big') errors[field] = t('statuteForm.tooLong', { max: Number(issue.maximum) })
      else if (field === 'year') errors[field] = t('statuteForm.yearRange')
      else errors[field] = issue.message
    }
  }
  return parsed.success && !Object.keys(errors).length ? { ok: true, input: parsed.data } : { ok: false, errors }
}

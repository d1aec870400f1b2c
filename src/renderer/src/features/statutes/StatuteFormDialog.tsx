import { useId, useState } from 'react'
import { citationLabel, fullCitation, type StatuteExcerpt } from '@shared/domain'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import {
  checkStatuteForm,
  emptyStatuteForm,
  FIELD_LABELS,
  statuteToForm,
  type StatuteField,
  type StatuteFormValues,
} from './form'
import { FormFooter } from '@renderer/components/FormFooter'
import { useT } from '@renderer/lib/i18n'
import type { MessageKey } from '@shared/i18n'
import { messageOf } from '@shared/ipc/result'

interface Props {
  /** Edit this excerpt; add a new one when absent. */
  excerpt?: StatuteExcerpt
  /** When adding from a case, link the new excerpt to it. */
  caseId?: string
  onSaved: (s: StatuteExcerpt) => void
  onClose: () => void
}

const HINTS: Partial<Record<StatuteField, MessageKey<'ui'>>> = {
  shortName: 'statuteForm.shortNameHint',
  paragraph: 'statuteForm.paragraphHint',
  text: 'statuteForm.textHint',
}

/** Add or edit one excerpt; the live label shows how citations to it will read. */
export function StatuteFormDialog({ excerpt, caseId, onSaved, onClose }: Props) {
  const t = useT()
  const [values, setValues] = useState<StatuteFormValues>(() => (excerpt ? statuteToForm(excerpt) : emptyStatuteForm()))
  const [errors, setErrors] = useState<Partial<Record<StatuteField, string>>>({})
  const [submitError, setSubmitError] = useState('')
  const [busy, setBusy] = useState(false)
  const ids = useId()

  const set =
    (field: Exclude<StatuteField, 'tags'>) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setValues((v) => ({ ...v, [field]: e.target.value }))
      if (errors[field]) setErrors((x) => ({ ...x, [field]: undefined }))
    }

  const preview =
    values.instrument.trim() && values.article.trim()
      ? { label: citationLabel(values), full: fullCitation({ ...values, year: Number(values.year) || undefined }) }
      : null

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const checked = checkStatuteForm(values, t)
    if (!checked.ok) {
      setErrors(checked.errors)
      // Take the user to the first field that needs fixing, in form order.
      const first = (Object.keys(FIELD_LABELS) as StatuteField[]).find((f) => checked.errors[f])
      if (first) document.getElementById(`${ids}-${first}`)?.focus()
      return
    }
    setBusy(true)
    setSubmitError('')
    try {
      const saved = excerpt
        ? await call('statutes:update', {
            statuteId: excerpt.id,
            patch: { ...checked.input, year: checked.input.year ?? null },
          })
        : await call('statutes:add', { statute: checked.input, caseId })
      onSaved(saved)
      onClose()
    } catch (err) {
      setSubmitError(messageOf(err))
      setBusy(false)
    }
  }

  const field = (name: Exclude<StatuteField, 'tags' | 'text'>, className = '') => (
    <div className={`field ${className}`}>
      <label htmlFor={`${ids}-${name}`}>{t(FIELD_LABELS[name])}</label>
      <input
        id={`${ids}-${name}`}
        value={values[name]}
        onChange={set(name)}
        inputMode={name === 'year' ? 'numeric' : undefined}
        aria-invalid={!!errors[name] || undefined}
        aria-describedby={errors[name] || HINTS[name] ? `${ids}-${name}-note` : undefined}
        data-autofocus={name === 'instrument' || undefined}
      />
      {errors[name] ? (
        <p className="field-error" id={`${ids}-${name}-note`}>
          {errors[name]}
        </p>
      ) : (
        HINTS[name] && (
          <p className="hint" id={`${ids}-${name}-note`}>
            {t(HINTS[name])}
          </p>
        )
      )}
    </div>
  )

  return (
    <Dialog
      title={excerpt ? t('statutes.editNamed', { label: citationLabel(excerpt) }) : t('statuteForm.addTitle')}
      onClose={onClose}
      className="dialog--wide"
    >
      <form className="statute-form" onSubmit={submit} noValidate aria-label={t('statuteForm.label')}>
        <div className="form-grid">
          {field('instrument', 'field--span2')}
          {field('shortName')}
          {field('year')}
          {field('article')}
          {field('paragraph')}
          {field('heading', 'field--wide')}
          <div className="field field--wide">
            <label htmlFor={`${ids}-text`}>{t(FIELD_LABELS.text)}</label>
            <textarea
              id={`${ids}-text`}
              className="statute-text-input"
              rows={8}
              value={values.text}
              onChange={set('text')}
              spellCheck={false}
              aria-invalid={!!errors.text || undefined}
              aria-describedby={`${ids}-text-note`}
            />
            <p className={errors.text ? 'field-error' : 'hint'} id={`${ids}-text-note`}>
              {errors.text ?? t('statuteForm.textHint')}
            </p>
          </div>
          {field('source', 'field--wide')}
          {field('jurisdiction', 'field--span2')}
          {field('language')}
          <div className="field--wide">
            <ChipsInput
              label={t(FIELD_LABELS.tags)}
              values={values.tags}
              onChange={(tags) => setValues((v) => ({ ...v, tags }))}
              placeholder={t('statuteForm.tagsPlaceholder')}
            />
          </div>
        </div>
        <p className="statute-form__preview" aria-live="polite">
          {preview ? (
            <>
              {t('statuteForm.citedAs')} <span className="statute-label">{preview.label}</span> · {preview.full}
            </>
          ) : (
            <span className="muted">{t('statuteForm.noPreview')}</span>
          )}
        </p>
        <FormFooter
          error={submitError ? submitError : null}
          onCancel={onClose}
          submitLabel={
            excerpt
              ? t('statuteForm.saveChanges')
              : caseId
                ? t('statuteForm.addAndLink')
                : t('statuteForm.addToLibrary')
          }
          busy={busy}
        />
      </form>
    </Dialog>
  )
}

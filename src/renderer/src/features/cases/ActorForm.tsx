import { useState } from 'react'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

export interface ActorFields {
  name: string
  role: string
  affiliation: string
}

export const EMPTY_ACTOR: ActorFields = { name: '', role: '', affiliation: '' }

interface ActorFormProps {
  idPrefix: string
  legend: string
  initial: ActorFields
  submitLabel: string
  resetOnSave?: boolean
  onSave: (fields: ActorFields) => Promise<void>
  onCancel?: () => void
}

/** One actor's fields in a row: the add form above the table, or a row being edited. */
export function ActorForm({ idPrefix, legend, initial, submitLabel, resetOnSave, onSave, onCancel }: ActorFormProps) {
  const t = useT()
  const [fields, setFields] = useState(initial)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const set = (k: keyof ActorFields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFields({ ...fields, [k]: e.target.value })

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!fields.name.trim()) return setError(t('actors.nameMissing'))
    setBusy(true)
    setError('')
    try {
      await onSave(fields)
      if (resetOnSave) setFields(EMPTY_ACTOR)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <fieldset>
        <legend className={onCancel ? 'visually-hidden' : ''}>{legend}</legend>
        <div className="inline-form__row">
          <div className="field">
            <label htmlFor={`${idPrefix}-name`}>{t('actors.name')}</label>
            <input
              id={`${idPrefix}-name`}
              value={fields.name}
              autoFocus={!!onCancel}
              aria-invalid={(!!error && !fields.name.trim()) || undefined}
              onChange={set('name')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-role`}>{t('actors.role')}</label>
            <input id={`${idPrefix}-role`} value={fields.role} onChange={set('role')} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-affiliation`}>{t('actors.affiliation')}</label>
            <input id={`${idPrefix}-affiliation`} value={fields.affiliation} onChange={set('affiliation')} />
          </div>
          <div className="inline-form__buttons">
            <button type="submit" className="button--primary" disabled={busy}>
              {submitLabel}
            </button>
            {onCancel && (
              <button type="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </div>
        <ErrorAlert>{error}</ErrorAlert>
      </fieldset>
    </form>
  )
}

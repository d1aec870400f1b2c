import { useId, useState, type FormEvent } from 'react'
import { citationLabel, ISSUE_STATUSES, type CaseDetail, type Issue, type IssueStatus } from '@shared/domain'
import { FormFooter } from '@renderer/components/FormFooter'
import { eventChoiceLabel } from '@renderer/features/evidence/format'
import { LinkPicker } from '@renderer/features/evidence/editor/LinkPicker'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

export interface IssueFields {
  question: string
  status: IssueStatus
  notes: string
  eventIds: string[]
  evidenceIds: string[]
  statuteIds: string[]
}

export const fieldsOf = (i: Issue): IssueFields => ({
  question: i.question,
  status: i.status,
  notes: i.notes,
  eventIds: [...i.eventIds],
  evidenceIds: [...i.evidenceIds],
  statuteIds: [...i.statuteIds],
})

const EMPTY: IssueFields = { question: '', status: 'open', notes: '', eventIds: [], evidenceIds: [], statuteIds: [] }

/**
 * The question, its status and position, and what bears on it: facts from the
 * timeline, exhibits, and the excerpts this case links (the Statutes tab links more).
 */
export function IssueForm({
  issue,
  detail,
  onSave,
  onCancel,
}: {
  issue?: Issue
  detail: CaseDetail
  onSave: (fields: IssueFields) => Promise<void>
  onCancel: () => void
}) {
  const t = useT()
  const lang = useLanguage()
  const id = useId()
  const [f, setF] = useState<IssueFields>(() => (issue ? fieldsOf(issue) : EMPTY))
  const [missing, setMissing] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof IssueFields>(k: K, v: IssueFields[K]) => setF((old) => ({ ...old, [k]: v }))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const question = f.question.trim()
    setMissing(!question)
    if (!question) return
    setBusy(true)
    setError('')
    try {
      await onSave({ ...f, question })
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <form className="form issue-form" onSubmit={submit} noValidate>
      <div className="issue-form__top">
        <div className="field issue-form__question">
          <label htmlFor={`${id}-q`}>{t('issues.question')}</label>
          <textarea
            id={`${id}-q`}
            rows={2}
            data-autofocus
            placeholder={t('issues.questionPlaceholder')}
            value={f.question}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-q-error` : undefined}
            onChange={(e) => set('question', e.target.value.replace(/\n/g, ' '))}
          />
          {missing && (
            <p id={`${id}-q-error`} className="field-error">
              {t('issues.questionMissing')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('issues.status')}</label>
          <select id={`${id}-status`} value={f.status} onChange={(e) => set('status', e.target.value as IssueStatus)}>
            {ISSUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`issues.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('issues.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={f.notes}
          aria-describedby={`${id}-notes-hint`}
          onChange={(e) => set('notes', e.target.value)}
        />
        <p id={`${id}-notes-hint`} className="hint">
          {t('issues.notesHint')}
        </p>
      </div>
      <div className="issue-form__links">
        <LinkPicker
          legend={t('issues.events')}
          options={detail.events}
          selected={f.eventIds}
          describe={(e) => eventChoiceLabel(e, lang)}
          onChange={(ids) => set('eventIds', ids)}
          empty={t('issues.noEvents')}
        />
        <LinkPicker
          legend={t('issues.evidence')}
          options={detail.evidence}
          selected={f.evidenceIds}
          describe={(x) => x.title}
          onChange={(ids) => set('evidenceIds', ids)}
          empty={t('issues.noEvidence')}
        />
        <LinkPicker
          legend={t('issues.excerpts')}
          options={detail.statutes}
          selected={f.statuteIds}
          describe={(s) => `${citationLabel(s)}${s.heading ? ` — ${s.heading}` : ''}`}
          onChange={(ids) => set('statuteIds', ids)}
          empty={t('issues.noExcerpts')}
        />
      </div>
      <FormFooter
        error={error ? t('issues.saveFailed', { reason: error }) : null}
        onCancel={onCancel}
        submitLabel={issue ? t('issues.save') : t('issues.add')}
        busy={busy}
      />
    </form>
  )
}

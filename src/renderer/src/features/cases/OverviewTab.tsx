import { useEffect, useRef, useState } from 'react'
import { CASE_STATUSES, type Case, type CasePatch, type CaseStatus } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { ClassificationInput } from '@renderer/components/ClassificationInput'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { call } from '@renderer/lib/api'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'
import { useUndo } from '@renderer/lib/undo'
import { messageOf } from '@shared/ipc/result'
import { statusKey } from './caseFormat'

type Draft = Required<
  Pick<CasePatch, 'reference' | 'title' | 'summary' | 'status' | 'classification' | 'jurisdictions' | 'tags'>
>

const draftOf = (c: Case): Draft => ({
  reference: c.reference,
  title: c.title,
  summary: c.summary,
  status: c.status,
  classification: c.classification,
  jurisdictions: c.jurisdictions,
  tags: c.tags,
})

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The case's own fields; every edit autosaves the whole form through
 * cases:update, and each save is a step of the case's undo history (quick
 * successive saves, typing, are one step).
 */
export function OverviewTab({ caseId, detail, readOnly, onSaved }: CaseTabProps & { onSaved: (c: Case) => void }) {
  const t = useT()
  const fmt = useFormat()
  const undo = useUndo()
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail.case))
  const known = useRef(detail.case.updatedAt)
  // What the file holds now, as far as this form knows: the way back of the next undo step.
  const saved = useRef<Draft>(draftOf(detail.case))
  const autosave = useAutosave(async (patch: Draft) => {
    const out = await call('cases:update', { caseId, patch }).catch((e: unknown) => {
      // The contract nests the fields under `patch`; the person only knows the field names.
      throw new Error(messageOf(e).replace(/\bpatch\./g, ''))
    })
    known.current = out.updatedAt
    const before = saved.current
    saved.current = patch
    if (!sameDraft(before, patch))
      undo.record({
        label: t('undo.editOverview'),
        mergeKey: `overview:${caseId}`,
        undo: () => call('cases:update', { caseId, patch: before }),
        redo: () => call('cases:update', { caseId, patch }),
      })
    onSaved(out)
  })

  // A newer version saved elsewhere (renamed from the list) replaces the form, but only when the form
  // holds no unsaved edit; an older or equal one never does, so typed text is never reverted.
  const busy =
    autosave.state.status === 'pending' || autosave.state.status === 'saving' || autosave.state.status === 'error'
  useEffect(() => {
    if (detail.case.updatedAt > known.current && !busy) {
      known.current = detail.case.updatedAt
      saved.current = draftOf(detail.case)
      setDraft(saved.current)
    }
  }, [detail.case, busy])

  const edit = <K extends keyof Draft>(key: K, value: Draft[K], { now = false } = {}) => {
    const next = { ...draft, [key]: value }
    setDraft(next)
    autosave.change(next)
    if (now) void autosave.flush()
  }
  const flush = () => void autosave.flush()
  const titleMissing = !draft.title.trim()

  return (
    <form className="form overview" onSubmit={(e) => (e.preventDefault(), flush())} aria-label={t('overview.label')}>
      <div className="form__status">
        <SaveStatus state={autosave.state} />
      </div>
      <fieldset disabled={readOnly} className="form-grid">
        <div className="field field--wide">
          <label htmlFor="case-title-input">{t('cases.title')}</label>
          <input
            id="case-title-input"
            value={draft.title}
            aria-invalid={titleMissing || undefined}
            aria-describedby={titleMissing ? 'case-title-hint' : undefined}
            onChange={(e) => edit('title', e.target.value)}
            onBlur={flush}
          />
          {titleMissing && (
            <p id="case-title-hint" className="field-error">
              {t('cases.titleMissing')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="case-reference-input">{t('cases.reference')}</label>
          <input
            id="case-reference-input"
            value={draft.reference}
            spellCheck={false}
            onChange={(e) => edit('reference', e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field">
          <label htmlFor="case-status-input">{t('cases.status')}</label>
          <select
            id="case-status-input"
            value={draft.status}
            onChange={(e) => edit('status', e.target.value as CaseStatus, { now: true })}
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-classification-input">{t('overview.classification')}</label>
          <ClassificationInput
            id="case-classification-input"
            value={draft.classification}
            invalid={!draft.classification.trim()}
            onChange={(v) => edit('classification', v)}
            onBlur={flush}
          />
        </div>
        <div className="field field--wide">
          <label htmlFor="case-summary-input">{t('overview.summary')}</label>
          <textarea
            id="case-summary-input"
            rows={9}
            value={draft.summary}
            onChange={(e) => edit('summary', e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field--wide field-pair">
          <ChipsInput
            label={t('overview.jurisdictions')}
            values={draft.jurisdictions}
            placeholder={t('overview.jurisdictionsPlaceholder')}
            disabled={readOnly}
            onChange={(v) => edit('jurisdictions', v)}
            onBlur={flush}
          />
          <ChipsInput
            label={t('overview.tags')}
            values={draft.tags}
            placeholder={t('overview.tagsPlaceholder')}
            disabled={readOnly}
            onChange={(v) => edit('tags', v)}
            onBlur={flush}
          />
        </div>
      </fieldset>
      <p className="muted form__foot">
        {t('overview.times', {
          created: fmt.dateTime(detail.case.createdAt),
          changed: fmt.dateTime(detail.case.updatedAt),
        })}
      </p>
    </form>
  )
}

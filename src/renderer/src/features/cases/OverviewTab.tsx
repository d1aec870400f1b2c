import { useEffect, useRef, useState } from 'react'
import { CASE_STATUSES, type Case, type CasePatch, type CaseStatus } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { ClassificationInput } from '@renderer/components/ClassificationInput'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { call } from '@renderer/lib/api'
import { STATUS_LABELS } from './caseFormat'
import { messageOf } from '@shared/ipc/result'

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

/** The case's own fields; every edit autosaves the whole form through cases:update. */
export function OverviewTab({ caseId, detail, readOnly, onSaved }: CaseTabProps & { onSaved: (c: Case) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail.case))
  const known = useRef(detail.case.updatedAt)
  const autosave = useAutosave(async (patch: Draft) => {
    const saved = await call('cases:update', { caseId, patch }).catch((e: unknown) => {
      // The contract nests the fields under `patch`; the person only knows the field names.
      throw new Error(messageOf(e).replace(/\bpatch\./g, ''))
    })
    known.current = saved.updatedAt
    onSaved(saved)
  })

  // A newer version saved elsewhere (renamed from the list) replaces the form, but only when the form
  // holds no unsaved edit; an older or equal one never does, so typed text is never reverted.
  const busy =
    autosave.state.status === 'pending' || autosave.state.status === 'saving' || autosave.state.status === 'error'
  useEffect(() => {
    if (detail.case.updatedAt > known.current && !busy) {
      known.current = detail.case.updatedAt
      setDraft(draftOf(detail.case))
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
    <form className="form overview" onSubmit={(e) => (e.preventDefault(), flush())} aria-label="Case overview">
      <div className="form__status">
        <SaveStatus state={autosave.state} />
      </div>
      <fieldset disabled={readOnly} className="form-grid">
        <div className="field field--wide">
          <label htmlFor="case-title-input">Title</label>
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
              A case needs a title.
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="case-reference-input">Reference</label>
          <input
            id="case-reference-input"
            value={draft.reference}
            spellCheck={false}
            onChange={(e) => edit('reference', e.target.value)}
            onBlur={flush}
          />
        </div>
        <div className="field">
          <label htmlFor="case-status-input">Status</label>
          <select
            id="case-status-input"
            value={draft.status}
            onChange={(e) => edit('status', e.target.value as CaseStatus, { now: true })}
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-classification-input">Classification marking</label>
          <ClassificationInput
            id="case-classification-input"
            value={draft.classification}
            invalid={!draft.classification.trim()}
            onChange={(v) => edit('classification', v)}
            onBlur={flush}
          />
        </div>
        <div className="field field--wide">
          <label htmlFor="case-summary-input">Summary</label>
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
            label="Jurisdictions"
            values={draft.jurisdictions}
            placeholder="Add a jurisdiction and press Enter"
            disabled={readOnly}
            onChange={(v) => edit('jurisdictions', v)}
            onBlur={flush}
          />
          <ChipsInput
            label="Tags"
            values={draft.tags}
            placeholder="Add a tag and press Enter"
            disabled={readOnly}
            onChange={(v) => edit('tags', v)}
            onBlur={flush}
          />
        </div>
      </fieldset>
      <p className="muted form__foot">
        Created {new Date(detail.case.createdAt).toLocaleString()} · last changed{' '}
        {new Date(detail.case.updatedAt).toLocaleString()}
      </p>
    </form>
  )
}

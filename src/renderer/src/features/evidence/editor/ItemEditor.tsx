import { useCallback, useId, useRef, useState } from 'react'
import {
  EVIDENCE_KINDS,
  verificationCaveat,
  type CaseDetail,
  type EvidenceItem,
  type EvidenceKind,
} from '@shared/domain'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { AnnotationsPane } from '../annotations/AnnotationsPane'
import { evidenceApi, openExternal } from '../api'
import { isWebUrl } from '@renderer/lib/url'
import { eventChoiceLabel, KIND_ICONS, STATUS_TONE } from '../format'
import { CustodyTable } from './CustodyTable'
import { FileFacts } from './FileFacts'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { defaultTimeZone, rememberTimeZone } from '@renderer/lib/timeZones'
import { formOf, inZone, patchOf, withSaved, type EvidenceForm } from './form'
import { LinkPicker } from './LinkPicker'
import { VerificationFields } from './VerificationFields'
import { messageOf } from '@shared/ipc/result'

type Section = 'details' | 'media' | 'custody'

export interface ItemEditorProps {
  caseId: string
  item: EvidenceItem
  detail: CaseDetail
  onSaved: (item: EvidenceItem) => void
  onRemoved: () => void
}

/** One evidence item: metadata, verification, file facts, media with annotations, custody. Keyed by item id. */
export function ItemEditor({ caseId, item, detail, onSaved, onRemoved }: ItemEditorProps) {
  const [form, setForm] = useState<EvidenceForm>(() => formOf(item, defaultTimeZone()))
  const baseline = useRef(form)
  const [section, setSection] = useState<Section>(item.file ? 'media' : 'details')
  const [confirmRemove, setConfirmRemove] = useState(false)
  const [linkError, setLinkError] = useState('')
  const id = useId()

  const autosave = useAutosave(async (next: EvidenceForm) => {
    const patch = patchOf(baseline.current, next)
    if (!Object.keys(patch).length) return
    const result = await evidenceApi.update(caseId, item.id, patch)
    if (result.ok) {
      baseline.current = withSaved(next, result.value)
      onSaved(result.value)
    }
    return result
  })

  const change = useCallback(
    (next: EvidenceForm) => {
      setForm(next)
      autosave.change(next)
    },
    [autosave],
  )
  const set = <K extends keyof EvidenceForm>(key: K, value: EvidenceForm[K]) => change({ ...form, [key]: value })

  const caveat = verificationCaveat(form.verification.status)
  const mediaLabel = item.file
    ? item.kind === 'video' || item.kind === 'audio'
      ? `${item.kind === 'video' ? 'Video' : 'Audio'} & annotations`
      : 'File & annotations'
    : 'Annotations'

  const openLink = async () => {
    setLinkError('')
    try {
      await openExternal(form.sourceUrl)
    } catch (e) {
      setLinkError(messageOf(e))
    }
  }

  return (
    <article className="ev-editor" aria-labelledby={`${id}-title`} onBlur={() => void autosave.flush()}>
      <header className="ev-editor__head">
        <span className={`ev-kind ev-kind--large ev-kind--${form.kind.replace(' ', '-')}`} aria-hidden="true">
          {KIND_ICONS[form.kind]}
        </span>
        <div className="ev-editor__titlebox">
          <label htmlFor={`${id}-title`} className="visually-hidden">
            Title
          </label>
          {/* A textarea so a long title wraps instead of hiding its end; Enter does not add a line. */}
          <textarea
            id={`${id}-title`}
            className="ev-editor__title"
            rows={1}
            value={form.title}
            onChange={(e) => set('title', e.target.value.replace(/\n/g, ' '))}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          <div className="ev-editor__sub">
            <span className={`badge badge--${STATUS_TONE[form.verification.status]}`}>{form.verification.status}</span>
            <SaveStatus state={autosave.state} />
          </div>
        </div>
        <button type="button" className="button--danger ev-editor__remove" onClick={() => setConfirmRemove(true)}>
          Remove…
        </button>
      </header>
      {caveat && (
        <p className="ev-caveat" role="note">
          {caveat} Citations of it in memos will carry this caveat.
        </p>
      )}

      <div className="ev-tabs" role="tablist" aria-label="Item sections">
        {(['media', 'details', 'custody'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`${id}-tab-${s}`}
            aria-selected={section === s}
            aria-controls={`${id}-panel`}
            className={`ev-tabs__tab ${section === s ? 'ev-tabs__tab--active' : ''}`}
            onClick={() => setSection(s)}
          >
            {s === 'media'
              ? mediaLabel
              : s === 'details'
                ? 'Details & verification'
                : `Custody log (${item.custody.length})`}
          </button>
        ))}
      </div>

      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${section}`} className="ev-editor__panel">
        {section === 'media' && <AnnotationsPane caseId={caseId} item={item} detail={detail} />}
        {section === 'custody' && <CustodyTable entries={item.custody} />}
        {section === 'details' && (
          <div className="ev-details">
            <section className="ev-details__col">
              <h3>Item</h3>
              <div className="field">
                <label htmlFor={`${id}-kind`}>Kind</label>
                <select
                  id={`${id}-kind`}
                  value={form.kind}
                  onChange={(e) => set('kind', e.target.value as EvidenceKind)}
                >
                  {EVIDENCE_KINDS.map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-desc`}>Description</label>
                <textarea
                  id={`${id}-desc`}
                  rows={3}
                  value={form.description}
                  onChange={(e) => set('description', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-url`}>Source URL as captured</label>
                <input id={`${id}-url`} value={form.sourceUrl} onChange={(e) => set('sourceUrl', e.target.value)} />
                {form.sourceUrl &&
                  (isWebUrl(form.sourceUrl) ? (
                    <button
                      type="button"
                      className="button--link ev-url"
                      onClick={openLink}
                      title="Opens in the system browser"
                    >
                      {form.sourceUrl} ↗
                    </button>
                  ) : (
                    <span className="muted small">Not an http(s) link: it will not be opened.</span>
                  ))}
                {linkError && (
                  <span className="form-error" role="alert">
                    {linkError}
                  </span>
                )}
              </div>
              <div className="field ev-form__zone">
                <label htmlFor={`${id}-tz`}>Dates below are in</label>
                <TimeZoneSelect
                  id={`${id}-tz`}
                  value={form.tz}
                  onChange={(tz) => {
                    rememberTimeZone(tz)
                    // Only the display changes: nothing to save (a save under way keeps its own zone).
                    setForm(inZone(form, tz))
                  }}
                />
              </div>
              <div className="ev-form__row">
                <DateField label="Captured at" value={form.capturedAt} onChange={(v) => set('capturedAt', v)} />
                <div className="field">
                  <label htmlFor={`${id}-by`}>Captured by</label>
                  <input id={`${id}-by`} value={form.capturedBy} onChange={(e) => set('capturedBy', e.target.value)} />
                </div>
              </div>
              <div className="ev-form__row">
                <DateField label="Published at" value={form.publishedAt} onChange={(v) => set('publishedAt', v)} />
                <DateField label="Event date" value={form.eventDate} onChange={(v) => set('eventDate', v)} />
              </div>
              <ChipsInput
                label="Tags"
                values={form.tags}
                onChange={(tags) => set('tags', tags)}
                placeholder="Add a tag, Enter"
              />
              <LinkPicker
                legend="Timeline events"
                options={detail.events}
                selected={form.eventIds}
                describe={eventChoiceLabel}
                onChange={(ids) => set('eventIds', ids)}
                empty="The case has no timeline events yet."
              />
              <h3>File</h3>
              <FileFacts file={item.file} />
            </section>
            <section className="ev-details__col">
              <h3>Verification</h3>
              <VerificationFields form={form} onChange={change} />
            </section>
          </div>
        )}
      </div>
      {confirmRemove && (
        <ConfirmDialog
          title="Remove evidence item"
          message={`Remove “${item.title}” and its annotations from the case? The stored file and the audit log are kept.`}
          confirmLabel="Remove item"
          onConfirm={async () => {
            await evidenceApi.remove(caseId, item.id)
            onRemoved()
          }}
          onClose={() => setConfirmRemove(false)}
        />
      )}
    </article>
  )
}

function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}

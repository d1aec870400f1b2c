import { useId, useState } from 'react'
import { EVIDENCE_KINDS, type CaseDetail, type EvidenceItem, type EvidenceKind } from '@shared/domain'
import { ChipsInput } from '@renderer/components/ChipsInput'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { rememberTimeZone } from '@renderer/lib/timeZones'
import { isWebUrl } from '@shared/domain/webUrl'
import { messageOf } from '@shared/ipc/result'
import { openExternal } from '../api'
import { eventChoiceLabel } from '../format'
import { FileFacts } from './FileFacts'
import { inZone, type EvidenceForm } from './form'
import { LinkPicker } from './LinkPicker'
import { VerificationFields } from './VerificationFields'
import { WithholdFields } from './WithholdFields'

interface Props {
  item: EvidenceItem
  detail: CaseDetail
  form: EvidenceForm
  /** An edit to save. */
  change: (next: EvidenceForm) => void
  /** A change of display only (the zone dates are shown in): nothing to save. */
  show: (next: EvidenceForm) => void
}

/** What the item is, where it came from and when, its links and tags, release flags, its file, and verification. */
export function DetailsPanel({ item, detail, form, change, show }: Props) {
  const t = useT('evidence')
  const lang = useLanguage()
  const id = useId()
  const [linkError, setLinkError] = useState('')
  const set = <K extends keyof EvidenceForm>(key: K, value: EvidenceForm[K]) => change({ ...form, [key]: value })

  const openLink = async () => {
    setLinkError('')
    try {
      await openExternal(form.sourceUrl)
    } catch (e) {
      setLinkError(messageOf(e))
    }
  }

  return (
    <div className="ev-details">
      <section className="ev-details__col" aria-labelledby={`${id}-item`}>
        <h3 id={`${id}-item`}>{t('details.item')}</h3>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('details.kind')}</label>
          <select id={`${id}-kind`} value={form.kind} onChange={(e) => set('kind', e.target.value as EvidenceKind)}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>{t('details.description')}</label>
          <textarea
            id={`${id}-desc`}
            rows={3}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('details.sourceUrl')}</label>
          <input id={`${id}-url`} value={form.sourceUrl} onChange={(e) => set('sourceUrl', e.target.value)} />
          {form.sourceUrl &&
            (isWebUrl(form.sourceUrl) ? (
              <button
                type="button"
                className="button--link ev-url"
                onClick={openLink}
                title={t('details.opensOutside')}
              >
                {form.sourceUrl} ↗
              </button>
            ) : (
              <span className="muted small">{t('details.notWeb')}</span>
            ))}
          {linkError && (
            <span className="form-error" role="alert">
              {linkError}
            </span>
          )}
        </div>
        <div className="field ev-form__zone">
          <label htmlFor={`${id}-tz`}>{t('details.zone')}</label>
          <TimeZoneSelect
            id={`${id}-tz`}
            value={form.tz}
            onChange={(tz) => {
              rememberTimeZone(tz)
              // Only the display changes: nothing to save (a save under way keeps its own zone).
              show(inZone(form, tz))
            }}
          />
        </div>
        <div className="ev-form__row">
          <DateField label={t('details.capturedAt')} value={form.capturedAt} onChange={(v) => set('capturedAt', v)} />
          <div className="field">
            <label htmlFor={`${id}-by`}>{t('details.capturedBy')}</label>
            <input id={`${id}-by`} value={form.capturedBy} onChange={(e) => set('capturedBy', e.target.value)} />
          </div>
        </div>
        <div className="ev-form__row">
          <DateField
            label={t('details.publishedAt')}
            value={form.publishedAt}
            onChange={(v) => set('publishedAt', v)}
          />
          <DateField label={t('details.eventDate')} value={form.eventDate} onChange={(v) => set('eventDate', v)} />
        </div>
        <ChipsInput
          label={t('details.tags')}
          values={form.tags}
          onChange={(tags) => set('tags', tags)}
          placeholder={t('details.tagPlaceholder')}
        />
        <LinkPicker
          legend={t('details.events')}
          options={detail.events}
          selected={form.eventIds}
          describe={(e) => eventChoiceLabel(e, lang)}
          onChange={(ids) => set('eventIds', ids)}
          empty={t('details.noEvents')}
        />
        <WithholdFields value={form.withhold} onChange={(w) => set('withhold', w)} />
        <h3>{t('details.file')}</h3>
        <FileFacts file={item.file} />
      </section>
      <section className="ev-details__col" aria-labelledby={`${id}-verif`}>
        <h3 id={`${id}-verif`}>{t('details.verification')}</h3>
        <VerificationFields form={form} onChange={change} />
      </section>
    </div>
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

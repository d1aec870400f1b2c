import { useId } from 'react'
import {
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  VERIFICATION_STATUSES,
  type VerificationStatus,
} from '@shared/domain'
import { useT } from '@renderer/lib/i18n'
import { STATUS_TONE } from '../format'
import { CHECKS, type CheckForm, type EvidenceForm } from './form'

function CheckFields({
  legend,
  hint,
  value,
  onChange,
}: {
  legend: string
  hint?: string
  value: CheckForm
  onChange: (v: CheckForm) => void
}) {
  const t = useT('evidence')
  const id = useId()
  return (
    <fieldset className="ev-check">
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      <label htmlFor={`${id}-s`}>{t('verification.status')}</label>
      <select
        id={`${id}-s`}
        className={`ev-status-select badge--${STATUS_TONE[value.status]}`}
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.target.value as VerificationStatus })}
      >
        {VERIFICATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-r`}>{t('verification.reasoning')}</label>
      <textarea
        id={`${id}-r`}
        rows={2}
        value={value.reasoning}
        onChange={(e) => onChange({ ...value, reasoning: e.target.value })}
      />
    </fieldset>
  )
}

/** Overall verdict, the three checks behind it, and the Admiralty grade. */
export function VerificationFields({ form, onChange }: { form: EvidenceForm; onChange: (f: EvidenceForm) => void }) {
  const t = useT('evidence')
  const v = form.verification
  const id = useId()
  return (
    <div className="ev-verification">
      <CheckFields
        legend={t('verification.overall')}
        value={{ status: v.status, reasoning: v.reasoning }}
        onChange={(c) => onChange({ ...form, verification: { ...v, ...c } })}
      />
      <div className="ev-checks">
        {CHECKS.map((c) => (
          <CheckFields
            key={c}
            legend={t(`verification.check.${c}`)}
            hint={t(`verification.hint.${c}`)}
            value={v[c]}
            onChange={(next) => onChange({ ...form, verification: { ...v, [c]: next } })}
          />
        ))}
      </div>
      <div className="ev-grades">
        <div className="field">
          <label htmlFor={`${id}-rel`}>{t('verification.reliability')}</label>
          <select
            id={`${id}-rel`}
            value={form.sourceReliability}
            onChange={(e) => onChange({ ...form, sourceReliability: e.target.value })}
          >
            <option value="">{t('verification.notGraded')}</option>
            {SOURCE_RELIABILITY.map((g) => (
              <option key={g} value={g}>
                {t(`reliability.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cred`}>{t('verification.credibility')}</label>
          <select
            id={`${id}-cred`}
            value={form.informationCredibility}
            onChange={(e) => onChange({ ...form, informationCredibility: e.target.value })}
          >
            <option value="">{t('verification.notGraded')}</option>
            {INFORMATION_CREDIBILITY.map((g) => (
              <option key={g} value={g}>
                {t(`credibility.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  )
}

import { useId } from 'react'
import {
  CREDIBILITY_LABELS,
  INFORMATION_CREDIBILITY,
  RELIABILITY_LABELS,
  SOURCE_RELIABILITY,
  VERIFICATION_STATUSES,
  type VerificationStatus,
} from '@shared/domain'
import { STATUS_TONE } from '../format'
import { CHECK_LABELS, CHECKS, type CheckForm, type EvidenceForm } from './form'

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
  const id = useId()
  return (
    <fieldset className="ev-check">
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      <label htmlFor={`${id}-s`}>Status</label>
      <select
        id={`${id}-s`}
        className={`ev-status-select badge--${STATUS_TONE[value.status]}`}
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.target.value as VerificationStatus })}
      >
        {VERIFICATION_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <label htmlFor={`${id}-r`}>Reasoning</label>
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
  const v = form.verification
  const id = useId()
  return (
    <div className="ev-verification">
      <CheckFields
        legend="Overall verification"
        value={{ status: v.status, reasoning: v.reasoning }}
        onChange={(c) => onChange({ ...form, verification: { ...v, ...c } })}
      />
      <div className="ev-checks">
        {CHECKS.map((c) => (
          <CheckFields
            key={c}
            legend={`${CHECK_LABELS[c].title} check`}
            hint={CHECK_LABELS[c].hint}
            value={v[c]}
            onChange={(next) => onChange({ ...form, verification: { ...v, [c]: next } })}
          />
        ))}
      </div>
      <div className="ev-grades">
        <div className="field">
          <label htmlFor={`${id}-rel`}>Source reliability</label>
          <select
            id={`${id}-rel`}
            value={form.sourceReliability}
            onChange={(e) => onChange({ ...form, sourceReliability: e.target.value })}
          >
            <option value="">not graded</option>
            {SOURCE_RELIABILITY.map((g) => (
              <option key={g} value={g}>
                {RELIABILITY_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cred`}>Information credibility</label>
          <select
            id={`${id}-cred`}
            value={form.informationCredibility}
            onChange={(e) => onChange({ ...form, informationCredibility: e.target.value })}
          >
            <option value="">not graded</option>
            {INFORMATION_CREDIBILITY.map((g) => (
              <option key={g} value={g}>
                {CREDIBILITY_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  )
}

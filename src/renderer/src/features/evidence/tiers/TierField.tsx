import { useId } from 'react'
import { useT } from '@renderer/lib/i18n'
import { NewTierForm } from './NewTierForm'

/**
 * The annotation's tier: one of the item's tiers, the default lane, or a new
 * tier made on the spot (the annotation moves to it once it exists).
 */
export function TierField({
  value,
  tiers,
  onChange,
  onCreate,
}: {
  value: string
  tiers: readonly string[]
  onChange: (tier: string) => void
  onCreate: (name: string) => Promise<void>
}) {
  const t = useT('evidence')
  const id = useId()
  // A tier named only by this annotation (not yet in the item's list) is still offered, so it shows as chosen.
  const options = value && !tiers.includes(value) ? [...tiers, value] : tiers
  return (
    <div className="field ev-tierfield">
      <label htmlFor={`${id}-tier`}>{t('tiers.field')}</label>
      <div className="ev-tierfield__row">
        <select id={`${id}-tier`} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('tiers.defaultLane')}</option>
          {options.map((tier) => (
            <option key={tier} value={tier}>
              {tier}
            </option>
          ))}
        </select>
        <NewTierForm
          tiers={tiers}
          label={t('tiers.newTierFor')}
          onCreate={async (name) => {
            await onCreate(name)
            onChange(name)
          }}
        />
      </div>
    </div>
  )
}

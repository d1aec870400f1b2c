import type { SelectHTMLAttributes } from 'react'
import { allTimeZones } from '@renderer/lib/timeZones'

type Props = { value: string; onChange: (tz: string) => void } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
>

/**
 * Every IANA zone this runtime knows ("America/New York"), and `value` even if
 * it does not know it. Zone names are identifiers, the same in every language
 * (translate="no"); a leading option (`children`) may offer a translated choice.
 */
export function TimeZoneSelect({ value, onChange, children, ...rest }: Props) {
  const list = allTimeZones()
  const zones = list.includes(value) || !value ? list : [value, ...list]
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {children}
      {zones.map((z) => (
        <option key={z} value={z} translate="no">
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  )
}

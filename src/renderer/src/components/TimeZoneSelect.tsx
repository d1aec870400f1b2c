import type { SelectHTMLAttributes } from 'react'
import { allTimeZones } from '@renderer/lib/timeZones'

type Props = { value: string; onChange: (tz: string) => void } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
>

/** Every IANA zone this runtime knows ("America/New York"), and `value` even if it does not know it. */
export function TimeZoneSelect({ value, onChange, ...rest }: Props) {
  const list = allTimeZones()
  const zones = list.includes(value) ? list : [value, ...list]
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  )
}

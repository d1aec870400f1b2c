import { isValidTimeZone } from '@shared/domain'

const LAST_ZONE_KEY = 'casefile.lastTimeZone'

let zones: string[] | null = null
/** Every IANA zone this runtime knows, plus UTC (Intl leaves it out of the list). */
export function allTimeZones(): string[] {
  if (!zones) {
    let list: string[] = []
    try {
      list = Intl.supportedValuesOf('timeZone')
    } catch {
      // Very old runtimes: the select still offers the essentials.
    }
    zones = [...new Set(['UTC', ...list])]
  }
  return zones
}

export function browserTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone
  return tz && isValidTimeZone(tz) ? tz : 'UTC'
}

/** The zone the user picked last (people log many events in one place), else the computer's. */
export function defaultTimeZone(): string {
  try {
    const v = localStorage.getItem(LAST_ZONE_KEY)
    if (v && isValidTimeZone(v)) return v
  } catch {
    // Storage can be unavailable; the computer's zone is a fine default.
  }
  return browserTimeZone()
}

export function rememberTimeZone(tz: string): void {
  try {
    localStorage.setItem(LAST_ZONE_KEY, tz)
  } catch {
    // Not remembering the zone costs a click next time, nothing more.
  }
}

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

let workspaceZone: string | null = null

/** The open workspace's default zone (its settings); the shell sets it when settings load or change. */
export function setWorkspaceTimeZone(tz: string | null): void {
  workspaceZone = tz && isValidTimeZone(tz) ? tz : null
}

/**
 * The zone a new date starts in: the one the user picked last (people log many
 * events in one place), else the workspace's default, else the computer's.
 */
export function defaultTimeZone(): string {
  try {
    const v = localStorage.getItem(LAST_ZONE_KEY)
    if (v && isValidTimeZone(v)) return v
  } catch {
    // Storage can be unavailable; the workspace's or the computer's zone is a fine default.
  }
  return workspaceZone ?? browserTimeZone()
}

export function rememberTimeZone(tz: string): void {
  try {
    localStorage.setItem(LAST_ZONE_KEY, tz)
  } catch {
    // Not remembering the zone costs a click next time, nothing more.
  }
}

/** Forgets the zone picked last, so the workspace's default applies again (it was just changed). */
export function forgetPickedTimeZone(): void {
  try {
    localStorage.removeItem(LAST_ZONE_KEY)
  } catch {
    // Nothing remembered, nothing to forget.
  }
}

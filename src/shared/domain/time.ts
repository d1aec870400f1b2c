/**
 * Wall-clock <-> instant conversion for IANA zones using only Intl, so the same
 * code runs in Node, the renderer and the PDF exporter.
 */

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const partsFormatter = new Map<string, Intl.DateTimeFormat>()
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = partsFormatter.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatter.set(tz, f)
  }
  return f
}

/** Offset of `tz` from UTC at instant `ms`, in minutes (Chicago in January: -360). */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  const parts = Object.fromEntries(
    formatterFor(tz)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  )
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/
const HAS_OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i

/**
 * Turns "2026-01-27T11:00" read in `tz` into a UTC ISO instant. A string that
 * already carries an offset or Z is taken as the instant it names.
 * Returns null when the text is not a date-time.
 */
export function localToInstant(text: string, tz: string): string | null {
  const trimmed = text.trim()
  if (HAS_OFFSET_RE.test(trimmed) && trimmed.includes('T')) {
    const ms = Date.parse(trimmed)
    return Number.isNaN(ms) ? null : new Date(ms).toISOString()
  }
  const m = LOCAL_RE.exec(trimmed)
  if (!m) return null
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s)
  const check = new Date(wall)
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null
  // Two passes settle the offset across DST transitions.
  let guess = wall - zoneOffsetMinutes(wall, tz) * 60_000
  guess = wall - zoneOffsetMinutes(guess, tz) * 60_000
  return new Date(guess).toISOString()
}

/** The wall-clock form of an instant in `tz`: "2026-01-27T11:00". */
export function instantToLocal(instant: string, tz: string): string {
  const ms = Date.parse(instant)
  const local = new Date(ms + zoneOffsetMinutes(ms, tz) * 60_000)
  return local.toISOString().slice(0, 16)
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const LOCALES = { en: 'en-GB', es: 'es' } as const

/** "28 January 2026" / "28 de enero de 2026": how a memo dates itself; the day as seen in `tz`. */
export function formatLongDate(d: Date, lang: 'en' | 'es' = 'en', tz = 'UTC'): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: tz,
  }).format(d)
}

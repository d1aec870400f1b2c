/**
 * Wall-clock <-> instant conversion for IANA zones using only Intl, so the same
 * code runs in Node, the renderer and the PDF exporter.
 */

/**
 * Which zone names are valid, remembered: building an Intl.DateTimeFormat to ask
 * costs ~50 µs, and a case file's validation asks once per event (10,000 events
 * took 0.5–1.4 s to open). Bounded, since names come from files and people: past
 * the limit the oldest answer is forgotten (a Map keeps insertion order).
 */
const zoneValidity = new Map<string, boolean>()
let zoneCacheLimit = 1_000

/** Tests and the benchmark's uncached baseline set the limit (0: no cache). */
export function setTimeZoneCacheLimit(limit: number): void {
  zoneCacheLimit = Math.max(0, limit)
  zoneValidity.clear()
}

export const timeZoneCacheSize = (): number => zoneValidity.size

export function isValidTimeZone(tz: string): boolean {
  const known = zoneValidity.get(tz)
  if (known !== undefined) return known
  let valid: boolean
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    valid = true
  } catch {
    valid = false
  }
  if (zoneCacheLimit > 0) {
    if (zoneValidity.size >= zoneCacheLimit) zoneValidity.delete(zoneValidity.keys().next().value!)
    zoneValidity.set(tz, valid)
  }
  return valid
}

const partsFormatter = new Map<string, Intl.DateTimeFormat>()
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = partsFormatter.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
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

/**
 * Milliseconds of a UTC date-time with the year taken as written: Date.UTC maps years
 * 0–99 to 1900–1999, so "0000-01-01" would become 1900.
 */
export function utcMillis(year: number, month0: number, day: number, h = 0, mi = 0, s = 0): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month0, day)
  d.setUTCHours(h, mi, s, 0)
  return d.getTime()
}

/** Offset of `tz` from UTC at instant `ms`, in minutes (Chicago in January: -360). */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  const parts = Object.fromEntries(
    formatterFor(tz)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  )
  // Years before 1 AD come as "1 BC", "2 BC" ...: year 0 is 1 BC.
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - +parts.year : +parts.year
  const asUtc = utcMillis(year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/
const HAS_OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i
/** A date and time with its offset, as ISO 8601 writes it (seconds and their fraction optional). */
const OFFSET_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i

/** Whether the written date and time exist: Date.UTC takes 30 February for 2 March, and minute 60 for the next hour. */
function wallTimeExists(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (h > 23 || mi > 59 || s > 59) return false
  const check = new Date(utcMillis(y, mo - 1, d, h, mi, s))
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
}

export interface ResolvedTime {
  /** The UTC ISO instant. */
  instant: string
  /**
   * Set when the wall-clock time was not a single instant in the zone, with a sentence for the
   * person: 'gap' (clocks jumped over it; moved forward by the jump) or 'repeated' (it happened
   * twice; the first is taken).
   */
  adjusted?: 'gap' | 'repeated'
  note?: string
  /** The note's parts, for wording it in another language (the command line's catalogue keys `cli:dst.<adjusted>`). */
  noteValues?: Record<string, string | number>
}

const DAY = 86_400_000
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)

/**
 * Reads "2026-01-27T11:00" in `tz`. A string that already carries an offset or Z is the
 * instant it names. Null when the text is not a date-time.
 *
 * Daylight-saving changes, decided once for every entry point:
 * - a time the clocks skipped (02:30 on the spring-forward night) does not exist: it is
 *   moved forward by the jump (03:30), as if read with the offset before the change, and
 *   `note` says so;
 * - a time that happened twice (01:30 on the fall-back night) is taken as the first one
 *   (the offset before the change), and `note` says how to name the second (with an offset).
 */
export function resolveLocalTime(text: string, tz: string): ResolvedTime | null {
  const trimmed = text.trim()
  if (HAS_OFFSET_RE.test(trimmed) && trimmed.includes('T')) {
    // Never moved without a word: a date or time that does not exist as written is refused.
    const o = OFFSET_TIME_RE.exec(trimmed)
    if (!o || !wallTimeExists(+o[1], +o[2], +o[3], +o[4], +o[5], +(o[6] ?? 0))) return null
    if (o[7] !== undefined && (+o[7] > 23 || +o[8] > 59)) return null
    const ms = Date.parse(trimmed)
    return Number.isNaN(ms) ? null : { instant: new Date(ms).toISOString() }
  }
  const m = LOCAL_RE.exec(trimmed)
  if (!m) return null
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m
  if (!wallTimeExists(+y, +mo, +d, +h, +mi, +s)) return null
  const wall = utcMillis(+y, +mo - 1, +d, +h, +mi, +s)

  // The offsets a day either side: equal but for the odd day a change falls on.
  const before = zoneOffsetMinutes(wall - DAY, tz)
  const after = zoneOffsetMinutes(wall + DAY, tz)
  const fits = (offset: number) => zoneOffsetMinutes(wall - offset * 60_000, tz) === offset
  const candidates = [...new Set([before, after])].filter(fits).map((o) => wall - o * 60_000)
  const local = `${y}-${mo}-${d}T${h}:${mi}`
  if (candidates.length === 1) return { instant: new Date(candidates[0]).toISOString() }
  if (candidates.length > 1) {
    const first = Math.min(...candidates)
    const firstOffset = zoneOffsetMinutes(first, tz)
    const secondOffset = zoneOffsetMinutes(Math.max(...candidates), tz)
    return {
      instant: new Date(first).toISOString(),
      adjusted: 'repeated',
      noteValues: {
        local,
        tz,
        first: formatOffset(firstOffset),
        second: `${local}${formatOffset(secondOffset).slice(3)}`,
      },
      note: `${local} happened twice in ${tz} (the clocks went back): taken as the first, at ${formatOffset(firstOffset)}. For the second, give its offset: ${local}${formatOffset(secondOffset).slice(3)}.`,
    }
  }
  if (before !== after) {
    const moved = wall - before * 60_000
    return {
      instant: new Date(moved).toISOString(),
      adjusted: 'gap',
      noteValues: {
        local,
        tz,
        direction: after > before ? 'forward' : 'back',
        minutes: Math.abs(after - before),
        taken: hhmm(moved + after * 60_000),
        offset: formatOffset(after),
        wall: hhmm(wall),
      },
      note: `${local} does not exist in ${tz}: the clocks jumped ${after > before ? 'forward' : 'back'} by ${Math.abs(after - before)} minutes there. Taken as ${hhmm(moved + after * 60_000)} (${formatOffset(after)}), the same instant as ${hhmm(wall)} at the offset before the change.`,
    }
  }
  // Two changes within a day (never seen in real zones): settle the offset in two passes.
  let guess = wall - zoneOffsetMinutes(wall, tz) * 60_000
  guess = wall - zoneOffsetMinutes(guess, tz) * 60_000
  return { instant: new Date(guess).toISOString() }
}

/** The instant of a wall-clock time in `tz` (see resolveLocalTime for DST gaps and repeats); null when not a date-time. */
export function localToInstant(text: string, tz: string): string | null {
  return resolveLocalTime(text, tz)?.instant ?? null
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

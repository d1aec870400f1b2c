/**
 * When a timeline event happened, in words, through the one formatter
 * (format.ts): "27 January 2026, ~11:00 (America/Chicago, UTC-06:00)" /
 * "27 de enero de 2026, ~11:00 (America/Chicago, UTC-06:00)". The time is
 * shown in the event's own zone, or in one zone the reader chose for the
 * whole timeline; the zone is always named. A day or a month (the precision
 * says so) is the day or month where it happened, in any view.
 */
import type { Language } from '../domain/language'
import { formatOffset, zoneOffsetMinutes } from '../domain/time'
import { formatDate } from './format'

const LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es' }
const cache = new Map<string, Intl.DateTimeFormat>()

function intl(lang: Language, tz: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${tz}|${JSON.stringify(opts)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...opts, timeZone: tz })
    if (cache.size > 500) cache.clear()
    cache.set(key, f)
  }
  return f
}

export interface EventWhen {
  at: string
  tz: string
  precision: 'exact' | 'approximate' | 'day' | 'month'
}

/** "January 2026" / "enero de 2026" in `tz`. */
export function formatMonth(value: string | Date, lang: Language, tz = 'UTC'): string {
  return intl(lang, tz, { month: 'long', year: 'numeric' }).format(typeof value === 'string' ? new Date(value) : value)
}

/** "11:00" in `tz`, 24-hour. */
export function formatTime(value: string | Date, lang: Language, tz = 'UTC'): string {
  return intl(lang, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    typeof value === 'string' ? new Date(value) : value,
  )
}

/**
 * The moment of an event as a reader sees it: in its own zone, or in `zone`
 * when given (exact and approximate times only). Approximate times carry "~".
 */
export function formatEventWhen(e: EventWhen, lang: Language, zone?: string): string {
  if (e.precision === 'month') return formatMonth(e.at, lang, e.tz)
  if (e.precision === 'day') return `${formatDate(e.at, lang, e.tz)} (${e.tz})`
  const tz = zone ?? e.tz
  const approx = e.precision === 'approximate' ? '~' : ''
  const offset = formatOffset(zoneOffsetMinutes(Date.parse(e.at), tz))
  return `${formatDate(e.at, lang, tz)}, ${approx}${formatTime(e.at, lang, tz)} (${tz}, ${offset})`
}

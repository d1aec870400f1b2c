/**
 * One formatter for dates, times and numbers, used by every screen, the memo and
 * the command line: a date reads the same everywhere in one language ("28 de
 * enero de 2026" / "28 January 2026"), times in 24 hours with their zone named.
 */
import type { Language } from '../domain/language'

const LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es' }
const cache = new Map<string, Intl.DateTimeFormat>()

function fmt(lang: Language, tz: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${tz}|${JSON.stringify(opts)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...opts, timeZone: tz })
    if (cache.size > 500) cache.clear()
    cache.set(key, f)
  }
  return f
}

const toDate = (v: string | number | Date) => (v instanceof Date ? v : new Date(v))

/** "28 January 2026" / "28 de enero de 2026", the day as seen in `tz` (UTC by default). */
export function formatDate(value: string | number | Date, lang: Language, tz = 'UTC'): string {
  return fmt(lang, tz, { day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(value))
}

/** "28 January 2026, 10:45" in `tz`, with the zone named when `showZone`. */
export function formatDateTime(
  value: string | number | Date,
  lang: Language,
  tz = 'UTC',
  { showZone = false }: { showZone?: boolean } = {},
): string {
  // Date and time joined by a comma in both languages (Intl would say "at" in English, "a las" in Spanish).
  const date = toDate(value)
  const text = `${formatDate(date, lang, tz)}, ${fmt(lang, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)}`
  return showZone ? `${text} (${tz})` : text
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n)
}

/** "1.5 MB" / "1,5 MB": decimal units, as file managers show them. */
export function formatBytes(bytes: number, lang: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let v = bytes
  let i = 0
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000
    i++
  }
  const digits = i === 0 || v >= 100 ? 0 : 1
  return `${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v)} ${units[i]}`
}

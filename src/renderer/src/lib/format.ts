/**
 * The shared formatter (src/shared/i18n) bound to the window's language: every
 * date, time and number a screen shows goes through here. Times of the
 * workspace's own records (created, changed, removed) are shown in this
 * computer's zone; event times in theirs (formatEventWhen).
 */
import { useMemo } from 'react'
import { formatBytes, formatDate, formatDateTime, formatNumber } from '@shared/i18n'
import { formatEventWhen, type EventWhen } from '@shared/i18n/eventTime'
import { useLanguage } from './i18n'
import { browserTimeZone } from './timeZones'

export function useFormat() {
  const lang = useLanguage()
  return useMemo(
    () => ({
      lang,
      /** "28 January 2026" / "28 de enero de 2026". */
      date: (v: string | number | Date, tz = browserTimeZone()) => formatDate(v, lang, tz),
      /** "28 January 2026, 10:45", with "(Zone)" when showZone. */
      dateTime: (v: string | number | Date, tz = browserTimeZone(), showZone = false) =>
        formatDateTime(v, lang, tz, { showZone }),
      number: (n: number) => formatNumber(n, lang),
      bytes: (n: number) => formatBytes(n, lang),
      /** An event's moment in its own zone, or in `zone` for the whole timeline. */
      eventWhen: (e: EventWhen, zone?: string) => formatEventWhen(e, lang, zone),
    }),
    [lang],
  )
}
export type Format = ReturnType<typeof useFormat>

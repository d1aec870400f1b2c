import { describe, expect, it } from 'vitest'
import { formatEventWhen, formatMonth } from '@shared/i18n/eventTime'

const at = '2026-01-27T17:00:00.000Z'

describe('event times', () => {
  it('read the same as every other date, in the event’s own zone with the zone named', () => {
    expect(formatEventWhen({ at, tz: 'America/Chicago', precision: 'exact' }, 'en')).toBe(
      '27 January 2026, 11:00 (America/Chicago, UTC-06:00)',
    )
    expect(formatEventWhen({ at, tz: 'America/Chicago', precision: 'approximate' }, 'es')).toBe(
      '27 de enero de 2026, ~11:00 (America/Chicago, UTC-06:00)',
    )
    expect(formatEventWhen({ at, tz: 'America/Chicago', precision: 'day' }, 'es')).toBe(
      '27 de enero de 2026 (America/Chicago)',
    )
    expect(formatEventWhen({ at, tz: 'America/Chicago', precision: 'month' }, 'en')).toBe('January 2026')
    expect(formatMonth(at, 'es', 'America/Chicago')).toBe('enero de 2026')
  })

  it('can show the whole timeline in one zone; a day stays the day where it happened', () => {
    expect(formatEventWhen({ at, tz: 'America/Chicago', precision: 'exact' }, 'en', 'Europe/Madrid')).toBe(
      '27 January 2026, 18:00 (Europe/Madrid, UTC+01:00)',
    )
    const late = '2026-01-28T04:30:00.000Z' // 27 Jan, 22:30 in Chicago; 28 Jan in Madrid
    expect(formatEventWhen({ at: late, tz: 'America/Chicago', precision: 'day' }, 'en', 'Europe/Madrid')).toBe(
      '27 January 2026 (America/Chicago)',
    )
    expect(formatEventWhen({ at: late, tz: 'America/Chicago', precision: 'exact' }, 'en', 'UTC')).toBe(
      '28 January 2026, 04:30 (UTC, UTC+00:00)',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { formatEventTime, instantToLocal, isValidTimeZone, localToInstant, sortEvents } from '@shared/domain'

describe('time zones', () => {
  it('reads a wall-clock time in its IANA zone', () => {
    expect(localToInstant('2026-01-27T11:00', 'America/Chicago')).toBe('2026-01-27T17:00:00.000Z')
    expect(localToInstant('2026-07-01T11:00', 'America/Chicago')).toBe('2026-07-01T16:00:00.000Z')
    expect(localToInstant('2026-01-27T11:00', 'America/Guayaquil')).toBe('2026-01-27T16:00:00.000Z')
    expect(localToInstant('2026-01-27T11:00', 'Asia/Kolkata')).toBe('2026-01-27T05:30:00.000Z')
  })

  it('takes a string with an offset as the instant it names', () => {
    expect(localToInstant('2026-01-27T11:00:00-06:00', 'Europe/Madrid')).toBe('2026-01-27T17:00:00.000Z')
    expect(localToInstant('2026-01-27T17:00:00Z', 'America/Chicago')).toBe('2026-01-27T17:00:00.000Z')
  })

  it('settles the offset on both sides of a DST change', () => {
    // Chicago springs forward at 02:00 on 8 March 2026.
    expect(localToInstant('2026-03-08T01:30', 'America/Chicago')).toBe('2026-03-08T07:30:00.000Z')
    expect(localToInstant('2026-03-08T03:30', 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z')
  })

  it('rejects what is not a date-time', () => {
    expect(localToInstant('27/01/2026', 'America/Chicago')).toBeNull()
    expect(localToInstant('2026-02-30T10:00', 'America/Chicago')).toBeNull()
    expect(localToInstant('2026-01-27T25:00', 'America/Chicago')).toBeNull()
    expect(isValidTimeZone('America/Chicago')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })

  it('round-trips between instant and wall clock', () => {
    expect(instantToLocal('2026-01-27T17:00:00.000Z', 'America/Chicago')).toBe('2026-01-27T11:00')
  })

  it('formats an event in its own zone with its precision', () => {
    const at = '2026-01-27T17:00:00.000Z'
    expect(formatEventTime({ at, tz: 'America/Chicago', precision: 'exact' })).toBe(
      '27 Jan 2026, 11:00 (America/Chicago, UTC-06:00)',
    )
    expect(formatEventTime({ at, tz: 'America/Chicago', precision: 'approximate' })).toContain('~11:00')
    expect(formatEventTime({ at, tz: 'America/Chicago', precision: 'day' })).toBe('27 Jan 2026 (America/Chicago)')
    expect(formatEventTime({ at, tz: 'America/Chicago', precision: 'month' })).toBe('Jan 2026')
  })

  it('sorts events by instant, not by wall clock', () => {
    const events = [
      { id: 'b', at: '2026-01-27T23:00:00.000Z' },
      { id: 'a', at: '2026-01-27T17:00:00.000Z' },
      { id: 'c', at: '2026-01-27T17:00:00.000Z' },
    ]
    expect(sortEvents(events).map((e) => e.id)).toEqual(['a', 'c', 'b'])
  })
})

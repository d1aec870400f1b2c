import { describe, expect, it } from 'vitest'
import {
  formatEventTime,
  formatLongDate,
  formatOffset,
  instantToLocal,
  isValidTimeZone,
  localToInstant,
  resolveLocalTime,
  setTimeZoneCacheLimit,
  sortEvents,
  timeZoneCacheSize,
  zoneOffsetMinutes,
} from '@shared/domain'

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
    // Chicago springs forward at 02:00 on 8 March 2026 (the skipped hour: see below).
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

describe('years as written and daylight-saving changes said, not hidden', () => {
  it('keeps year 0000 and years 1–99 (Date.UTC would make them 1900–1999)', () => {
    expect(localToInstant('0000-01-01T00:00', 'UTC')).toBe('0000-01-01T00:00:00.000Z')
    expect(localToInstant('0099-12-31T23:59', 'UTC')).toBe('0099-12-31T23:59:00.000Z')
    expect(localToInstant('0045-03-15T12:00', 'Europe/Rome')?.slice(0, 4)).toBe('0045')
    // Year 0 is 1 BC: the zone's offset is still found (local mean time), and it round-trips.
    const chicago = localToInstant('0000-01-01T00:00', 'America/Chicago')!
    expect(chicago.slice(0, 10)).toBe('0000-01-01')
    expect(instantToLocal(chicago, 'America/Chicago')).toBe('0000-01-01T00:00')
    expect(zoneOffsetMinutes(Date.parse('0000-06-01T00:00:00Z'), 'UTC')).toBe(0)
  })

  it('refuses minute 60, second 60 and hour 24', () => {
    expect(localToInstant('2026-01-27T10:60', 'UTC')).toBeNull()
    expect(localToInstant('2026-01-27T10:59:60', 'UTC')).toBeNull()
    expect(localToInstant('2026-01-27T24:00', 'UTC')).toBeNull()
  })

  it('refuses, with an offset too, a date or time that does not exist as written (never moved to another day)', () => {
    for (const text of [
      '2026-02-30T10:00:00Z',
      '2026-02-29T10:00:00+01:00',
      '2026-04-31T00:00Z',
      '2026-13-01T00:00Z',
      '2026-01-27T24:00:00Z',
      '2026-01-27T10:60Z',
      '2026-01-27T10:59:60Z',
      '2026-01-27T10:00+24:00',
      '2026-01-27T10:00+05:60',
      '2026-1-27T10:00Z',
    ])
      expect(resolveLocalTime(text, 'UTC'), text).toBeNull()
    expect(resolveLocalTime('2028-02-29T10:00:00.250+01:00', 'UTC')).toEqual({ instant: '2028-02-29T09:00:00.250Z' })
    expect(resolveLocalTime('2026-01-27T23:59:59-0530', 'UTC')).toEqual({ instant: '2026-01-28T05:29:59.000Z' })
  })

  it('moves a time the clocks skipped forward by the jump, and says so', () => {
    const r = resolveLocalTime('2026-03-08T02:30', 'America/Chicago')!
    expect(r.instant).toBe('2026-03-08T08:30:00.000Z')
    expect(instantToLocal(r.instant, 'America/Chicago')).toBe('2026-03-08T03:30')
    expect(r).toMatchObject({
      adjusted: 'gap',
      note: expect.stringMatching(
        /2026-03-08T02:30 does not exist in America\/Chicago.*jumped forward by 60 minutes.*Taken as 03:30 \(UTC-05:00\)/,
      ),
    })
    expect(resolveLocalTime('2026-03-29T02:15', 'Europe/Madrid')).toMatchObject({
      instant: '2026-03-29T01:15:00.000Z',
      adjusted: 'gap',
    })
  })

  it('takes the first of a time that happened twice, says so and how to name the second', () => {
    const r = resolveLocalTime('2026-11-01T01:30', 'America/Chicago')!
    expect(r).toMatchObject({
      instant: '2026-11-01T06:30:00.000Z',
      adjusted: 'repeated',
      note: expect.stringMatching(/happened twice.*first, at UTC-05:00.*2026-11-01T01:30-06:00/),
    })
    expect(localToInstant('2026-11-01T01:30-06:00', 'America/Chicago')).toBe('2026-11-01T07:30:00.000Z')
    expect(resolveLocalTime('2026-10-25T02:30', 'Europe/Madrid')).toMatchObject({
      instant: '2026-10-25T00:30:00.000Z',
      adjusted: 'repeated',
    })
    // An ordinary time carries no note.
    expect(resolveLocalTime('2026-11-01T03:30', 'America/Chicago')).toEqual({ instant: '2026-11-01T09:30:00.000Z' })
  })

  it('remembers valid zone names in a bounded cache', () => {
    setTimeZoneCacheLimit(3)
    try {
      for (const tz of ['UTC', 'Europe/Madrid', 'America/Chicago', 'Asia/Kolkata', 'Nope/Nowhere']) isValidTimeZone(tz)
      expect(timeZoneCacheSize()).toBe(3)
      expect(isValidTimeZone('Nope/Nowhere')).toBe(false)
      expect(isValidTimeZone('UTC')).toBe(true)
    } finally {
      setTimeZoneCacheLimit(1_000)
    }
  })
})

describe('what reads as a local date-time', () => {
  it('takes a date alone as its midnight, seconds as written, spaces around it trimmed', () => {
    expect(localToInstant('2026-01-27', 'UTC')).toBe('2026-01-27T00:00:00.000Z')
    expect(localToInstant('2026-01-27T10:00:30', 'UTC')).toBe('2026-01-27T10:00:30.000Z')
    expect(localToInstant('2026-01-27 10:59:59', 'UTC')).toBe('2026-01-27T10:59:59.000Z')
    expect(localToInstant('  2026-01-27T10:00  ', 'UTC')).toBe('2026-01-27T10:00:00.000Z')
    expect(localToInstant('\t2026-01-27T10:00Z\n', 'UTC')).toBe('2026-01-27T10:00:00.000Z')
  })

  it('takes an offset with or without its colon', () => {
    expect(localToInstant('2026-01-27T10:00+0200', 'UTC')).toBe('2026-01-27T08:00:00.000Z')
    expect(localToInstant('2026-01-27T10:00-05:30', 'UTC')).toBe('2026-01-27T15:30:00.000Z')
  })

  it('refuses text before or after the date-time, and days a month does not have', () => {
    for (const text of [
      'x2026-01-27T10:00',
      '2026-01-27T10:00junk',
      '2026-01-27T10:00:5',
      '2026-01-27T10:00:ab',
      '2026-02-29T10:00',
      '2026-13-01T10:00',
      '2026-04-31',
      '2026-01-32',
    ])
      expect(localToInstant(text, 'UTC'), text).toBeNull()
    expect(localToInstant('2028-02-29T10:00', 'UTC')).toBe('2028-02-29T10:00:00.000Z')
  })

  it('keeps no cache when the limit is 0', () => {
    setTimeZoneCacheLimit(0)
    try {
      expect(isValidTimeZone('Europe/Madrid')).toBe(true)
      expect(isValidTimeZone('Nope/Nowhere')).toBe(false)
      expect(timeZoneCacheSize()).toBe(0)
    } finally {
      setTimeZoneCacheLimit(1_000)
    }
  })
})

describe('offsets and memo dates', () => {
  it('writes an offset with its sign, hours and minutes', () => {
    expect(formatOffset(0)).toBe('UTC+00:00')
    expect(formatOffset(330)).toBe('UTC+05:30')
    expect(formatOffset(-360)).toBe('UTC-06:00')
    expect(formatOffset(-570)).toBe('UTC-09:30')
  })

  it('dates a memo in words, in its language, as the day is in its zone', () => {
    const d = new Date('2026-01-28T23:30:00Z')
    expect(formatLongDate(d)).toBe('28 January 2026')
    expect(formatLongDate(d, 'es')).toBe('28 de enero de 2026')
    expect(formatLongDate(d, 'en', 'Asia/Tokyo')).toBe('29 January 2026')
  })
})

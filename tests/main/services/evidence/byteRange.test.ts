/**
 * The one Range header the blob protocol and the loopback answer: a video
 * player seeking asks for it, and a wrong answer shows the wrong frames or
 * reads past a sealed blob's end.
 */
import { describe, expect, it } from 'vitest'
import { parseRange } from '@main/services/evidence/byteRange'

describe('parseRange (RFC 9110 §14)', () => {
  it('answers the whole file when no range is asked, or several are', () => {
    expect(parseRange(null, 1000)).toBe('whole')
    expect(parseRange('bytes=0-1,5-6', 1000)).toBe('whole')
  })

  it('reads a first-last range, spaces and the unit in any case allowed', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
    expect(parseRange('  BYTES = 5 - 9 ', 1000)).toEqual({ start: 5, end: 9 })
    expect(parseRange('bytes=5-5', 1000)).toEqual({ start: 5, end: 5 })
  })

  it('cuts a range that runs past the end at the last byte', () => {
    expect(parseRange('bytes=0-5000', 1000)).toEqual({ start: 0, end: 999 })
    expect(parseRange('bytes=999-999', 1000)).toEqual({ start: 999, end: 999 })
    expect(parseRange('bytes=998-1000', 1000)).toEqual({ start: 998, end: 999 })
  })

  it('reads an open range to the end of the file', () => {
    expect(parseRange('bytes=10-', 1000)).toEqual({ start: 10, end: 999 })
    expect(parseRange('bytes=999-', 1000)).toEqual({ start: 999, end: 999 })
    expect(parseRange('bytes=0-', 1)).toEqual({ start: 0, end: 0 })
  })

  it('reads a suffix as the last bytes, the whole file when it asks for more', () => {
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseRange('bytes=-1', 1000)).toEqual({ start: 999, end: 999 })
    expect(parseRange('bytes=-1000', 1000)).toEqual({ start: 0, end: 999 })
    expect(parseRange('bytes=-2000', 1000)).toEqual({ start: 0, end: 999 })
  })

  it('refuses what cannot be satisfied: past the end, backwards, empty, an empty file', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=1000-1001', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=5-3', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=-5', 0)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable')
  })

  it('refuses what is not a byte range', () => {
    for (const h of [
      '',
      'bytes=',
      'bytes=-',
      'bytes= - ',
      'items=0-1',
      'xbytes=0-1',
      'bytesx=0-1',
      'bytes=0-1\nx',
      'bytes=0-1\n',
      'bytes 0-1',
      'bytes=a-1',
      'bytes=0-1x',
      'bytes=0x10-',
      'bytes=1.5-2',
      'bytes=+1-2',
      'bytes=0--1',
    ])
      expect(parseRange(h, 1000), h).toBe('unsatisfiable')
  })

  it('refuses numbers too large to be exact, at either end', () => {
    expect(parseRange('bytes=99999999999999999999-', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-99999999999999999999', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=-99999999999999999999', 1000)).toBe('unsatisfiable')
    // The largest exact integer is still a number: a range past the end, cut at it.
    expect(parseRange(`bytes=0-${Number.MAX_SAFE_INTEGER}`, 1000)).toEqual({ start: 0, end: 999 })
  })
})

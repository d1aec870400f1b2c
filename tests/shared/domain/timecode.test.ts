import { describe, expect, it } from 'vitest'
import { formatTimecode, parseTimecode } from '@shared/domain'

describe('time codes', () => {
  it('show tenths, rounded before the seconds are taken (a dragged edge lands on any millisecond)', () => {
    expect(formatTimecode(0)).toBe('00:00:00')
    expect(formatTimecode(3.5)).toBe('00:00:03.5')
    expect(formatTimecode(2.996)).toBe('00:00:03')
    expect(formatTimecode(2.96)).toBe('00:00:03')
    expect(formatTimecode(2.94)).toBe('00:00:02.9')
    expect(formatTimecode(59.97)).toBe('00:01:00')
    expect(formatTimecode(3599.96)).toBe('01:00:00')
    expect(formatTimecode(5.54)).toBe('00:00:05.5')
  })

  it('read back what they show', () => {
    for (const s of [0, 1.5, 83.5, 3600, 4000.2]) expect(parseTimecode(formatTimecode(s))).toBeCloseTo(s, 5)
  })
})

import { describe, expect, it } from 'vitest'
import { cutToBytes, NAME_MAX, stampOf } from '../../../src/main/storage/fileNames'

describe('cutToBytes', () => {
  it('keeps a text that fits, to the byte', () => {
    expect(cutToBytes('abc', 3, 'end')).toBe('abc')
    expect(cutToBytes('ñ', 2, 'start')).toBe('ñ')
  })

  it('drops whole characters from the end or from the start, never half of one', () => {
    // 'ñ' is 2 bytes, '𝄞' 4 (a surrogate pair in UTF-16).
    expect(cutToBytes('añ𝄞b', 4, 'end')).toBe('añ')
    expect(cutToBytes('añ𝄞b', 5, 'start')).toBe('𝄞b')
    expect(cutToBytes('añ𝄞b', 6, 'start')).toBe('𝄞b')
    expect(cutToBytes('añ𝄞b', 7, 'start')).toBe('ñ𝄞b')
    expect(cutToBytes('𝄞𝄞', 3, 'end')).toBe('')
    expect(cutToBytes('abc', 0, 'start')).toBe('')
  })

  it('fits any script within the limit and as close to it as whole characters allow', () => {
    for (const ch of ['a', 'é', '中', '😀']) {
      const cut = cutToBytes(ch.repeat(300), NAME_MAX, 'start')
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(NAME_MAX)
      expect(Buffer.byteLength(cut)).toBeGreaterThan(NAME_MAX - Buffer.byteLength(ch))
      expect(cut.includes('\uFFFD')).toBe(false)
    }
  })
})

describe('stampOf', () => {
  it('is an ISO moment with no colon or dot, so it names a file anywhere and sorts in time order', () => {
    expect(stampOf(new Date('2026-12-04T19:05:06.789Z'))).toBe('2026-12-04T19-05-06-789Z')
  })
})

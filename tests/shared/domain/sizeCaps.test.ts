import { describe, expect, it } from 'vitest'
import { BriefingPatch, jsonSizeOf, NoteInput, NotePatch, RICH_TEXT_MAX_BYTES } from '@shared/domain'
import { describeZodError } from '@shared/ipc/result'

const bodyOf = (chars: number) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(chars) }] }],
})

describe('size caps on what a person sends', () => {
  it('refuses a 30 MB note with a reason a person can act on', () => {
    const r = NoteInput.safeParse({ title: 'Huge', body: bodyOf(30_000_000) })
    expect(r.success).toBe(false)
    expect(describeZodError(r.error!)).toMatch(
      /^body: the text is too large \(over 2\.0 MB; this one is about 30\.0 MB\): split it, or add the material as evidence$/,
    )
    expect(NotePatch.safeParse({ body: bodyOf(30_000_000) }).success).toBe(false)
    expect(BriefingPatch.safeParse({ body: bodyOf(3_000_000) }).success).toBe(false)
  })

  it('accepts a long note under the cap', () => {
    expect(NoteInput.safeParse({ title: 'Long', body: bodyOf(RICH_TEXT_MAX_BYTES - 1_000) }).success).toBe(true)
  })

  it('measures nested bodies without recursion', () => {
    let node: unknown = { type: 'text', text: 'deep' }
    for (let i = 0; i < 200_000; i++) node = { type: 'blockquote', content: [node] }
    expect(jsonSizeOf({ type: 'doc', content: [node] })).toBeGreaterThan(200_000)
  })
})

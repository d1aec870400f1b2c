import { describe, expect, it } from 'vitest'
import { parseTimecode, richTextFromPlain, richTextToPlain } from '@shared/domain'

describe('plain text and rich text', () => {
  it('makes paragraphs of blank-line blocks and hard breaks of single line breaks', () => {
    expect(richTextFromPlain('First line\r\nsecond line\n\n\n  Next paragraph ')).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: '  Next paragraph ' }] },
      ],
    })
    expect(richTextFromPlain('')).toEqual({ type: 'doc', content: [] })
    expect(richTextFromPlain('\n\n   \n')).toEqual({ type: 'doc', content: [] })
  })

  it('reads a document back as the text it was made from', () => {
    const text = 'Señor Cónsul:\nla puerta se cerró.\n\nSegundo párrafo — «cita».'
    expect(richTextToPlain(richTextFromPlain(text))).toBe(text.replace('\n\n', '\n'))
  })

  it('renders atoms such as citations through the callback, and survives deep nesting', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            { type: 'citation', attrs: { id: 's1' } },
            { type: 'text', text: '.' },
          ],
        },
      ],
    }
    expect(richTextToPlain(doc)).toBe('See .')
    expect(richTextToPlain(doc, (n) => (n.type === 'citation' ? `[${String(n.attrs?.id)}]` : undefined))).toBe(
      'See [s1].',
    )
    let deep: unknown = { type: 'text', text: 'bottom' }
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] }
    expect(richTextToPlain({ type: 'doc', content: [deep] })).toBe('bottom')
  })
})

describe('time codes', () => {
  it('reads seconds, m:ss and h:mm:ss with fractions; refuses anything else', () => {
    expect(parseTimecode('83.5')).toBe(83.5)
    expect(parseTimecode('1:23.5')).toBe(83.5)
    expect(parseTimecode(' 01:01:23 ')).toBe(3683)
    for (const bad of ['', '-1', '1e9', 'abc', '1:2:3:4', '1:234']) expect(parseTimecode(bad)).toBeNull()
  })
})

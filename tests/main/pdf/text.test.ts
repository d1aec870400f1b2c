import { describe, expect, it } from 'vitest'
import { loadFonts, measure } from '@main/pdf/fonts'
import { buildBlocks } from '@main/memo/model'
import { pdfText, safeHref } from '@main/pdf/safety'
import { clean, wrap } from '@main/pdf/text'

const fonts = loadFonts()
const run = (text: string, size = 10) => ({ text: clean(text, fonts.regular), font: fonts.regular, size })

describe('line breaking', () => {
  it('breaks at spaces and keeps every line within the width', () => {
    const lines = wrap(
      [run('The authorities of the receiving State shall not enter that part of the consular premises. '.repeat(5))],
      200,
    )
    expect(lines.length).toBeGreaterThan(5)
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(200.001)
    const rejoined = lines
      .map((l) =>
        l.frags
          .map((f) => f.text)
          .join('')
          .trim(),
      )
      .join(' ')
    expect(rejoined).toBe(
      'The authorities of the receiving State shall not enter that part of the consular premises. '.repeat(5).trim(),
    )
  })

  it('hard-breaks a 20,000-character word quickly, losing nothing', () => {
    const t = performance.now()
    const lines = wrap([run(`a ${'W'.repeat(20_000)} b`)], 300)
    expect(performance.now() - t).toBeLessThan(2_000)
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(300.001)
    expect(
      lines
        .map((l) => l.frags.map((f) => f.text).join(''))
        .join('')
        .replace(/[^W]/g, ''),
    ).toHaveLength(20_000)
  })

  it('cuts an over-long URL after a slash or hyphen where it can', () => {
    const url = `https://example.org/${Array.from({ length: 30 }, (_, i) => `segment-${i}`).join('/')}`
    const lines = wrap([run(url)], 150)
    expect(lines.length).toBeGreaterThan(3)
    const texts = lines.map((l) => l.frags.map((f) => f.text).join(''))
    expect(texts.join('')).toBe(url)
    for (const t of texts.slice(0, -1)) expect(t).toMatch(/[/-]$/)
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150.001)
  })

  it('keeps a citation mark glued to the word before it', () => {
    const note = { text: '12', font: fonts.regular, size: 6, rise: 3, notes: [12] }
    const lines = wrap([run('x '.repeat(40) + 'circulating'), note, run(' but not verified')], 120)
    const withNote = lines.find((l) => l.notes.includes(12))!
    expect(withNote.frags.map((f) => f.text).join('')).toContain('circulating12')
  })

  it('honours hard breaks', () => {
    expect(wrap([run('one\ntwo\n\nfour')], 400)).toHaveLength(4)
  })
})

describe('text hygiene', () => {
  it('strips bidi controls and invisible characters, keeps accents', () => {
    expect(clean('a\u202Eb\u202Cc\u2066d\u2069\u200Be\uFEFF Cancillería ñ ¿¡', fonts.regular)).toBe(
      'abcde Cancillería ñ ¿¡',
    )
  })
  it('replaces glyphs the font lacks by one fallback square per run', () => {
    expect(clean('x 🇪🇨👨‍👩‍👧 y', fonts.regular)).toBe('x □ y')
  })
  it('measures with the font (accents have width, spaces are narrower than letters)', () => {
    expect(measure(fonts.regular, 'í', 10)).toBeGreaterThan(0)
    expect(measure(fonts.regular, ' ', 10)).toBeLessThan(measure(fonts.regular, 'M', 10))
  })
})

describe('safety helpers', () => {
  it('links only http(s) and mailto', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeUndefined()
    expect(safeHref('file:///etc/passwd')).toBeUndefined()
    expect(safeHref('data:text/html,x')).toBeUndefined()
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b')
  })
  it('writes catalogue strings that cannot spell PDF names', () => {
    expect(pdfText('Plain title (2026)')).toBe('Plain title (2026)')
    const hex = pdfText(') /JS (app.alert(1))')
    expect(hex).toBeInstanceOf(Uint8Array)
    expect(
      Buffer.from(hex as Uint8Array)
        .subarray(2)
        .toString('utf16le').length,
    ).toBeGreaterThan(0)
  })
})

describe('body model', () => {
  it('numbers sections from the shallowest heading level used', () => {
    const h = (level: number, text: string) => ({
      type: 'heading',
      attrs: { level },
      content: [{ type: 'text', text }],
    })
    const blocks = buildBlocks({ type: 'doc', content: [h(2, 'A'), h(3, 'A.a'), h(3, 'A.b'), h(2, 'B'), h(3, 'B.a')] })
    expect(blocks.map((b) => (b.kind === 'heading' ? b.number : ''))).toEqual(['1.', '1.1', '1.2', '2.', '2.1'])
  })
  it('keeps the text of nodes it does not know', () => {
    const blocks = buildBlocks({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cell' }] }] },
              ],
            },
          ],
        },
      ],
    })
    expect(JSON.stringify(blocks)).toContain('cell')
  })
})

import { describe, expect, it } from 'vitest'
import { highlightRanges, snippet } from '@main/services/search/results'
import { fold } from '@main/services/search/text'
import { rng } from '../../../helpers/rng'

const marked = (h: { text: string; highlights: [number, number][] }) => h.highlights.map(([a, b]) => h.text.slice(a, b))
const WORD = /[\p{L}\p{N}]+/gu

/** Words of a snippet with their offsets, and whether they touch one of its '…' ends (and may be cut there). */
function words(text: string): { word: string; at: number; edge: boolean }[] {
  return [...text.matchAll(WORD)].map((m) => {
    const end = m.index + m[0].length
    const edge = (m.index === 1 && text.startsWith('…')) || (end === text.length - 1 && text.endsWith('…'))
    return { word: m[0], at: m.index, edge }
  })
}

describe('snippets', () => {
  it('highlights only whole matched words inside the snippet window', () => {
    const body = `${'filler words here '.repeat(20)}the Cancillería sent a note\n\nto the  embassy. ${'more text '.repeat(30)}`
    const s = snippet(body, new Set(['cancilleria', 'embassy', 'embas']))
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(marked(s)).toEqual(['Cancillería', 'embassy'])
    expect(s.text).toContain('note to the embassy.')
  })

  it('starts at the beginning, without an ellipsis, when nothing in the text matches', () => {
    const body = `Título del informe. ${'palabra '.repeat(60)}`
    const s = snippet(body, new Set(['ausente']))
    expect(s.text.startsWith('Título del informe.')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(s.highlights).toEqual([])
  })

  it('shows a match near the end with the text before it', () => {
    const body = `${'alpha beta gamma '.repeat(30)}final Embajada`
    const s = snippet(body, new Set(['embajada']))
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('final Embajada')).toBe(true)
    expect(marked(s)).toEqual(['Embajada'])
  })

  it('never starts inside a word when the word begins the text', () => {
    const body = `Convención de Viena sobre Relaciones Consulares ${'texto '.repeat(40)}`
    const s = snippet(body, new Set(['relaciones']))
    expect(s.text.startsWith('Convención')).toBe(true)
  })

  it('highlights decomposed accents (folding that changes the length)', () => {
    const body = `${'relleno '.repeat(30)}la cancille\u0301ria y la embajada ${'mas '.repeat(30)}`
    const s = snippet(body, new Set(['cancilleria']))
    expect(marked(s)).toEqual(['cancille\u0301ria'])
  })

  it('gives the same answer with the stored folded text as when folding itself', () => {
    const r = rng(7)
    const words = ['Cancillería', 'embassy', 'Überprüfung', 'İstanbul', 'niño', 'ǅemal', 'straße', 'a—b', 'x']
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: 5 + r(120) }, () => words[r(words.length)])
      const text = parts.join([' ', '  ', '\n', '\t', ' \n '][r(5)])
      const matched = new Set([fold(words[r(words.length)]), fold(words[r(words.length)])])
      expect(snippet(text, matched, fold(text))).toEqual(snippet(text, matched))
      expect(highlightRanges(text, matched, fold(text))).toEqual(highlightRanges(text, matched))
    }
  })

  it('marks exactly the whole words in the window whose folded form matched', () => {
    const r = rng(42)
    const vocabulary = [
      'Cancillería',
      'cancilleria',
      'CANCILLERÍA',
      'embajada',
      'embajadas',
      'Embassy',
      'nota',
      'vídeo',
      'video',
      'protesta—oficial',
      '2024',
      'x',
      'precancillería',
      'desembajada',
      'videos2024',
    ]
    const spaces = [' ', ' ', ' ', '\n', '  ', '\t', '\u00a0', ' \n\n ']
    for (let i = 0; i < 500; i++) {
      const n = 3 + r(90)
      let text = r(4) === 0 ? '  ' : ''
      for (let k = 0; k < n; k++) text += vocabulary[r(vocabulary.length)] + spaces[r(spaces.length)]
      // A few terms; a prefix query's many expansions sharing their first letters; many unrelated terms.
      const few = ['cancilleria', 'embajada', 'video', '2024'].filter(() => r(2) === 0)
      const prefixed = ['embajada', 'embajadas', 'emb', 'embassy', ...Array.from({ length: 30 }, (_, k) => `emba${k}x`)]
      const unrelated = ['cancilleria', 'nota', 'video', '2024', ...Array.from({ length: 12 }, (_, k) => `w${k}ord`)]
      const matched = new Set([few, prefixed, unrelated][i % 3])
      const s = snippet(text, matched)
      // Whitespace runs show as single spaces, and the snippet stays short.
      expect(s.text).not.toMatch(/\s\s|[^\S ]/)
      expect(s.text.length).toBeLessThanOrEqual(160 + 20 + 2 + 40)
      // Every highlight is a whole matched word; every matched word is highlighted, except that a
      // word against an ellipsis may be a cut-off piece of one and is left alone.
      const all = words(s.text)
      for (const [a, b] of s.highlights)
        expect(all.some((w) => w.at === a && w.at + w.word.length === b && matched.has(fold(w.word)))).toBe(true)
      const sure = all.filter((w) => !w.edge && matched.has(fold(w.word))).map(({ word, at }) => [at, at + word.length])
      expect(s.highlights.filter(([a]) => all.some((w) => w.at === a && !w.edge))).toEqual(sure)
      // The window holds the first match of the text, when there is one.
      const first = [...text.matchAll(WORD)].find((m) => matched.has(fold(m[0])))
      if (first && s.highlights.length) expect(s.text.slice(...s.highlights[0])).toBe(first[0])
    }
  })
})

import { describe, expect, it } from 'vitest'
import { fold, foldedTerms } from '@main/services/search/text'

/** The definition fold must agree with: canonical decomposition, marks dropped, lower case. */
const reference = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

describe('fold', () => {
  it('agrees with decomposition for every character, alone and beside accented letters', () => {
    const wrong: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const ch = String.fromCharCode(c)
      for (const s of [ch, `Xé${ch}Ä`, `a${ch}\u0301b`]) if (fold(s) !== reference(s)) wrong.push(c.toString(16))
    }
    expect(wrong).toEqual([])
  })

  it('folds the examples users type', () => {
    expect(fold('Cancillería')).toBe('cancilleria')
    expect(fold('MÉXICO — Bogotá')).toBe('mexico — bogota')
    expect(fold('¿Dónde?')).toBe('¿donde?')
  })

  it('splits folded text into terms, dropping single letters but not digits', () => {
    expect([...foldedTerms(fold('La Cancillería y 5 notas: nota-2'))]).toEqual([
      'la',
      'cancilleria',
      '5',
      'notas',
      'nota',
      '2',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import type { Expansion } from '@main/services/search/engine'
import { SearchEngine } from '@main/services/search/engine'
import { DEAD, evaluate, Scratch, type Postings } from '@main/services/search/query'
import { boundedDistance, fold } from '@main/services/search/text'
import { rng } from '../../../helpers/rng'

const WEIGHTS = [1, 0.6, 0.35]

/** Random posting lists over `docs` documents, some postings in a tail (added since the last compaction). */
function randomIndex(r: (n: number) => number, docs: number, terms: number): Postings {
  const base: (Uint32Array | undefined)[] = []
  const tail: (number[] | undefined)[] = []
  for (let t = 0; t < terms; t++) {
    // Densities from a handful of documents to most of them: both the probing and the bitset paths run.
    const density = [0.002, 0.02, 0.2, 0.6][r(4)]
    const all: number[] = []
    for (let o = 0; o < docs; o++) if (r(1e6) < density * 1e6) all.push(o * 2 + (r(5) === 0 ? 1 : 0))
    const cut = r(3) === 0 ? Math.floor(all.length * 0.8) : all.length
    base.push(Uint32Array.from(all.slice(0, cut)))
    tail.push(cut < all.length ? all.slice(cut) : undefined)
  }
  const kinds = Array.from({ length: docs }, () => (r(20) === 0 ? DEAD : r(8)))
  return { base, tail, kinds }
}

/** The definition: every document scored, filtered, fully sorted. */
function reference(p: Postings, groups: Expansion[][], accept: (o: number) => boolean, limit: number) {
  const postings = new Map<number, Map<number, boolean>>()
  const inTerm = (term: number) => {
    let m = postings.get(term)
    if (!m) {
      m = new Map()
      for (const q of [...(p.base[term] ?? []), ...(p.tail[term] ?? [])]) m.set(q >>> 1, (q & 1) === 1)
      postings.set(term, m)
    }
    return m
  }
  const hits: { ord: number; score: number }[] = []
  for (let ord = 0; ord < p.kinds.length; ord++) {
    if (p.kinds[ord] === DEAD || !accept(ord)) continue
    let score = 0
    let all = true
    for (const g of groups) {
      let best = 0
      for (const { term, weight } of g) {
        const title = inTerm(term).get(ord)
        if (title !== undefined) best = Math.max(best, Math.round(weight * (title ? 2 : 1) * 100))
      }
      if (!best) all = false
      score += best
    }
    if (all) hits.push({ ord, score })
  }
  hits.sort((a, b) => b.score - a.score || a.ord - b.ord)
  return { total: hits.length, top: hits.slice(0, limit) }
}

describe('top-k query evaluation', () => {
  it('returns the same top hits and exact total as scoring and sorting every match', () => {
    const r = rng(7)
    const p = randomIndex(r, 3_000, 24)
    const s = new Scratch()
    for (let round = 0; round < 300; round++) {
      const groups: Expansion[][] = Array.from({ length: 1 + r(3) }, () =>
        Array.from({ length: 1 + (r(2) ? 0 : r(4)) }, () => ({ term: r(24), weight: WEIGHTS[r(3)] })),
      )
      const filtered = r(3) === 0
      const accept = filtered ? (o: number) => p.kinds[o] % 2 === 0 : () => true
      const limit = [1, 5, 50][r(3)]
      s.ensure(p.kinds.length, limit)
      // `plain` promises no dead documents and no filter; give it an index without dead ones.
      const plainIndex = { ...p, kinds: p.kinds.map((k) => (k === DEAD ? 0 : k)) }
      const cases: [Postings, boolean][] = [[p, false]]
      if (!filtered) cases.push([plainIndex, true])
      for (const [index, plain] of cases) {
        const got = evaluate(index, groups, filtered ? accept : null, plain, limit, s)
        const want = reference(index, groups, accept, limit)
        expect(got.total).toBe(want.total)
        expect(Array.from(got.ords.subarray(0, got.count))).toEqual(want.top.map((h) => h.ord))
        expect(Array.from(got.scores.subarray(0, got.count), (x) => Math.round(x * 100))).toEqual(
          want.top.map((h) => h.score),
        )
      }
    }
  })
})

describe('text helpers', () => {
  it('folds exactly as NFD-and-strip-marks does, on the table fast path too', () => {
    const slow = (t: string) =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c)
      expect(fold(`Ab${ch}z`)).toBe(slow(`Ab${ch}z`))
    }
    const r = rng(3)
    const pool = 'aAeÉíÍñÑüçØøßİıǅ ś\u0301-1ΣΑ'
    for (let i = 0; i < 2_000; i++) {
      const t = Array.from({ length: 1 + r(12) }, () => pool[r(pool.length)]).join('')
      expect(fold(t)).toBe(slow(t))
    }
  })

  it('finds the same typo candidates as checking the edit distance of every word', () => {
    const r = rng(11)
    const e = new SearchEngine()
    const letters = 'aeioumnrstlc'
    const words = new Set<string>()
    for (let i = 0; i < 3_000; i++)
      words.add(Array.from({ length: 4 + r(6) }, () => letters[r(letters.length)]).join(''))
    let ord = 0
    for (const w of words)
      e.add(`src${ord++ % 50}`, { kind: 'note', caseId: 'c', id: `n${ord}`, title: w, body: '', tags: [] })
    e.compact()
    const tokens = [...words].slice(0, 80).map((w, i) => (i % 2 ? w.slice(1) : `${w[1]}${w[0]}${w.slice(2)}x`))
    // The typo scan starts at four letters.
    for (const token of tokens.filter((t) => t.length >= 4)) {
      const max = token.length >= 8 ? 2 : 1
      const got = e
        .expand(token, true)
        .filter((x) => x.weight < 0.5)
        .map((x) => e.terms[x.term])
        .sort()
      const prefixed = new Set(e.expand(token, false).map((x) => e.terms[x.term]))
      const want = e.sorted
        .filter((t) => (t[0] === token[0] || t[0] === token[1]) && !prefixed.has(t))
        .filter((t) => boundedDistance(token, t, max) <= max)
        .sort()
      expect(got).toEqual(want)
    }
  })
})

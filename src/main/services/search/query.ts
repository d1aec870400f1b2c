/**
 * Query evaluation over the engine's posting lists: the `limit` best documents
 * and an exact total, without scoring every match into a corpus-sized list and
 * sorting it (a common word matches 100,000 documents; the UI shows 50).
 *
 * Scoring: each query word (a group of exact, prefix and typo expansions)
 * gives a document the best weight of the expansions it contains, doubled when
 * that expansion is in its title; a document's score is the sum over words, and
 * ties go to the lower ordinal. Posting lists are ascending by ordinal (a
 * posting is ordinal * 2 + 1 when in the title), which every path relies on.
 */
import type { Expansion } from './engine'
import {
  copyList,
  countBits,
  countSparse,
  DEAD,
  emitBits,
  emitPair,
  keepIf,
  keepMarked,
  listsOfGroup,
  markBits,
  markIfSet,
  seek,
  setBits,
  setCandidates,
  span,
} from './postings'

export { DEAD }

/** What evaluation reads from the engine. */
export interface Postings {
  base: (Uint32Array | undefined)[]
  tail: (number[] | undefined)[]
  kinds: number[]
}

export type Accept = ((ord: number) => boolean) | null

/** The best `count` hits, best first, and how many documents match in all. */
export interface Ranked {
  ords: Int32Array
  scores: Float32Array
  count: number
  total: number
}

const listSize = (p: Postings, term: number) => (p.base[term]?.length ?? 0) + (p.tail[term]?.length ?? 0)

/** Corpus-sized scratch, allocated once and kept clean between queries (no per-query allocation or clearing). */
export class Scratch {
  /** One bit per ordinal: the union of a word's expansions, walked in ordinal order. Kept all-zero between uses. */
  bits = new Int32Array(0)
  /** Best weight per ordinal while a word's expansions are merged. Kept all-zero between uses. */
  best = new Uint8Array(0)
  /** A second pair, for the documents two common words share. Kept all-zero between uses. */
  bits2 = new Int32Array(0)
  best2 = new Uint8Array(0)
  /** Candidates of an AND, ascending by ordinal, with their scores so far. */
  ords = new Int32Array(0)
  scores = new Float32Array(0)
  private topOrds = new Int32Array(0)
  private topScores = new Float32Array(0)

  ensure(n: number, limit: number): void {
    if (this.best.length < n) {
      const size = Math.ceil(n * 1.25) + 64
      this.bits = new Int32Array((size >>> 5) + 1)
      this.best = new Uint8Array(size)
      this.bits2 = new Int32Array((size >>> 5) + 1)
      this.best2 = new Uint8Array(size)
      this.ords = new Int32Array(size)
      this.scores = new Float32Array(size)
    }
    if (this.topOrds.length < limit) {
      this.topOrds = new Int32Array(limit)
      this.topScores = new Float32Array(limit)
    }
  }

  /**
   * The `limit` best of `count` (ords ascending) by score, then ordinal: a min-heap of the
   * best so far. With ordinals ascending a later equal score never wins, so almost every
   * candidate costs one comparison.
   */
  top(ords: Int32Array, scores: Float32Array, count: number, limit: number, total: number): Ranked {
    const ho = this.topOrds
    const hs = this.topScores
    let n = 0
    // a is weaker than b: lower score, or the same score and a higher ordinal.
    const weaker = (a: number, b: number) => hs[a] < hs[b] || (hs[a] === hs[b] && ho[a] > ho[b])
    const swap = (a: number, b: number) => {
      const o = ho[a]
      ho[a] = ho[b]
      ho[b] = o
      const s = hs[a]
      hs[a] = hs[b]
      hs[b] = s
    }
    for (let k = 0; k < count; k++) {
      const s = scores[k]
      if (n < limit) {
        ho[n] = ords[k]
        hs[n] = s
        for (let i = n++; i > 0;) {
          const p = (i - 1) >> 1
          if (!weaker(i, p)) break
          swap(i, p)
          i = p
        }
      } else if (s > hs[0]) {
        ho[0] = ords[k]
        hs[0] = s
        for (let i = 0; ;) {
          const l = 2 * i + 1
          let m = i
          if (l < n && weaker(l, m)) m = l
          if (l + 1 < n && weaker(l + 1, m)) m = l + 1
          if (m === i) break
          swap(i, m)
          i = m
        }
      }
    }
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => (weaker(a, b) ? 1 : weaker(b, a) ? -1 : 0))
    const outOrds = new Int32Array(n)
    const outScores = new Float32Array(n)
    idx.forEach((i, k) => {
      outOrds[k] = ho[i]
      outScores[k] = hs[i]
    })
    return { ords: outOrds, scores: outScores, count: n, total }
  }
}

/**
 * One word with one matching term: title postings score double, so the best are the
 * first `limit` title postings in list order, then the first body ones. Unfiltered, the
 * total is the list's length and the scan stops once `limit` titles are found.
 */
function singleTerm(
  p: Postings,
  term: number,
  weight: number,
  accept: Accept,
  plain: boolean,
  limit: number,
  s: Scratch,
): Ranked {
  const titles: number[] = []
  const bodies: number[] = []
  let total = 0
  let full = false
  const visit = (list: ArrayLike<number>): boolean => {
    for (let k = 0; k < list.length; k++) {
      const q = list[k]
      const ord = q >>> 1
      if (!plain && (p.kinds[ord] === DEAD || (accept !== null && !accept(ord)))) continue
      total++
      if (q & 1) {
        if (titles.length < limit) titles.push(ord)
        else if (plain) return true
      } else if (bodies.length < limit) bodies.push(ord)
    }
    return false
  }
  const base = p.base[term]
  const tail = p.tail[term]
  full = (base !== undefined && visit(base)) || (tail !== undefined && visit(tail))
  if (full) total = listSize(p, term)
  const ords = s.ords
  const scores = s.scores
  let n = 0
  for (const o of titles) {
    ords[n] = o
    scores[n++] = weight * 2
  }
  for (let k = 0; k < bodies.length && n < limit; k++) {
    ords[n] = bodies[k]
    scores[n++] = weight
  }
  return { ords: ords.slice(0, n), scores: scores.slice(0, n), count: n, total }
}

/**
 * One word with several terms (a prefix, typos). The total is the size of their union,
 * counted on a bitset. The best are found score level by level, highest first (a title
 * in an exact term, a title in a prefix term, ...): at each level every list gives its
 * first few postings of that kind, so only list heads are read. A document whose best
 * level is higher was taken there already, since a level is only left unfinished when
 * it filled the result.
 */
function singleGroup(
  p: Postings,
  group: Expansion[],
  accept: Accept,
  plain: boolean,
  limit: number,
  s: Scratch,
): Ranked {
  const lists = listsOfGroup(p, group)
  const kinds = p.kinds
  const ok = plain ? null : (ord: number) => kinds[ord] !== DEAD && (accept === null || accept(ord))
  const [lo, hi] = span(lists)
  for (const { list } of lists) setBits(list, s.bits)
  const postings = lists.reduce((a, l) => a + l.list.length, 0)
  const total =
    hi < 0
      ? 0
      : postings * 4 < (hi - lo) >>> 5
        ? countSparse(lists, s.bits, ok)
        : countBits(s.bits, lo >>> 5, hi >>> 5, ok)
  const levels = [...new Set(lists.flatMap(({ weight }) => [weight * 2, weight]))].sort((a, b) => b - a)
  const ords: number[] = []
  const scores: number[] = []
  const taken = new Set<number>()
  for (const level of levels) {
    const need = limit - ords.length
    if (need <= 0) break
    const found: number[] = []
    for (const { list, weight } of lists) {
      const title = weight * 2 === level ? 1 : weight === level ? 0 : -1
      if (title < 0) continue
      let got = 0
      for (let k = 0; k < list.length && got < need; k++) {
        const q = list[k]
        const ord = q >>> 1
        if ((q & 1) !== title || (taken.size && taken.has(ord)) || (ok && !ok(ord))) continue
        found.push(ord)
        got++
      }
    }
    found.sort((a, b) => a - b)
    for (let k = 0; k < found.length && ords.length < limit; k++) {
      if (k > 0 && found[k] === found[k - 1]) continue
      ords.push(found[k])
      scores.push(level)
      taken.add(found[k])
    }
  }
  return { ords: Int32Array.from(ords), scores: Float32Array.from(scores), count: ords.length, total }
}

/** The rarest word's matches that pass the filters, ascending, into s.ords/s.scores (in hundredths); returns how many. */
function materialize(p: Postings, group: Expansion[], accept: Accept, plain: boolean, s: Scratch): number {
  const { ords, scores, bits, best } = s
  const lists = listsOfGroup(p, group)
  let n = 0
  if (lists.length === 1) n = copyList(lists[0], ords, scores, 0)
  else {
    // Several lists: their union, de-duplicated and put in order by walking a bitset.
    const [lo, hi] = span(lists)
    for (const l of lists) markBits(l, best, bits)
    if (hi >= 0) n = emitBits(bits, best, lo >>> 5, hi >>> 5, ords, scores)
  }
  return plain ? n : keepIf(ords, scores, n, p.kinds, accept)
}

/**
 * Narrows the candidates (s.ords/s.scores, ascending, `n` of them) to those `group` also
 * matches, adding its weight. Few candidates probe the lists (galloping); many are put in
 * a bitset that the word's postings are tested against, so only shared documents are written.
 */
function narrow(p: Postings, group: Expansion[], n: number, s: Scratch): number {
  const { ords, scores, best, bits } = s
  const lists = listsOfGroup(p, group)
  const size = lists.reduce((a, l) => a + l.list.length, 0)
  let kept = 0
  if (n * lists.length * 8 < size) {
    const at = lists.map(() => 0)
    for (let k = 0; k < n; k++) {
      const ord = ords[k]
      let got = 0
      for (let i = 0; i < lists.length; i++) {
        const { list, body, title } = lists[i]
        const j = (at[i] = seek(list, at[i], ord))
        if (j < list.length && list[j] >>> 1 === ord) got = Math.max(got, list[j] & 1 ? title : body)
      }
      if (got > 0) {
        ords[kept] = ord
        scores[kept++] = scores[k] + got
      }
    }
    return kept
  }
  setCandidates(ords, n, bits)
  for (const l of lists) markIfSet(l, bits, best)
  return keepMarked(ords, scores, n, best, bits)
}

/**
 * The documents both words match, ascending, into s.ords/s.scores (in hundredths): the
 * first word is marked in a bitset, the second's postings are tested against it branch-free
 * and only the shared ones are marked again, then walked in order. Cheaper than listing
 * the first word's tens of thousands of matches and narrowing them.
 */
function intersectTwo(
  p: Postings,
  g0: Expansion[],
  g1: Expansion[],
  accept: Accept,
  plain: boolean,
  s: Scratch,
): number {
  const first = listsOfGroup(p, g0)
  const second = listsOfGroup(p, g1)
  const [lo0, hi0] = span(first)
  const [lo1, hi1] = span(second)
  for (const l of first) markBits(l, s.best, s.bits)
  for (const l of second) markIfSet(l, s.bits, s.best2, s.bits2)
  const n = hi1 >= 0 ? emitPair(s.bits2, s.best, s.best2, lo1 >>> 5, hi1 >>> 5, s.ords, s.scores) : 0
  if (hi0 >= 0) {
    s.bits.fill(0, lo0 >>> 5, (hi0 >>> 5) + 1)
    s.best.fill(0, lo0, hi0 + 1)
  }
  return plain ? n : keepIf(s.ords, s.scores, n, p.kinds, accept)
}

/** The `limit` best documents matching every word (AND) that pass the filters, and how many match. */
export function evaluate(
  p: Postings,
  groups: Expansion[][],
  accept: Accept,
  plain: boolean,
  limit: number,
  s: Scratch,
): Ranked {
  if (groups.some((g) => !g.length)) return { ords: new Int32Array(0), scores: new Float32Array(0), count: 0, total: 0 }
  if (groups.length === 1 && groups[0].length === 1)
    return singleTerm(p, groups[0][0].term, groups[0][0].weight, accept, plain, limit, s)
  if (groups.length === 1) return singleGroup(p, groups[0], accept, plain, limit, s)
  // The rarest word gives the candidates; the others can only narrow them.
  const order = groups
    .map((g) => ({ g, size: g.reduce((a, e) => a + listSize(p, e.term), 0) }))
    .sort((a, b) => a.size - b.size)
  // Two common words: intersect on bitsets without listing the rarer one's matches first.
  const both = order[1].size > 0 && order[0].size * 16 > p.kinds.length
  let n = both
    ? intersectTwo(p, order[0].g, order[1].g, accept, plain, s)
    : materialize(p, order[0].g, accept, plain, s)
  for (let i = both ? 2 : 1; i < order.length && n > 0; i++) n = narrow(p, order[i].g, n, s)
  // Scores were summed in hundredths (exact in a float, so ties stay ties).
  const top = s.top(s.ords, s.scores, n, limit, n)
  for (let k = 0; k < top.count; k++) top.scores[k] /= 100
  return top
}

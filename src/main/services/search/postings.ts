/**
 * The inner loops of query evaluation (query.ts), each over one typed array so V8 keeps
 * it monomorphic. Posting lists are ascending by ordinal; a posting is ordinal * 2 + 1
 * when the term is in the document's title. Bitsets and the `best` bytes are corpus-sized
 * scratch that every function leaves all-zero again.
 */
import type { Expansion } from './engine'
import type { Accept, Postings } from './query'
import { popcount } from './text'

export const DEAD = 255

/**
 * A term's postings as typed arrays: the base, and the tail of postings added since the
 * last compaction (a plain array, copied) — so every hot loop sees one array type.
 */
export function listsOf(p: Postings, term: number): Uint32Array[] {
  const out: Uint32Array[] = []
  const b = p.base[term]
  if (b?.length) out.push(b)
  const t = p.tail[term]
  if (t?.length) out.push(Uint32Array.from(t))
  return out
}

export interface Weighted {
  list: Uint32Array
  weight: number
  /** The weight in hundredths, as the AND path keeps it: in a byte per document, a quarter of a float's memory traffic. */
  body: number
  title: number
}
const hundredths = (w: number) => Math.min(255, Math.round(w * 100))

/** Postings of one word's expansions, each list with its weight. */
export function listsOfGroup(p: Postings, group: Expansion[]): Weighted[] {
  return group.flatMap(({ term, weight }) =>
    listsOf(p, term).map((list) => ({ list, weight, body: hundredths(weight), title: hundredths(weight * 2) })),
  )
}

/** [lowest, highest] ordinal in the lists ([MAX, -1] when empty). */
export function span(lists: { list: Uint32Array }[]): [number, number] {
  let lo = 0x7fffffff
  let hi = -1
  for (const { list } of lists) {
    lo = Math.min(lo, list[0] >>> 1)
    hi = Math.max(hi, list[list.length - 1] >>> 1)
  }
  return [lo, hi]
}

export function setBits(list: Uint32Array, bits: Int32Array): void {
  for (let k = 0; k < list.length; k++) {
    const ord = list[k] >>> 1
    bits[ord >>> 5] |= 1 << (ord & 31)
  }
}

/** Marks the best weight per document in `best` and the documents in `bits`. */
export function markBits({ list, body, title }: Weighted, best: Uint8Array, bits: Int32Array): void {
  for (let k = 0; k < list.length; k++) {
    const q = list[k]
    const ord = q >>> 1
    const w = (q & 1) === 1 ? title : body
    if (w > best[ord]) best[ord] = w
    bits[ord >>> 5] |= 1 << (ord & 31)
  }
}

const HITS = new Uint32Array(4096)

/**
 * Like markBits, but only for documents already in `bits` (the candidates): their best
 * weight goes to `best`, and with `shared` they are also marked there. Two passes per
 * block: a branch-free one that appends the postings whose bit is set (most are not,
 * and a mispredicted branch per posting cost more than the loads), then the few hits.
 */
export function markIfSet(
  { list, body, title }: Weighted,
  bits: Int32Array,
  best: Uint8Array,
  shared: Int32Array | null = null,
): void {
  for (let from = 0; from < list.length; from += HITS.length) {
    const to = Math.min(list.length, from + HITS.length)
    let h = 0
    for (let k = from; k < to; k++) {
      const q = list[k]
      const ord = q >>> 1
      HITS[h] = q
      h += (bits[ord >>> 5] >>> (ord & 31)) & 1
    }
    for (let i = 0; i < h; i++) {
      const q = HITS[i]
      const ord = q >>> 1
      const w = (q & 1) === 1 ? title : body
      if (w > best[ord]) best[ord] = w
      if (shared !== null) shared[ord >>> 5] |= 1 << (ord & 31)
    }
  }
}

/**
 * Distinct documents of `lists` that pass `ok` (all when null), by re-reading the postings
 * and clearing each bit the first time it is seen: for a few short lists (typo expansions of
 * a rare name) cheaper than walking a bitset that spans the whole corpus.
 */
export function countSparse(
  lists: { list: Uint32Array }[],
  bits: Int32Array,
  ok: ((ord: number) => boolean) | null,
): number {
  let n = 0
  for (const { list } of lists) {
    for (let k = 0; k < list.length; k++) {
      const ord = list[k] >>> 1
      const bit = 1 << (ord & 31)
      if ((bits[ord >>> 5] & bit) === 0) continue
      bits[ord >>> 5] &= ~bit
      if (ok === null || ok(ord)) n++
    }
  }
  return n
}

/** Set bits in words [lo, hi] that pass `ok` (all when null), clearing the words. */
export function countBits(bits: Int32Array, lo: number, hi: number, ok: ((ord: number) => boolean) | null): number {
  let n = 0
  for (let w = lo; w <= hi; w++) {
    let word = bits[w] | 0
    if (word === 0) continue
    bits[w] = 0
    if (ok === null) n += popcount(word)
    else
      for (; word !== 0; word &= word - 1) {
        if (ok((w << 5) | (31 - Math.clz32(word & -word)))) n++
      }
  }
  return n
}

/** Documents in `bits2` words [lo, hi], ascending, scored best + best2; clears `bits2` and `best2`. */
export function emitPair(
  bits2: Int32Array,
  best: Uint8Array,
  best2: Uint8Array,
  lo: number,
  hi: number,
  ords: Int32Array,
  scores: Float32Array,
): number {
  let n = 0
  for (let w = lo; w <= hi; w++) {
    let word = bits2[w] | 0
    if (word === 0) continue
    bits2[w] = 0
    for (; word !== 0; word &= word - 1) {
      const ord = (w << 5) | (31 - Math.clz32(word & -word))
      ords[n] = ord
      scores[n++] = best[ord] + best2[ord]
      best2[ord] = 0
    }
  }
  return n
}

/** Documents in `bits` words [lo, hi], ascending, with their `best` weight; clears both. */
export function emitBits(
  bits: Int32Array,
  best: Uint8Array,
  lo: number,
  hi: number,
  ords: Int32Array,
  scores: Float32Array,
): number {
  let n = 0
  for (let w = lo; w <= hi; w++) {
    let word = bits[w] | 0
    if (word === 0) continue
    bits[w] = 0
    for (; word !== 0; word &= word - 1) {
      const ord = (w << 5) | (31 - Math.clz32(word & -word))
      ords[n] = ord
      scores[n++] = best[ord]
      best[ord] = 0
    }
  }
  return n
}

export function copyList({ list, body, title }: Weighted, ords: Int32Array, scores: Float32Array, n: number): number {
  for (let k = 0; k < list.length; k++) {
    const q = list[k]
    ords[n] = q >>> 1
    scores[n++] = (q & 1) === 1 ? title : body
  }
  return n
}

/** Drops candidates of removed documents or outside the filters. */
export function keepIf(ords: Int32Array, scores: Float32Array, n: number, kinds: number[], accept: Accept): number {
  let kept = 0
  for (let k = 0; k < n; k++) {
    const ord = ords[k]
    if (kinds[ord] === DEAD || (accept !== null && !accept(ord))) continue
    ords[kept] = ord
    scores[kept++] = scores[k]
  }
  return kept
}

/** First index >= from whose ordinal is >= ord (galloping, then binary search). */
export function seek(list: Uint32Array, from: number, ord: number): number {
  const key = ord * 2
  let step = 1
  let hi = from
  while (hi < list.length && list[hi] < key) {
    from = hi + 1
    hi += step
    step *= 2
  }
  if (hi > list.length) hi = list.length
  while (from < hi) {
    const mid = (from + hi) >>> 1
    if (list[mid] < key) from = mid + 1
    else hi = mid
  }
  return from
}

export function setCandidates(ords: Int32Array, n: number, bits: Int32Array): void {
  for (let k = 0; k < n; k++) {
    const ord = ords[k]
    bits[ord >>> 5] |= 1 << (ord & 31)
  }
}

/** Keeps the candidates the word matched (a weight in `best`), adding it; clears `best` and `bits`. */
export function keepMarked(
  ords: Int32Array,
  scores: Float32Array,
  n: number,
  best: Uint8Array,
  bits: Int32Array,
): number {
  let kept = 0
  for (let k = 0; k < n; k++) {
    const ord = ords[k]
    const got = best[ord]
    best[ord] = 0
    bits[ord >>> 5] = 0
    ords[kept] = ord
    scores[kept] = scores[k] + got
    // Branch-free: the slot is overwritten when this candidate is dropped.
    kept += got > 0 ? 1 : 0
  }
  return kept
}

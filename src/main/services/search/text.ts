/**
 * Text folding shared by indexing, querying and snippets. Folding must be the
 * same on both sides, or "cancilleria" would never meet "Cancillería".
 */

const MARKS = /[\u0300-\u036f]/g
const TOKEN = /[\p{L}\p{N}]+/gu

/** Lower case without diacritics: "Cancillería" -> "cancilleria". */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase()
  // Latin letters and punctuation go through a table (each entry is the slow path's answer for
  // that character): a third of the cost of normalizing, and snippets fold every hit's text.
  // Any other character sends the whole text down the slow path, which only then is exact.
  try {
    return text.replace(NON_ASCII_ALL, quickFold).toLowerCase()
  } catch (e) {
    if (e !== NEEDS_SLOW_PATH) throw e
    return slowFold(text)
  }
}

const slowFold = (text: string) => text.normalize('NFD').replace(MARKS, '').toLowerCase()
const NON_ASCII = /[\u0080-\uffff]/
const NON_ASCII_ALL = /[\u0080-\uffff]/g
const LATIN_END = 0x250
const LATIN_FOLD = Array.from({ length: LATIN_END - 0x80 }, (_, i) => slowFold(String.fromCharCode(0x80 + i)))
const PUNCT = 0x2000
const PUNCT_FOLD = Array.from({ length: 0x70 }, (_, i) => slowFold(String.fromCharCode(PUNCT + i)))
/** Thrown (not an Error: no stack to capture) to leave String.replace at the first character the table lacks. */
const NEEDS_SLOW_PATH = Symbol('slow fold')

function quickFold(c: string): string {
  const code = c.charCodeAt(0)
  if (code < LATIN_END) return LATIN_FOLD[code - 0x80]
  // General punctuation: dashes, quotes, spaces, bidi marks.
  if (code >= PUNCT && code < PUNCT + PUNCT_FOLD.length) return PUNCT_FOLD[code - PUNCT]
  throw NEEDS_SLOW_PATH
}

/** Terms worth indexing: single letters carry no meaning and cost a posting per document. */
const keep = (t: string) => t.length > 1 || (t >= '0' && t <= '9')

/** Unique terms of a text already folded. */
export function foldedTerms(folded: string): Set<string> {
  return new Set(folded.match(TOKEN)?.filter(keep))
}

/**
 * The folded text plus, for each folded character, the offset of the original
 * character it came from, so matches found in folded text highlight the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] | null } {
  const whole = fold(text)
  // Nearly always folding keeps one character per character: offsets are then the same.
  if (whole.length === text.length) return { folded: whole, map: null }
  let folded = ''
  const map: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // ASCII needs no normalization; this keeps snippets cheap for the common case.
    const part = code < 128 ? text[i].toLowerCase() : fold(text[i])
    for (let k = 0; k < part.length; k++) map.push(i)
    folded += part
  }
  map.push(text.length)
  return { folded, map }
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance, giving up as soon as
 * it must exceed `max`: the typo fallback compares a query term with thousands of terms.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (lb + 1 > ROW) return slowDistance(a, b, max)
  // Three reused rows: this runs for thousands of terms per typo query, allocation would dominate.
  let prev2 = R0
  let prev = R1
  let cur = R2
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      let v = prev[j - 1] + (ca === cb ? 0 : 1)
      if (prev[j] + 1 < v) v = prev[j] + 1
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v)
        v = prev2[j - 2] + 1
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[lb]
}

/**
 * A cheap necessary condition for an edit distance <= max: each edit leaves at most one
 * character of either word unmatched in the other, counted as multisets. It rejects most
 * candidates before the quadratic distance runs.
 */
export function nearFilter(token: string, max: number): (t: string) => boolean {
  const base = new Int16Array(128)
  for (let i = 0; i < token.length; i++) base[token.charCodeAt(i) & 127]++
  const work = new Int16Array(128)
  return (t) => {
    work.set(base)
    let extra = 0
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i) & 127
      if (work[c] > 0) work[c]--
      else if (++extra > max) return false
    }
    return token.length - (t.length - extra) <= max
  }
}

/**
 * A 32-bit set of a word's characters (code mod 32). An edit adds at most one character
 * the other word lacks, so words whose sets differ by more than `max` either way are
 * too far apart; shared bits only make the test weaker, never wrong.
 */
export function letterMask(t: string): number {
  let m = 0
  for (let i = 0; i < t.length; i++) m |= 1 << (t.charCodeAt(i) & 31)
  return m
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63
}

const ROW = 64
const R0 = new Int32Array(ROW)
const R1 = new Int32Array(ROW)
const R2 = new Int32Array(ROW)

function slowDistance(a: string, b: string, max: number): number {
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1)
      cur.push(v)
    }
    if (Math.min(...cur) > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]
}

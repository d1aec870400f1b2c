/** Turns matched ordinals into what the UI shows: ranked hits with highlighted title and snippet. */
import type { Highlighted, SearchHit, SearchKind } from '@shared/domain'
import type { Expansion, SearchEngine } from './engine'
import type { Ranked } from './query'
import { fold, foldWithMap } from './text'

const SNIPPET = 160

/** The case view's tab that shows each kind of item. */
export const TAB_OF: Record<SearchKind, string> = {
  case: 'overview',
  actor: 'actors',
  event: 'timeline',
  evidence: 'evidence',
  annotation: 'evidence',
  note: 'evidence',
  briefing: 'briefings',
  statute: 'statutes',
}

/** Ranges of `text` whose folded words are among `matched`; `folded` is fold(text) when the caller has it. */
export function highlightRanges(text: string, matched: Set<string>, folded?: string): [number, number][] {
  if (!text || !matched.size) return []
  if (folded !== undefined && folded.length === text.length) return findWords(folded, null, matched, 0, folded.length)
  const m = foldWithMap(text)
  return findWords(m.folded, m.map, matched, 0, m.folded.length)
}

/** Strings `findWords` looks for with indexOf, per set of matched terms (one set per query). */
const NEEDLES = new WeakMap<Set<string>, string[] | null>()

/**
 * The terms themselves when they are few; else their distinct first three letters when
 * those are few (a prefix query's hundreds of expansions share one); else null.
 */
function needlesOf(matched: Set<string>): string[] | null {
  let needles = NEEDLES.get(matched)
  if (needles === undefined) {
    const heads = new Set<string>()
    if (matched.size > 8) for (const t of matched) heads.add(t.slice(0, 3))
    needles = matched.size <= 8 ? [...matched] : heads.size <= 8 ? [...heads] : null
    NEEDLES.set(matched, needles)
  }
  return needles
}

/**
 * Matched words of folded[from, to) (`from` and `to` at word boundaries) as ranges of the
 * original text, in order; with `first`, only the first. Native `indexOf` for a few
 * needles beats splitting the text into words, which is left for queries with many
 * unrelated terms (typo expansions).
 */
function findWords(
  folded: string,
  map: number[] | null,
  matched: Set<string>,
  from: number,
  to: number,
  first = false,
): [number, number][] {
  const needles = needlesOf(matched)
  if (!needles) return scanWords(folded, map, matched, from, to, first)
  const found: [number, number][] = []
  let best = -1
  for (const needle of needles) {
    for (
      let at = folded.indexOf(needle, from);
      at >= 0 && at < to && !(first && best >= 0 && at >= best);
      at = folded.indexOf(needle, at + 1)
    ) {
      if (at > 0 && isWordChar(folded, at - 1)) continue
      let end = at + needle.length
      while (end < folded.length && isWordChar(folded, end)) end++
      if (end > to || !matched.has(end - at === needle.length ? needle : folded.slice(at, end))) continue
      found.push([at, end])
      if (first) {
        best = at
        break
      }
    }
  }
  // Two needles (a term and a longer one it starts) can find the same word.
  const words =
    found.length > 1 ? found.sort((x, y) => x[0] - y[0]).filter((w, i) => i === 0 || w[0] !== found[i - 1][0]) : found
  const out = first ? words.slice(0, 1) : words
  return map ? out.map(([x, y]) => [map[x], map[y]]) : out
}

/**
 * Matched words of folded[from, to) (`from` and `to` at word boundaries), as ranges of the
 * original text; with `first`, only the first. A hand-written scan: folded text is nearly
 * all ASCII, and a Unicode-class regex over every snippet was most of a query's time.
 */
function scanWords(
  folded: string,
  map: number[] | null,
  matched: Set<string>,
  from: number,
  to: number,
  first: boolean,
): [number, number][] {
  const out: [number, number][] = []
  let start = -1
  for (let i = from; i <= to; i++) {
    const word = i < to && isWordChar(folded, i)
    if (word && start < 0) start = i
    else if (!word && start >= 0) {
      if (matched.has(folded.slice(start, i))) {
        out.push(map ? [map[start], map[i]] : [start, i])
        if (first) return out
      }
      start = -1
    }
  }
  return out
}

/** Where the first matched word starts in `folded`, or -1. */
function firstMatch(folded: string, matched: Set<string>): number {
  return findWords(folded, null, matched, 0, folded.length, true)[0]?.[0] ?? -1
}

const WORD_CHAR = /[\p{L}\p{N}]/u
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
  return WORD_CHAR.test(s[i])
}

const RUNS = /\s\s|[^\S \n]/
/**
 * Whitespace runs as single spaces. Most texts have only single spaces and line breaks,
 * and a test plus a plain replaceAll costs a third of the regex replace.
 */
const collapse = (text: string) => (RUNS.test(text) ? text.replace(/\s+/g, ' ') : text.replaceAll('\n', ' ')).trim()

/** What `\s` matches, without a regex per character. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

const spaceAt = (text: string, i: number) => isSpace(text.charCodeAt(i))

/**
 * A window of about SNIPPET characters (whitespace runs counted once) around the first
 * match, cut at word boundaries, with the matched words in it highlighted. Only the
 * window is collapsed and scanned for highlights: hits are mostly long texts, and doing
 * that to all of each was most of what answering a query cost.
 */
export function snippet(text: string, matched: Set<string>, folded = fold(text)): Highlighted {
  if (text.length <= SNIPPET) {
    const flat = collapse(text)
    // Collapsing that keeps the length only turned single spaces into others: offsets still hold.
    return { text: flat, highlights: highlightRanges(flat, matched, flat.length === text.length ? folded : undefined) }
  }
  // Offsets in folded text are the original's unless folding changed the length (rare).
  if (folded.length !== text.length) return foldedSnippet(collapse(text), matched)
  let lo = 0
  while (lo < text.length && spaceAt(text, lo)) lo++
  let hi = text.length
  while (hi > lo && spaceAt(text, hi - 1)) hi--
  const first = Math.max(lo, matched.size ? firstMatch(folded, matched) : lo)
  // 40 characters as shown before the match, then back to the start of that word unless it is very long.
  let start = first
  for (let shown = 0; start > lo && shown < 40;) if (!spaceAt(text, --start) || !spaceAt(text, start - 1)) shown++
  if (start > lo && spaceAt(text, start)) while (spaceAt(text, start)) start++
  else if (start > lo) {
    let word = start
    while (word > lo && !spaceAt(text, word - 1) && start - word < 20) word--
    if (word === lo || spaceAt(text, word - 1)) start = word
  }
  // SNIPPET characters as they will show, a whitespace run being one.
  // Whether the window needs collapsing is noted on the way: a run, or a space other than ' ' and '\n'.
  let end = start
  let runs = false
  for (let shown = 0; end < hi && shown < SNIPPET; shown++) {
    const c = text.charCodeAt(end++)
    if (!isSpace(c)) continue
    if (c !== 32 && c !== 10) runs = true
    while (end < hi && spaceAt(text, end)) {
      runs = true
      end++
    }
  }
  if (end < hi) {
    let cut = end
    while (cut < hi && cut - end < 20 && !spaceAt(text, cut)) cut++
    if (cut < hi && spaceAt(text, cut)) end = cut
  }
  while (end > start && spaceAt(text, end - 1)) end--
  // Only the window's words are highlighted; widen the scan to whole words, then keep what lies inside.
  let from = start
  while (from > 0 && isWordChar(folded, from - 1)) from--
  let to = end
  while (to < folded.length && isWordChar(folded, to)) to++
  const raw = text.slice(start, end)
  const body = runs ? raw.replace(/\s+/g, ' ') : raw.replaceAll('\n', ' ')
  const lead = start > lo ? '…' : ''
  const highlights = findWords(folded, null, matched, from, to)
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]) => [lead.length + flatOffset(raw, runs, a - start), lead.length + flatOffset(raw, runs, b - start)])
  return { text: lead + body + (end < hi ? '…' : ''), highlights: highlights as [number, number][] }
}

/** Where offset `i` of `raw` lands once its whitespace runs are single spaces. */
function flatOffset(raw: string, runs: boolean, i: number): number {
  if (!runs) return i
  let out = 0
  for (let k = 0; k < i; k++) if (!(isSpace(raw.charCodeAt(k)) && k > 0 && isSpace(raw.charCodeAt(k - 1)))) out++
  return out
}

/** The snippet of an already collapsed text whose folding changes its length (a folded-offset map is needed). */
function foldedSnippet(flat: string, matched: Set<string>): Highlighted {
  if (flat.length <= SNIPPET) return { text: flat, highlights: highlightRanges(flat, matched) }
  const { folded, map } = foldWithMap(flat)
  const ranges = map ? findWords(folded, map, matched, 0, folded.length) : null
  const first = ranges ? (ranges[0]?.[0] ?? 0) : Math.max(0, matched.size ? firstMatch(folded, matched) : 0)
  let start = Math.max(0, first - 40)
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start)
    start = space >= 0 && first - space < 60 ? space + 1 : start
  }
  let end = Math.min(flat.length, start + SNIPPET)
  if (end < flat.length) {
    const space = flat.indexOf(' ', end)
    end = space >= 0 && space - end < 20 ? space : end
  }
  let from = start
  while (from > 0 && isWordChar(folded, from - 1)) from--
  let to = end
  while (to < folded.length && isWordChar(folded, to)) to++
  const inWindow = (ranges ?? findWords(folded, null, matched, from, to)).filter(([a, b]) => a >= start && b <= end)
  const lead = start > 0 ? '…' : ''
  const shift = lead.length - start
  const highlights = inWindow.map(([a, b]) => [a + shift, b + shift] as [number, number])
  return { text: lead + flat.slice(start, end) + (end < flat.length ? '…' : ''), highlights }
}

export function toHits(engine: SearchEngine, top: Ranked, expansions: Expansion[][]): SearchHit[] {
  const matched = new Set(expansions.flat().map((e) => engine.terms[e.term]))
  return Array.from(top.ords.subarray(0, top.count), (ord, k) => {
    const score = top.scores[k]
    const kind = engine.kindOf(ord)
    const { title, body, id, titleFolded, bodyFolded } = engine.text(ord)
    let caseId = engine.caseIds[engine.caseOrds[ord]]
    if (kind === 'statute') caseId = engine.statuteCases.get(id)?.[0] ?? ''
    const meta = caseId ? engine.caseMeta[engine.caseIndex.get(caseId) ?? -1] : undefined
    const evidenceId = engine.evidenceIds[ord] ?? undefined
    return {
      kind,
      caseId,
      caseReference: meta?.reference ?? '',
      caseTitle: meta?.title ?? '',
      id,
      ...(evidenceId ? { evidenceId } : {}),
      tab: TAB_OF[kind],
      // An annotation opens on its evidence item, which shows it.
      itemId: kind === 'annotation' && evidenceId ? evidenceId : kind === 'case' ? '' : id,
      title: { text: title, highlights: highlightRanges(title, matched, titleFolded) },
      snippet: snippet(body, matched, bodyFolded),
      score: Math.round(score * 100) / 100,
    }
  })
}

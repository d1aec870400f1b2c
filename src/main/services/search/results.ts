/** Turns matched ordinals into what the UI shows: ranked hits with highlighted title and snippet. */
import type { Highlighted, SearchHit, SearchKind } from '../../../shared/ipc/channels/search'
import type { Expansion, SearchEngine } from './engine'
import type { Ranked } from './query'
import { foldWithMap } from './text'

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

/** Ranges of `text` whose folded words are among `matched`. */
export function highlightRanges(text: string, matched: Set<string>): [number, number][] {
  if (!text || !matched.size) return []
  const { folded, map } = foldWithMap(text)
  return findWords(folded, map, matched, 0, folded.length)
}

/**
 * Matched words of folded[from, to) (`from` and `to` at word boundaries) as ranges of the
 * original text. For the few terms of most queries, native `indexOf` per term beats
 * splitting the text into words; a word equals at most one term, so ranges never repeat.
 */
function findWords(
  folded: string,
  map: number[] | null,
  matched: Set<string>,
  from: number,
  to: number,
): [number, number][] {
  if (matched.size > 8) return scanWords(folded, map, matched, from, to, false)
  const out: [number, number][] = []
  for (const term of matched) {
    for (let at = folded.indexOf(term, from); at >= 0 && at + term.length <= to; at = folded.indexOf(term, at + 1)) {
      const end = at + term.length
      if ((at === 0 || !isWordChar(folded, at - 1)) && (end === folded.length || !isWordChar(folded, end)))
        out.push(map ? [map[at], map[end]] : [at, end])
    }
  }
  return out.length > 1 ? out.sort((a, b) => a[0] - b[0]) : out
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

/**
 * Where the first matched word starts in `folded`, or -1. For the few terms of most
 * queries, native `indexOf` per term beats splitting the whole text into words.
 */
function firstMatch(folded: string, matched: Set<string>): number {
  if (matched.size > 8) return scanWords(folded, null, matched, 0, folded.length, true)[0]?.[0] ?? -1
  let best = -1
  for (const term of matched) {
    for (let at = folded.indexOf(term); at >= 0 && (best < 0 || at < best); at = folded.indexOf(term, at + 1)) {
      const end = at + term.length
      if ((at === 0 || !isWordChar(folded, at - 1)) && (end === folded.length || !isWordChar(folded, end))) {
        best = at
        break
      }
    }
  }
  return best
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

/** A window of about SNIPPET characters around the first match, cut at word boundaries. */
export function snippet(text: string, matched: Set<string>): Highlighted {
  const flat = collapse(text)
  if (flat.length <= SNIPPET) return { text: flat, highlights: highlightRanges(flat, matched) }
  const { folded, map } = foldWithMap(flat)
  // Offsets in folded text are the original's unless folding changed the length (rare): then scan it all.
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
  // Only the window's words are highlighted; widen the scan to whole words, then keep what lies inside.
  let from = start
  while (from > 0 && isWordChar(folded, from - 1)) from--
  let to = end
  while (to < folded.length && isWordChar(folded, to)) to++
  const inWindow = (ranges ?? findWords(folded, null, matched, from, to)).filter(([a, b]) => a >= start && b <= end)
  const lead = start > 0 ? '…' : ''
  const body = flat.slice(start, end)
  const shift = lead.length - start
  const highlights = inWindow.map(([a, b]) => [a + shift, b + shift] as [number, number])
  return { text: lead + body + (end < flat.length ? '…' : ''), highlights }
}

export function toHits(engine: SearchEngine, top: Ranked, expansions: Expansion[][]): SearchHit[] {
  const matched = new Set(expansions.flat().map((e) => engine.terms[e.term]))
  return Array.from(top.ords.subarray(0, top.count), (ord, k) => {
    const score = top.scores[k]
    const kind = engine.kindOf(ord)
    const { title, body, id } = engine.text(ord)
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
      title: { text: title, highlights: highlightRanges(title, matched) },
      snippet: snippet(body, matched),
      score: Math.round(score * 100) / 100,
    }
  })
}

/** Turns matched ordinals into what the UI shows: ranked hits with highlighted title and snippet. */
import type { Highlighted, SearchHit, SearchKind } from '../../../shared/ipc/channels/search'
import type { Expansion, RawHits, SearchEngine } from './engine'

export interface RawHit {
  ord: number
  score: number
}
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

/** The `limit` best hits, best first, without sorting all of them (a common word can match 100,000). */
export function topK(hits: RawHits, limit: number): RawHit[] {
  const { ords, scores, count } = hits
  const better = (a: RawHit, b: RawHit) => (a.score !== b.score ? a.score > b.score : a.ord < b.ord)
  // A min-heap of the best so far: its root is the weakest one kept.
  const heap: RawHit[] = []
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && better(heap[m], heap[l])) m = l
      if (r < heap.length && better(heap[m], heap[r])) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m], heap[i]]
      i = m
    }
  }
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!better(heap[p], heap[i])) return
      ;[heap[i], heap[p]] = [heap[p], heap[i]]
      i = p
    }
  }
  for (let k = 0; k < count; k++) {
    const score = scores[k]
    if (heap.length < limit) {
      heap.push({ ord: ords[k], score })
      up(heap.length - 1)
    } else if (score > heap[0].score || (score === heap[0].score && ords[k] < heap[0].ord)) {
      heap[0] = { ord: ords[k], score }
      down(0)
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1))
}

/** Ranges of `text` whose folded words are among `matched`. */
export function highlightRanges(text: string, matched: Set<string>): [number, number][] {
  if (!text || !matched.size) return []
  const { folded, map } = foldWithMap(text)
  const out: [number, number][] = []
  // A hand-written scan: folded text is nearly all ASCII, and a Unicode-class regex over
  // every snippet was most of a query's time.
  let start = -1
  for (let i = 0; i <= folded.length; i++) {
    const word = i < folded.length && isWordChar(folded, i)
    if (word && start < 0) start = i
    else if (!word && start >= 0) {
      if (matched.has(folded.slice(start, i))) out.push(map ? [map[start], map[i]] : [start, i])
      start = -1
    }
  }
  return out
}

const WORD_CHAR = /[\p{L}\p{N}]/u
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
  return WORD_CHAR.test(s[i])
}

/** A window of about SNIPPET characters around the first match, cut at word boundaries. */
export function snippet(text: string, matched: Set<string>): Highlighted {
  const flat = text.replace(/\s+/g, ' ').trim()
  const ranges = highlightRanges(flat, matched)
  if (flat.length <= SNIPPET) return { text: flat, highlights: ranges }
  const first = ranges[0]?.[0] ?? 0
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
  const lead = start > 0 ? '…' : ''
  const body = flat.slice(start, end)
  const shift = lead.length - start
  const highlights = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]) => [a + shift, b + shift] as [number, number])
  return { text: lead + body + (end < flat.length ? '…' : ''), highlights }
}

export function toHits(engine: SearchEngine, top: RawHit[], expansions: Expansion[][]): SearchHit[] {
  const matched = new Set(expansions.flat().map((e) => engine.terms[e.term]))
  return top.map(({ ord, score }) => {
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

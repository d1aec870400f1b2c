/**
 * The index in this process (the app runs it in a worker, where the other tests reach it only
 * through the wire): random corpora with random removals and compactions, and random word and
 * filter queries, each answered against a plain scan of the live documents.
 */
import { describe, expect, it } from 'vitest'
import { EVIDENCE_KINDS, SEARCH_KINDS, VERIFICATION_STATUSES, type SearchFilters } from '@shared/domain'
import { SearchEngine, type IndexDoc } from '@main/services/search/engine'
import { fold, foldedTerms } from '@main/services/search/text'
import { rng } from '../../../helpers/rng'

const WORDS = ['consulado', 'embajada', 'nota', 'protesta', 'video', 'acceso', 'puerta', 'oficial', 'cónsul', 'llegada']
const CASES = ['case_a', 'case_b', 'case_c']
const TAGS = ['Urgente', 'urgente', 'prensa', 'Minneapolis']

interface Live {
  source: string
  doc: IndexDoc
}

function corpus(seed: number, n: number) {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[r(xs.length)]
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ')
  const docs: Live[] = []
  for (let i = 0; i < n; i++) {
    const kind = pick(['evidence', 'evidence', 'annotation', 'annotation', 'event', 'note', 'case'] as const)
    const caseId = pick(CASES)
    // An annotation is on an item added before it (perhaps removed since), or on none.
    const items = docs.filter((d) => d.doc.kind === 'evidence' && d.doc.caseId === caseId)
    const evidenceId = kind === 'evidence' ? `ev${i}` : items.length && r(5) ? items[r(items.length)].doc.id : 'ev_none'
    const doc: IndexDoc = {
      kind,
      caseId,
      id: kind === 'evidence' ? evidenceId : `${kind}${i}`,
      evidenceId: kind === 'annotation' ? evidenceId : undefined,
      title: words(1 + r(2)),
      body: words(r(4)),
      tags: r(3) ? [] : [pick(TAGS)],
      evidenceKind: kind === 'evidence' ? pick(EVIDENCE_KINDS) : undefined,
      verification: kind === 'evidence' ? pick(VERIFICATION_STATUSES) : undefined,
      date: r(4)
        ? `2026-01-${String(1 + r(28)).padStart(2, '0')}T${String(r(24)).padStart(2, '0')}:00:00.000Z`
        : undefined,
    }
    docs.push({ source: `file${r(n / 3)}`, doc })
  }
  return docs
}

/** What each live document should answer, by a plain scan. */
function scan(live: Live[], tokens: string[], f: SearchFilters | undefined): string[] {
  const evidenceAt = new Map<string, IndexDoc>()
  for (const { doc } of live) if (doc.kind === 'evidence') evidenceAt.set(`${doc.caseId}/${doc.id}`, doc)
  const itemOf = (d: IndexDoc) =>
    d.kind === 'evidence' ? d : d.kind === 'annotation' ? evidenceAt.get(`${d.caseId}/${d.evidenceId}`) : undefined
  const passes = (d: IndexDoc) => {
    if (!f) return true
    if (f.caseId !== undefined && d.caseId !== f.caseId) return false
    if (f.kinds?.length && !f.kinds.includes(d.kind)) return false
    if (f.evidenceKinds?.length && !f.evidenceKinds.includes(itemOf(d)?.evidenceKind as never)) return false
    if (f.verification?.length && !f.verification.includes(itemOf(d)?.verification as never)) return false
    if (f.tag && !d.tags.some((t) => fold(t) === fold(f.tag!))) return false
    const at = d.date ? Date.parse(d.date) : NaN
    if (f.from && !(at >= Date.parse(f.from.length === 10 ? `${f.from}T00:00:00Z` : f.from))) return false
    if (f.to && !(at <= Date.parse(f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to))) return false
    return true
  }
  const terms = (d: IndexDoc) => foldedTerms(fold([d.title, d.body, ...d.tags].join('\n')))
  return live
    .filter(({ doc }) => passes(doc))
    .filter(({ doc }) => {
      const have = [...terms(doc)]
      return tokens.every((t) => have.some((h) => h.startsWith(t)))
    })
    .map(({ doc }) => `${doc.kind}:${doc.caseId}:${doc.id}:${doc.title}`)
    .sort()
}

function answer(e: SearchEngine, tokens: string[], f: SearchFilters | undefined): string[] {
  const { top } = e.search(tokens, f, 1_000)
  expect(top.count).toBe(top.total)
  return Array.from(top.ords)
    .map((o) => {
      const t = e.text(o)
      const kind = e.kindOf(o)
      return `${kind}:${e.caseIds[e.caseOrds[o]]}:${t.id}:${t.title}`
    })
    .sort()
}

function randomFilters(r: (n: number) => number): SearchFilters | undefined {
  if (r(4) === 0) return undefined
  const f: SearchFilters = {}
  if (r(3) === 0) f.caseId = r(6) ? CASES[r(3)] : 'case_unknown'
  if (r(3) === 0) f.kinds = [SEARCH_KINDS[r(SEARCH_KINDS.length)], SEARCH_KINDS[r(SEARCH_KINDS.length)]]
  if (r(4) === 0) f.evidenceKinds = [EVIDENCE_KINDS[r(EVIDENCE_KINDS.length)]]
  if (r(4) === 0) f.verification = [VERIFICATION_STATUSES[r(5)], VERIFICATION_STATUSES[r(5)]]
  if (r(4) === 0) f.tag = TAGS[r(TAGS.length)]
  if (r(4) === 0) f.from = `2026-01-${String(1 + r(28)).padStart(2, '0')}`
  if (r(4) === 0) f.to = r(2) ? `2026-01-${String(1 + r(28)).padStart(2, '0')}` : '2026-01-15T12:00:00.000Z'
  return f
}

describe('the search index', () => {
  for (const seed of [1, 2, 3, 4])
    it(`answers words and filters as a scan of the live documents would, through removals and compactions (seed ${seed})`, () => {
      const r = rng(seed * 7919)
      const e = new SearchEngine()
      let live: Live[] = []
      const all = corpus(seed, 300)
      for (const [i, d] of all.entries()) {
        e.add(d.source, d.doc)
        live.push(d)
        // Now and then a file is read again (its documents dropped) or the index compacted.
        if (i % 40 === 39) {
          const source = live[r(live.length)].source
          e.removeSource(source)
          live = live.filter((x) => x.source !== source)
          expect(e.size).toBe(live.length)
        }
        if (i % 90 === 89) e.compact()
      }
      for (let q = 0; q < 120; q++) {
        const tokens = q % 5 === 0 ? [] : Array.from({ length: 1 + r(2) }, () => fold(WORDS[r(WORDS.length)]))
        // Prefixes too: "emba" finds "embajada".
        if (tokens.length && r(3) === 0) tokens[0] = tokens[0].slice(0, 4)
        const f = randomFilters(r)
        const expected = tokens.length || f ? scan(live, tokens, f) : []
        expect(answer(e, tokens, f), JSON.stringify({ tokens, f })).toEqual(
          // Words alone, with nothing filtered: every match; no words and no filters: nothing.
          !tokens.length && (!f || !Object.keys(f).length) ? [] : expected,
        )
      }
    })

  it('finds a word mistyped by one letter when the words as typed find little', () => {
    const e = new SearchEngine()
    e.add('a', { kind: 'note', caseId: 'c', id: 'n1', title: 'Protesta formal', body: 'ante la embajada', tags: [] })
    e.add('b', { kind: 'note', caseId: 'c', id: 'n2', title: 'Otra cosa', body: 'nada', tags: [] })
    e.compact()
    e.add('c', { kind: 'note', caseId: 'c', id: 'n3', title: 'Embajadas vecinas', body: '', tags: [] })
    const ids = (q: string) =>
      Array.from(e.search([fold(q)], undefined, 10).top.ords)
        .map((o) => e.text(o).id)
        .sort()
    expect(ids('protsta')).toEqual(['n1'])
    expect(ids('rpotesta')).toEqual(['n1'])
    // Two letters off in a long word (8 letters or more) still find it; in a short one, not.
    expect(ids('embajdaa')).toEqual(['n1', 'n3'])
    expect(ids('embajadaz')).toEqual(['n1', 'n3'])
    expect(ids('nzdz')).toEqual([])
    // Typed as it is in the index: taken as meant, no typo expansions.
    expect(ids('otra')).toEqual(['n2'])
  })

  it('takes date bounds as inclusive, a bare date as its whole day (UTC)', () => {
    const e = new SearchEngine()
    const at = (id: string, date?: string) =>
      e.add(id, { kind: 'event', caseId: 'c', id, title: 'Llegada', body: '', tags: [], date })
    at('noon', '2026-01-15T12:00:00.000Z')
    at('late', '2026-01-15T23:59:59.999Z')
    at('next', '2026-01-16T00:00:00.000Z')
    at('undated')
    const ids = (f: SearchFilters) =>
      Array.from(e.search([], f, 10).top.ords)
        .map((o) => e.text(o).id)
        .sort()
    expect(ids({ from: '2026-01-15T12:00:00.000Z', to: '2026-01-15T12:00:00.000Z' })).toEqual(['noon'])
    expect(ids({ to: '2026-01-15' })).toEqual(['late', 'noon'])
    expect(ids({ from: '2026-01-16' })).toEqual(['next'])
    expect(ids({ from: '2026-01-15' })).toEqual(['late', 'next', 'noon'])
  })

  it('keeps which cases link a statute as their links change', () => {
    const e = new SearchEngine()
    e.setCaseMeta('case_a', 'A-1', 'First', ['s1', 's2'])
    e.setCaseMeta('case_b', 'B-1', 'Second', ['s2'])
    expect(Object.fromEntries(e.statuteCases)).toEqual({ s1: ['case_a'], s2: ['case_a', 'case_b'] })
    e.setCaseMeta('case_a', 'A-1', 'First, renamed', ['s2'])
    e.setCaseMeta('case_a', 'A-1', 'First, renamed', ['s2'])
    expect(Object.fromEntries(e.statuteCases)).toEqual({ s1: [], s2: ['case_a', 'case_b'] })
    expect(e.caseMeta[e.caseOrd('case_a')]).toEqual({ reference: 'A-1', title: 'First, renamed' })
  })

  it('asks for a compaction once removals leave enough garbage', () => {
    const e = new SearchEngine()
    for (let i = 0; i < 2_400; i++)
      e.add(`f${i}`, { kind: 'note', caseId: 'c', id: `n${i}`, title: `word${i % 50}`, body: '', tags: [] })
    e.compact()
    expect(e.needsCompaction).toBe(false)
    // Dead documents over 1,000 plus a quarter of the live ones.
    for (let i = 0; i < 1_100; i++) e.removeSource(`f${i}`)
    expect(e.size).toBe(1_300)
    expect(e.needsCompaction).toBe(false)
    for (let i = 1_100; i < 1_400; i++) e.removeSource(`f${i}`)
    expect(e.needsCompaction).toBe(true)
    e.compact()
    expect(e.needsCompaction).toBe(false)
    expect(e.size).toBe(1_000)
    expect(e.kinds).toHaveLength(1_000)
  })
})

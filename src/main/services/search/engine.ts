/**
 * The in-memory full-text index: an inverted index of folded terms to posting
 * lists of document ordinals, with documents held as columns (not one object
 * each) so 600,000 of them fit the main process's memory budget. Prefix search
 * walks a sorted term list; typo tolerance is a bounded edit-distance scan of
 * the vocabulary that only runs when exact and prefix matching found too little.
 * Ranking and counting the matches is query.ts's job.
 */
import { EVIDENCE_KINDS, VERIFICATION_STATUSES } from '@shared/domain'
import { SEARCH_KINDS, type SearchFilters, type SearchKind } from '@shared/domain'
import { DocStore, type DocTexts } from './docstore'
import { DEAD, evaluate, Scratch, type Accept, type Ranked } from './query'
import { boundedDistance, fold, foldedTerms, letterMask, nearFilter, popcount } from './text'

export interface IndexDoc {
  kind: SearchKind
  caseId: string
  id: string
  evidenceId?: string
  title: string
  body: string
  tags: string[]
  evidenceKind?: string
  verification?: string
  /** ISO instant the date filter uses. */
  date?: string
}

const NONE = 255
const EMPTY: string[] = []
const PREFIX_CAP = 200
const FEW_HITS = 10
const W_EXACT = 1
const W_PREFIX = 0.6
const W_FUZZY = 0.35

const code = (list: readonly string[], v: string | undefined) => (v === undefined ? NONE : Math.max(0, list.indexOf(v)))

function lowerBound(sorted: string[], key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

export interface Expansion {
  term: number
  weight: number
}

export class SearchEngine {
  // Document columns, indexed by ordinal.
  kinds: number[] = []
  caseOrds: number[] = []
  evidenceIds: (string | null)[] = []
  tags: string[][] = []
  evidenceKinds: number[] = []
  verifications: number[] = []
  dates: number[] = []
  dead = 0

  // Cases (interned) and what results show of them.
  caseIds: string[] = []
  caseIndex = new Map<string, number>()
  caseMeta: { reference: string; title: string }[] = []
  /** statute id -> ids of cases linking it, so a library hit can open in a case. */
  statuteCases = new Map<string, string[]>()

  /** Source (a file) -> ordinals of the documents read from it. */
  sources = new Map<string, number[]>()
  /** "<caseId>/<evidenceId>" -> ordinal of that evidence item, for annotation filters. */
  evidenceOrd = new Map<string, number>()

  // Inverted index. A posting is ordinal * 2 + 1 when the term is in the title.
  termIds = new Map<string, number>()
  terms: string[] = []
  base: (Uint32Array | undefined)[] = []
  tail: (number[] | undefined)[] = []
  sorted: string[] = []
  unsorted: string[] = []
  private tailSize = 0
  /** Generation of the postings file this index was last saved to (0: never). */
  postingsGen = 0

  private scratch = new Scratch()
  /** One string per distinct evidence id and tag list, however many documents repeat it. */
  private interned = new Map<string, string>()
  private internedTags = new Map<string, string[]>()

  constructor(readonly texts: DocStore = new DocStore(null)) {}

  private intern(s: string): string {
    const have = this.interned.get(s)
    if (have !== undefined) return have
    this.interned.set(s, s)
    return s
  }

  private internTags(tags: string[]): string[] {
    if (!tags.length) return EMPTY
    const key = tags.join('\u0001')
    const have = this.internedTags.get(key)
    if (have) return have
    const list = tags.map((t) => this.intern(t))
    this.internedTags.set(key, list)
    return list
  }

  /** Stored texts of a document, read from the doc store. */
  text(ord: number): DocTexts {
    return this.texts.get(ord)
  }

  get size(): number {
    return this.kinds.length - this.dead
  }

  caseOrd(caseId: string): number {
    let o = this.caseIndex.get(caseId)
    if (o === undefined) {
      o = this.caseIds.length
      this.caseIds.push(caseId)
      this.caseMeta.push({ reference: '', title: '' })
      this.caseIndex.set(caseId, o)
    }
    return o
  }

  setCaseMeta(caseId: string, reference: string, title: string, statuteIds: string[]): void {
    this.caseMeta[this.caseOrd(caseId)] = { reference, title }
    for (const [sid, list] of this.statuteCases) {
      const i = list.indexOf(caseId)
      if (i >= 0 && !statuteIds.includes(sid)) list.splice(i, 1)
    }
    for (const sid of statuteIds) {
      const list = this.statuteCases.get(sid) ?? []
      if (!list.includes(caseId)) list.push(caseId)
      this.statuteCases.set(sid, list)
    }
  }

  private termId(t: string): number {
    let id = this.termIds.get(t)
    if (id === undefined) {
      id = this.terms.length
      this.terms.push(t)
      this.termIds.set(t, id)
      this.base.push(undefined)
      this.tail.push(undefined)
      this.unsorted.push(t)
    }
    return id
  }

  add(source: string, doc: IndexDoc): number {
    const ord = this.kinds.length
    this.kinds.push(SEARCH_KINDS.indexOf(doc.kind))
    this.caseOrds.push(this.caseOrd(doc.caseId))
    this.evidenceIds.push(doc.evidenceId ? this.intern(doc.evidenceId) : null)
    this.tags.push(this.internTags(doc.tags))
    const titleFolded = fold(doc.title)
    const bodyFolded = fold(doc.body)
    this.texts.put(ord, { title: doc.title, body: doc.body, id: doc.id, titleFolded, bodyFolded })
    this.evidenceKinds.push(code(EVIDENCE_KINDS, doc.evidenceKind))
    this.verifications.push(code(VERIFICATION_STATUSES, doc.verification))
    this.dates.push(doc.date ? Date.parse(doc.date) : NaN)
    const list = this.sources.get(source)
    if (list) list.push(ord)
    else this.sources.set(source, [ord])
    if (doc.kind === 'evidence') this.evidenceOrd.set(`${doc.caseId}/${doc.id}`, ord)

    const inTitle = foldedTerms(titleFolded)
    const rest = foldedTerms(doc.tags.length ? `${bodyFolded}\n${fold(doc.tags.join(' '))}` : bodyFolded)
    for (const t of inTitle) this.post(t, ord * 2 + 1)
    for (const t of rest) if (!inTitle.has(t)) this.post(t, ord * 2)
    return ord
  }

  private post(t: string, posting: number): void {
    const id = this.termId(t)
    const list = this.tail[id]
    if (list) list.push(posting)
    else this.tail[id] = [posting]
    this.tailSize++
  }

  /** Drops every document read from `source`; their postings go at the next compaction. */
  removeSource(source: string): void {
    const ords = this.sources.get(source)
    if (!ords) return
    for (const ord of ords) {
      if (this.kinds[ord] === DEAD) continue
      if (this.kinds[ord] === SEARCH_KINDS.indexOf('evidence')) {
        const key = `${this.caseIds[this.caseOrds[ord]]}/${this.texts.get(ord).id}`
        if (this.evidenceOrd.get(key) === ord) this.evidenceOrd.delete(key)
      }
      this.kinds[ord] = DEAD
      this.texts.drop(ord)
      this.tags[ord] = EMPTY
      this.dead++
    }
    this.sources.delete(source)
  }

  /** Worth a compaction once edits have left enough garbage or unsorted postings. */
  get needsCompaction(): boolean {
    return this.dead > 1_000 + this.size / 4 || this.tailSize > 200_000 + this.size || this.unsorted.length > 50_000
  }

  /**
   * Renumbers live documents densely, folds the tails into typed arrays and
   * re-sorts the vocabulary. Cost is linear in the index; run it after a build
   * or when `needsCompaction` says edits have piled up.
   */
  compact(): void {
    const n = this.kinds.length
    const remap = new Int32Array(n)
    let next = 0
    for (let i = 0; i < n; i++) remap[i] = this.kinds[i] === DEAD ? -1 : next++
    this.texts.renumber(remap, next, this.texts.wasteful)
    if (this.dead) {
      const pick = <T>(col: T[]) => col.filter((_, i) => remap[i] >= 0)
      this.kinds = pick(this.kinds)
      this.caseOrds = pick(this.caseOrds)
      this.evidenceIds = pick(this.evidenceIds)
      this.tags = pick(this.tags)
      this.evidenceKinds = pick(this.evidenceKinds)
      this.verifications = pick(this.verifications)
      this.dates = pick(this.dates)
      for (const [src, ords] of this.sources)
        this.sources.set(
          src,
          ords.map((o) => remap[o]).filter((o) => o >= 0),
        )
      for (const [key, o] of this.evidenceOrd) this.evidenceOrd.set(key, remap[o])
    }
    const keptTerms: string[] = []
    const keptBase: Uint32Array[] = []
    for (let t = 0; t < this.terms.length; t++) {
      const b = this.base[t]
      const tl = this.tail[t]
      const len = (b?.length ?? 0) + (tl?.length ?? 0)
      const out = new Uint32Array(len)
      let k = 0
      const take = (p: number) => {
        const o = remap[p >>> 1]
        if (o >= 0) out[k++] = o * 2 + (p & 1)
      }
      if (b) for (let i = 0; i < b.length; i++) take(b[i])
      if (tl) for (let i = 0; i < tl.length; i++) take(tl[i])
      if (k === 0) continue
      keptTerms.push(this.terms[t])
      keptBase.push(k === len ? out : out.slice(0, k))
    }
    this.terms = keptTerms
    this.base = keptBase
    this.tail = new Array(keptTerms.length)
    this.termIds = new Map(keptTerms.map((t, i) => [t, i]))
    this.sorted = [...keptTerms].sort()
    this.unsorted = []
    this.tailSize = 0
    this.dead = 0
  }

  private shape: { of: string[]; masks: Int32Array; lengths: Uint16Array } | null = null

  /** Letter sets and lengths of the sorted vocabulary, for the typo scan; rebuilt after a compaction re-sorts it. */
  private vocabularyShape(): { masks: Int32Array; lengths: Uint16Array } {
    if (this.shape?.of !== this.sorted) {
      const masks = new Int32Array(this.sorted.length)
      const lengths = new Uint16Array(this.sorted.length)
      this.sorted.forEach((t, i) => {
        masks[i] = letterMask(t)
        lengths[i] = Math.min(t.length, 0xffff)
      })
      this.shape = { of: this.sorted, masks, lengths }
    }
    return this.shape
  }

  /** Exact and prefix expansions of one query token. */
  expand(token: string, fuzzy: boolean): Expansion[] {
    const out: Expansion[] = []
    const exact = this.termIds.get(token)
    if (exact !== undefined) out.push({ term: exact, weight: W_EXACT })
    let added = 0
    for (let i = lowerBound(this.sorted, token); i < this.sorted.length && added < PREFIX_CAP; i++) {
      const t = this.sorted[i]
      if (!t.startsWith(token)) break
      const id = this.termIds.get(t)
      if (t !== token && id !== undefined) {
        out.push({ term: id, weight: W_PREFIX })
        added++
      }
    }
    for (const t of this.unsorted) {
      if (added >= PREFIX_CAP) break
      if (t !== token && t.startsWith(token)) {
        out.push({ term: this.termIds.get(t)!, weight: W_PREFIX })
        added++
      }
    }
    if (fuzzy && token.length >= 4) {
      const max = token.length >= 8 ? 2 : 1
      const have = new Set(out.map((e) => e.term))
      const near = nearFilter(token, max)
      const consider = (t: string) => {
        if (Math.abs(t.length - token.length) > max || !near(t) || boundedDistance(token, t, max) > max) return
        const id = this.termIds.get(t)!
        if (have.has(id)) return
        have.add(id)
        out.push({ term: id, weight: W_FUZZY })
      }
      // Like most typo-tolerant engines, trust the first letter: candidates start with the
      // query's first letter, or its second (a dropped or swapped first letter). Letter sets
      // reject most of them with two popcounts before any string is touched.
      const { masks, lengths } = this.vocabularyShape()
      const want = letterMask(token)
      for (const first of new Set([token[0], token[1]])) {
        const end = lowerBound(this.sorted, String.fromCharCode(first.charCodeAt(0) + 1))
        for (let i = lowerBound(this.sorted, first); i < end; i++) {
          if (Math.abs(lengths[i] - token.length) > max) continue
          const m = masks[i]
          if (popcount(m & ~want) > max || popcount(want & ~m) > max) continue
          consider(this.sorted[i])
        }
      }
      for (const t of this.unsorted) if (t[0] === token[0] || t[0] === token[1]) consider(t)
    }
    return out
  }

  /**
   * The `limit` best documents matching every token (AND) that pass the filters, and
   * the exact number that match. Typo expansions join only when the plain pass found few.
   */
  search(
    tokens: string[],
    filters: SearchFilters | undefined,
    limit: number,
  ): { top: Ranked; expansions: Expansion[][] } {
    this.scratch.ensure(this.kinds.length, limit)
    const accept = this.filter(filters)
    // No dead documents and no filter: list lengths are exact counts, and scans may stop early.
    const plain = this.dead === 0 && accept === null
    if (!tokens.length) return { top: this.listAll(accept, limit), expansions: [] }
    let expansions = tokens.map((t) => this.expand(t, false))
    let top = evaluate(this, expansions, accept, plain, limit, this.scratch)
    // A word that is in the vocabulary as typed is taken as spelled right: only the others get typo expansions.
    if (top.total < FEW_HITS && tokens.some((t) => !this.termIds.has(t))) {
      const fuzzy = tokens.map((t, i) => (this.termIds.has(t) ? expansions[i] : this.expand(t, true)))
      if (fuzzy.some((e, i) => e.length > expansions[i].length)) {
        expansions = fuzzy
        top = evaluate(this, expansions, accept, plain, limit, this.scratch)
      }
    }
    return { top, expansions }
  }

  /** Filters alone (no words): what they select, in ordinal order. */
  private listAll(accept: Accept, limit: number): Ranked {
    const ords: number[] = []
    let total = 0
    if (accept) {
      for (let ord = 0; ord < this.kinds.length; ord++) {
        if (this.kinds[ord] === DEAD || !accept(ord)) continue
        if (total++ < limit) ords.push(ord)
      }
    }
    return { ords: Int32Array.from(ords), scores: new Float32Array(ords.length), count: ords.length, total }
  }

  /** null when nothing is filtered, so the hot loop skips the call. */
  private filter(f: SearchFilters | undefined): Accept {
    if (!f) return null
    const checks: ((ord: number) => boolean)[] = []
    if (f.caseId !== undefined) {
      const c = this.caseIndex.get(f.caseId) ?? -1
      checks.push((o) => this.caseOrds[o] === c)
    }
    if (f.kinds?.length) {
      const set = new Set(f.kinds.map((k) => SEARCH_KINDS.indexOf(k)))
      checks.push((o) => set.has(this.kinds[o]))
    }
    const evKind = SEARCH_KINDS.indexOf('evidence')
    const annKind = SEARCH_KINDS.indexOf('annotation')
    // Annotations answer to the kind and status of the evidence item they are on.
    const evidenceOf = (o: number): number => {
      if (this.kinds[o] === evKind) return o
      if (this.kinds[o] !== annKind) return -1
      return this.evidenceOrd.get(`${this.caseIds[this.caseOrds[o]]}/${this.evidenceIds[o]}`) ?? -1
    }
    if (f.evidenceKinds?.length) {
      const set = new Set(f.evidenceKinds.map((k) => EVIDENCE_KINDS.indexOf(k)))
      checks.push((o) => {
        const e = evidenceOf(o)
        return e >= 0 && set.has(this.evidenceKinds[e])
      })
    }
    if (f.verification?.length) {
      const set = new Set(f.verification.map((k) => VERIFICATION_STATUSES.indexOf(k)))
      checks.push((o) => {
        const e = evidenceOf(o)
        return e >= 0 && set.has(this.verifications[e])
      })
    }
    if (f.tag) {
      const tag = fold(f.tag)
      checks.push((o) => this.tags[o].some((t) => fold(t) === tag))
    }
    if (f.from || f.to) {
      const from = f.from ? Date.parse(f.from.length === 10 ? `${f.from}T00:00:00Z` : f.from) : -Infinity
      const to = f.to ? Date.parse(f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to) : Infinity
      checks.push((o) => this.dates[o] >= from && this.dates[o] <= to)
    }
    if (!checks.length) return null
    return (o) => checks.every((c) => c(o))
  }

  kindOf(ord: number): SearchKind {
    return SEARCH_KINDS[this.kinds[ord]]
  }
}

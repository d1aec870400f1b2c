/**
 * Owns one engine over one workspace: loads the persisted index, refreshes the
 * sources whose fingerprints changed, answers queries, and saves the index back.
 * It runs inside the search worker (or, as a fallback, in the main process); every
 * long loop yields so neither event loop blocks for more than a few ms.
 */
import { performance } from 'node:perf_hooks'
import { dirname, join } from 'node:path'
import { SearchQuery, type SearchResponse, type SearchStatus } from '@shared/domain'
import { layout } from '@main/storage/layout'
import { caseDir } from '../cases/caseFiles'
import { SearchEngine } from './engine'
import { DamagedRecord, DocStore } from './docstore'
import { discardIndex, loadIndex, saveIndex } from './persist'
import { toHits } from './results'
import { groupByDir, listCaseIds, readSource, scanCases, scanStatutes, type Scanned } from './sources'
import { fold } from './text'

const QUERY_TOKEN = /[\p{L}\p{N}]+/gu
const SLICE_MS = 8

export interface IndexerOptions {
  /** Write the index to cache/ after changes (off for read-only media). */
  persist?: boolean
  /** How long after the last change to save the index. */
  persistDelayMs?: number
  onStatus?: (s: SearchStatus) => void
}

export class Indexer {
  engine: SearchEngine
  private fingerprints = new Map<string, number>()
  private chain: Promise<unknown> = Promise.resolve()
  private saveTimer: NodeJS.Timeout | null = null
  private dirty = false
  private lastYield = performance.now()
  readonly indexPath: string
  status: SearchStatus = { state: 'idle', done: 0, total: 0, documents: 0, loadedFromCache: false, reread: 0 }

  constructor(
    readonly root: string,
    private readonly options: IndexerOptions = {},
  ) {
    this.indexPath = join(root, layout.cacheDir, 'search-index.json')
    this.engine = this.freshEngine()
  }

  private freshEngine(): SearchEngine {
    return new SearchEngine(new DocStore(this.options.persist === false ? null : dirname(this.indexPath)))
  }

  /** Runs operations one at a time, so a query sees every refresh queued before it. */
  private run<T>(op: () => Promise<T>): Promise<T> {
    const p = this.chain.then(op, op)
    this.chain = p.catch(() => undefined)
    return p
  }

  private setStatus(patch: Partial<SearchStatus>): void {
    this.status = { ...this.status, ...patch, documents: this.engine.size }
    this.options.onStatus?.(this.status)
  }

  private async maybeYield(): Promise<void> {
    if (performance.now() - this.lastYield < SLICE_MS) return
    await new Promise((r) => setImmediate(r))
    this.lastYield = performance.now()
  }

  /** Loads the persisted index if there is one, then brings it up to date with the files. */
  open(): Promise<void> {
    return this.run(async () => {
      this.setStatus({ state: 'loading' })
      const loaded = await loadIndex(this.indexPath)
      if (loaded) {
        this.engine.texts.close()
        this.engine = loaded.engine
        this.fingerprints = loaded.fingerprints
      } else if (this.options.persist !== false) {
        await discardIndex(this.indexPath).catch(() => undefined)
      }
      this.setStatus({ loadedFromCache: !!loaded })
      await this.refresh(await this.scan(await listCaseIds(this.root), true), true)
    })
  }

  private async scan(caseIds: string[], statutes: boolean): Promise<Scanned[]> {
    const known = { fps: this.fingerprints, byDir: groupByDir(this.fingerprints.keys()) }
    const out = await scanCases(this.root, caseIds, known, () => this.maybeYield())
    if (statutes) out.unshift(scanStatutes(this.root))
    return out
  }

  /** Re-reads what changed in these cases (and the statute library when asked). */
  refreshCases(caseIds: string[], statutes: boolean): Promise<void> {
    return this.run(async () => {
      const prefixes = caseIds.map((id) => caseDir(id) + '/')
      await this.refresh(await this.scan(caseIds, statutes), false, (key) => prefixes.some((p) => key.startsWith(p)))
    })
  }

  refreshAll(): Promise<void> {
    return this.run(async () => this.refresh(await this.scan(await listCaseIds(this.root), true), true))
  }

  /**
   * Re-reads sources whose fingerprint changed. Sources known before but no
   * longer listed are dropped when they fall in the refreshed scope.
   */
  private async refresh(scanned: Scanned[], whole: boolean, inScope?: (key: string) => boolean): Promise<void> {
    const started = performance.now()
    this.setStatus({ state: 'indexing', done: 0, total: scanned.length })
    const listed = new Set(scanned.map((r) => r.ref.key))
    for (const key of [...this.fingerprints.keys()]) {
      if (listed.has(key) || !(whole || inScope?.(key))) continue
      this.engine.removeSource(key)
      this.fingerprints.delete(key)
      this.dirty = true
    }
    const changed = scanned.filter(({ ref, fp }) => fp !== (this.fingerprints.get(ref.key) ?? null))
    let done = scanned.length - changed.length
    this.setStatus({ done, reread: changed.filter((c) => c.ref.type !== 'folder').length })
    // Read ahead in small batches; index one file at a time between yields.
    for (let i = 0; i < changed.length; i += 32) {
      const batch = changed.slice(i, i + 32)
      const contents = await Promise.all(batch.map((c) => readSource(this.root, c.ref)))
      for (let k = 0; k < batch.length; k++) {
        const { ref, fp } = batch[k]
        const content = contents[k]
        this.engine.removeSource(ref.key)
        if (content.caseMeta) {
          const m = content.caseMeta
          this.engine.setCaseMeta(m.caseId, m.reference, m.title, m.statuteIds)
        }
        for (const doc of content.docs) {
          this.engine.add(ref.key, doc)
          await this.maybeYield()
        }
        if (fp) this.fingerprints.set(ref.key, fp)
        else this.fingerprints.delete(ref.key)
        this.dirty = true
        done++
      }
      this.setStatus({ done })
      await this.maybeYield()
    }
    if ((whole && this.dirty) || this.engine.needsCompaction) this.engine.compact()
    this.setStatus({
      state: 'ready',
      done: scanned.length,
      message: `indexed in ${Math.round(performance.now() - started)} ms`,
    })
    if (this.dirty) this.scheduleSave(whole ? 0 : undefined)
  }

  query(input: SearchQuery): Promise<SearchResponse> {
    return this.run(async () => {
      try {
        return this.queryNow(input)
      } catch (e) {
        if (!(e instanceof DamagedRecord)) throw e
        // The cache under cache/ was damaged after it loaded: rebuild it from the workspace files, then answer.
        this.engine.texts.close()
        this.engine = this.freshEngine()
        this.fingerprints = new Map()
        await this.refresh(await this.scan(await listCaseIds(this.root), true), true)
        return this.queryNow(input)
      }
    })
  }

  /** Answers from the index as it is now, without waiting for queued refreshes. */
  queryNow(input: SearchQuery): SearchResponse {
    const started = performance.now()
    const q = SearchQuery.parse(input)
    const tokens = [...new Set(fold(q.query).match(QUERY_TOKEN) ?? [])].slice(0, 12)
    const { top, expansions } = this.engine.search(tokens, q.filters, q.limit)
    return {
      hits: toHits(this.engine, top, expansions),
      total: top.total,
      tookMs: Math.round((performance.now() - started) * 1000) / 1000,
    }
  }

  private scheduleSave(delay = this.options.persistDelayMs ?? 3_000): void {
    if (this.options.persist === false) return
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      void this.save().catch(() => undefined)
    }, delay)
    this.saveTimer.unref?.()
  }

  /** Writes the index now if it changed since the last save. */
  save(): Promise<void> {
    return this.run(async () => {
      if (!this.dirty || this.options.persist === false) return
      this.dirty = false
      try {
        await saveIndex(this.indexPath, this.engine, this.fingerprints)
      } catch (e) {
        // The cache is an optimisation; failing to write it must not fail the app.
        this.dirty = true
        this.setStatus({ message: `could not save the search index: ${(e as Error).message}` })
      }
    })
  }

  async close(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    await this.save()
    await this.run(async () => this.engine.texts.close())
  }
}

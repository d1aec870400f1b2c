/**
 * Full-text search over a workspace. The index starts on first use (so CLI
 * commands that never search pay nothing), follows the ChangeBus, and lives in
 * a worker thread. Changes made while it was not running are caught on the
 * next start by the persisted fingerprints.
 */
import type { SearchQuery, SearchResponse, SearchStatus } from '@shared/domain'
import type { Change } from '../changes'
import type { ServiceContext } from '../context'
import { createHost, type SearchHost } from './host'

export interface SearchServiceOptions {
  /** 'auto' (default): the worker when its entry is found, else in-process. */
  mode?: 'worker' | 'inline' | 'auto'
  /** Batch changes arriving within this window into one refresh. */
  debounceMs?: number
}

export function createSearchService(ctx: ServiceContext, options: SearchServiceOptions = {}) {
  let host: SearchHost | null = null
  let opening: Promise<void> | null = null
  const dirtyCases = new Set<string>()
  let dirtyStatutes = false
  let timer: NodeJS.Timeout | null = null
  let closed = false

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    if (!host || (!dirtyCases.size && !dirtyStatutes)) return Promise.resolve()
    const ids = [...dirtyCases]
    const statutes = dirtyStatutes
    dirtyCases.clear()
    dirtyStatutes = false
    return host.refreshCases(ids, statutes)
  }

  const unsubscribe = ctx.changes.on((c: Change) => {
    if (!host) return
    if (c.caseId) dirtyCases.add(c.caseId)
    if (!c.caseId || c.kind === 'statute') dirtyStatutes = true
    if (!timer) {
      timer = setTimeout(() => void flush().catch(() => undefined), options.debounceMs ?? 50)
      timer.unref?.()
    }
  })

  /** Starts loading (or building) the index; resolves once it is current. */
  function start(): Promise<void> {
    if (closed) return Promise.reject(new Error('the search service is closed'))
    if (!opening) {
      // A read-only opener still keeps the cache: it is derived data, replaced atomically.
      host = createHost(ctx.store.root, { mode: options.mode, persist: true })
      opening = host.open()
    }
    return opening
  }

  return {
    start,

    /** Answers after every change emitted so far is in the index. */
    async query(q: SearchQuery): Promise<SearchResponse> {
      await start()
      await flush()
      return host!.query(q)
    },

    /** Progress for the UI; asking also starts the index. */
    status(): SearchStatus {
      if (!closed) void start().catch(() => undefined)
      return host?.status() ?? { state: 'idle', done: 0, total: 0, documents: 0, loadedFromCache: false, reread: 0 }
    },

    get mode(): 'worker' | 'inline' | null {
      return host?.mode ?? null
    },

    /** Re-checks every file (after an outside change such as a bundle import). */
    async refreshAll(): Promise<void> {
      await start()
      await host!.refreshAll()
    },

    /** Writes the index to cache/ now. */
    async save(): Promise<void> {
      if (!host) return
      await opening?.catch(() => undefined)
      await flush()
      await host.save()
    },

    async close(): Promise<void> {
      if (closed) return
      closed = true
      unsubscribe()
      if (!host) return
      await opening?.catch(() => undefined)
      await flush().catch(() => undefined)
      await host.close()
    },
  }
}
export type SearchService = ReturnType<typeof createSearchService>

/**
 * Where the index lives: a worker thread when its entry file can be found
 * (from sources through tsx, or `searchWorker.js` beside the bundled main), else
 * in this process with every long loop sliced by setImmediate.
 */
import { appError } from '@shared/i18n/appError'
import { Worker } from 'node:worker_threads'
import type { SearchQuery, SearchResponse, SearchStatus } from '@shared/domain'
import { AppError, type ErrorCode } from '@shared/ipc/result'
import { keyOf } from '@main/storage/crypto/vault'
import { workerEntry, type WorkerEntry } from '@main/workers/entry'
import { Indexer } from './indexer'
import { type PackedResponse, unpackResponse } from './wire'

export type WorkerRequest =
  | { id: number; op: 'open' | 'refreshAll' | 'save' | 'close' }
  | { id: number; op: 'refreshCases'; caseIds: string[]; statutes: boolean }
  | { id: number; op: 'query'; query: SearchQuery }

/** A request without its id (Omit spread over each member of the union). */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never

export type WorkerReply =
  | { type: 'status'; status: SearchStatus }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { code: ErrorCode; message: string } }

export interface SearchHost {
  readonly mode: 'worker' | 'inline'
  open(): Promise<void>
  refreshCases(caseIds: string[], statutes: boolean): Promise<void>
  refreshAll(): Promise<void>
  query(q: SearchQuery): Promise<SearchResponse>
  status(): SearchStatus
  save(): Promise<void>
  close(): Promise<void>
}

const SPIN_MS = 2

const IDLE: SearchStatus = { state: 'idle', done: 0, total: 0, documents: 0, loadedFromCache: false, reread: 0 }

export class InlineHost implements SearchHost {
  readonly mode = 'inline'
  private readonly indexer: Indexer
  constructor(root: string, persist: boolean) {
    this.indexer = new Indexer(root, { persist })
  }
  open = () => this.indexer.open()
  refreshCases = (ids: string[], statutes: boolean) => this.indexer.refreshCases(ids, statutes)
  refreshAll = () => this.indexer.refreshAll()
  query = (q: SearchQuery) => this.indexer.query(q)
  status = () => this.indexer.status
  save = () => this.indexer.save()
  close = () => this.indexer.close()
}

/** The worker's entry as this module is running: from sources, or bundled beside it. */
export const searchWorkerEntry = (): WorkerEntry | null => workerEntry(import.meta.url, './worker.ts', 'searchWorker')

export class WorkerHost implements SearchHost {
  readonly mode = 'worker'
  private worker: Worker
  private nextId = 1
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private current: SearchStatus = IDLE
  private exited: Error | null = null

  constructor(root: string, persist: boolean, entry: WorkerEntry) {
    // A worker thread has its own module state: an encrypted workspace's key goes with it (memory only),
    // so the index reads the sealed case files and writes its cache sealed.
    const key = keyOf(root)
    this.worker = new Worker(entry.file, {
      workerData: { root, persist, entry: entry.entry, key: key ? new Uint8Array(key) : null },
    })
    this.worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'status') {
        this.current = msg.status
        return
      }
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (!this.pending.size) this.worker.unref()
      if (msg.ok) p.resolve(msg.value)
      else p.reject(new AppError(msg.error.code, msg.error.message))
    })
    const fail = (e: Error) => {
      this.exited = e
      this.current = { ...this.current, state: 'error', message: e.message }
      for (const p of this.pending.values())
        p.reject(appError('INTERNAL', 'errStorage:searchWorkerStopped', { reason: e.message }))
      this.pending.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)))
    this.worker.unref()
  }

  private send<T>(msg: RequestBody): Promise<T> {
    if (this.exited)
      return Promise.reject(appError('INTERNAL', 'errStorage:searchWorkerStopped', { reason: this.exited.message }))
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      // Referenced only while a caller waits on it, so an idle index never keeps the process alive.
      this.worker.ref()
      this.worker.postMessage({ ...msg, id })
    })
  }

  open = () => this.send<void>({ op: 'open' })
  refreshCases = (caseIds: string[], statutes: boolean) => this.send<void>({ op: 'refreshCases', caseIds, statutes })
  refreshAll = () => this.send<void>({ op: 'refreshAll' })
  /**
   * A query's reply comes back within a millisecond or two. Until then the event loop
   * keeps turning (setImmediate) instead of this thread going to sleep: waking it
   * cost about 0.06 ms of a 0.5 ms query. After SPIN_MS it sleeps as usual; queries
   * come at typing pace, so the CPU this takes is a few milliseconds a second at most.
   */
  query = async (query: SearchQuery) => {
    const reply = this.send<PackedResponse>({ op: 'query', query })
    let waiting = true
    const done = () => void (waiting = false)
    reply.then(done, done)
    const until = performance.now() + SPIN_MS
    const spin = () => void (waiting && performance.now() < until && setImmediate(spin))
    setImmediate(spin)
    return unpackResponse(await reply)
  }
  status = () => this.current
  save = () => this.send<void>({ op: 'save' })

  async close(): Promise<void> {
    if (!this.exited) await this.send<void>({ op: 'close' }).catch(() => undefined)
    this.exited ??= new Error('closed')
    await this.worker.terminate()
  }
}

export function createHost(root: string, opts: { mode?: 'worker' | 'inline' | 'auto'; persist: boolean }): SearchHost {
  const entry = opts.mode === 'inline' ? null : searchWorkerEntry()
  if (opts.mode === 'worker' && !entry) throw appError('INTERNAL', 'errStorage:searchWorkerEntryFile')
  return entry ? new WorkerHost(root, opts.persist, entry) : new InlineHost(root, opts.persist)
}

/**
 * How a BlobWriter seals: a long import in a worker thread of its own
 * (sealWorker.ts), so hashing and sealing run side by side on two cores; a
 * small file here, where starting a thread would cost more than it saves.
 */
import { appError } from '@shared/i18n/appError'
import { Worker } from 'node:worker_threads'
import { workerEntry, type WorkerEntry } from '@main/workers/entry'
import { SegmentSealer } from './segments'

export type SealRequest = { op: 'push'; bytes: Uint8Array } | { op: 'end'; rel: string }
export type SealReply = { ok: true; sealed: Uint8Array; header?: Uint8Array } | { ok: false; message: string }

export interface BlobSealer {
  /**
   * The sealed segments the chunk completes. The chunk is sealed or copied before
   * this returns, so the caller may reuse its memory at once.
   */
  push(chunk: Uint8Array): Promise<Buffer>
  /** The last, shorter segment and the header for the blob's final path (`rel`, bound into it). */
  end(rel: string): Promise<{ tail: Buffer; header: Buffer }>
  /** Stops the thread, if there is one. Safe to call more than once. */
  close(): Promise<void>
}

/** From this size on an import is sealed in a thread: below it the thread's start-up is most of the gain. */
export const SEAL_IN_THREAD_FROM = 32 * 1024 * 1024

export const sealWorkerEntry = (): WorkerEntry | null => workerEntry(import.meta.url, './sealWorker.ts', 'sealWorker')

/**
 * The sealer for a new blob of about `expectedBytes` (unknown: sealed here). `inThread` decides instead, for
 * benchmarks: true, false, or a built sealWorker.js to run (from sources the worker otherwise starts through tsx).
 */
export function blobSealer(dataKey: Buffer, expectedBytes?: number, inThread?: boolean | URL): BlobSealer {
  if (inThread instanceof URL) return new ThreadSealer(dataKey, { file: inThread })
  const wanted = inThread ?? (expectedBytes !== undefined && expectedBytes >= SEAL_IN_THREAD_FROM)
  const entry = wanted ? sealWorkerEntry() : null
  return entry ? new ThreadSealer(dataKey, entry) : new InlineSealer(dataKey)
}

export class InlineSealer implements BlobSealer {
  private readonly sealer: SegmentSealer
  constructor(dataKey: Buffer) {
    this.sealer = new SegmentSealer(dataKey)
  }
  push = (chunk: Uint8Array) => Promise.resolve(this.sealer.push(chunk))
  end = (rel: string) => Promise.resolve({ tail: this.sealer.finish(), header: this.sealer.header(rel) })
  close = () => Promise.resolve()
}

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

export class ThreadSealer implements BlobSealer {
  private readonly worker: Worker
  /** Replies come in the order the requests went. */
  private readonly waiting: { resolve: (r: SealReply & { ok: true }) => void; reject: (e: Error) => void }[] = []
  private stopped: Error | null = null

  constructor(dataKey: Buffer, entry: WorkerEntry) {
    // The thread gets this blob's own key, derived here; the data key stays in this thread.
    const blobKey = new SegmentSealer(dataKey).blobKey()
    this.worker = new Worker(entry.file, { workerData: { entry: entry.entry, blobKey } })
    this.worker.on('message', (r: SealReply) => {
      const w = this.waiting.shift()
      if (r.ok) w?.resolve(r)
      else w?.reject(appError('INTERNAL', 'errStorage:sealWorkerStopped', { reason: r.message }))
    })
    const stop = (e: Error) => {
      this.stopped ??= appError('INTERNAL', 'errStorage:sealWorkerStopped', { reason: e.message })
      for (const w of this.waiting.splice(0)) w.reject(this.stopped)
    }
    this.worker.on('error', stop)
    this.worker.on('exit', (code) => stop(new Error(`exit code ${code}`)))
  }

  private ask(req: SealRequest, transfer: ArrayBuffer[] = []): Promise<SealReply & { ok: true }> {
    if (this.stopped) return Promise.reject(this.stopped)
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.worker.postMessage(req, transfer)
    })
  }

  push(chunk: Uint8Array): Promise<Buffer> {
    // A copy of its own, handed over: the caller reuses its buffer as soon as this returns.
    const bytes = new Uint8Array(chunk)
    return this.ask({ op: 'push', bytes }, [bytes.buffer]).then((r) => asBuffer(r.sealed))
  }

  async end(rel: string): Promise<{ tail: Buffer; header: Buffer }> {
    const r = await this.ask({ op: 'end', rel })
    return { tail: asBuffer(r.sealed), header: asBuffer(r.header!) }
  }

  async close(): Promise<void> {
    if (this.stopped) return
    this.stopped = appError('INTERNAL', 'errStorage:sealWorkerStopped', { reason: 'closed' })
    await this.worker.terminate()
  }
}

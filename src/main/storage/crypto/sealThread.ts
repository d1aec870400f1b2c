/**
 * How a BlobWriter seals: a long import in a worker thread of its own
 * (sealWorker.ts), so hashing and sealing run side by side on two cores; a
 * small file here, where starting a thread would cost more than it saves.
 *
 * Either way the segments are sealed in place in a few reused buffers, each
 * laid out as its segments lie on disk: the chunk's bytes are copied into one,
 * sealed there (here or in the thread, the buffer handed over and back), written
 * from there and given back for the next. Measured on a 512 MiB import, a
 * buffer allocated per chunk and per sealed output cost the thread more CPU time
 * (page faults, frees across threads) than the cipher itself.
 */
import { appError } from '@shared/i18n/appError'
import { Worker } from 'node:worker_threads'
import { workerEntry, type WorkerEntry } from '@main/workers/entry'
import {
  BLOB_HEADER_BYTES,
  type BlobKey,
  blobHeader,
  SEALED_SEGMENT,
  SEGMENT_BYTES,
  newBlobKey,
  sealInPlace,
} from './segments'

/** A batch of segments for the thread, in a buffer of BATCH_BYTES laid out as on disk. */
export type SealRequest = { first: number; plainBytes: number; buf: Uint8Array }
export type SealReply = { ok: true; buf: Uint8Array } | { ok: false; message: string }

/** Sealed bytes and where in the blob's file they go: batches are written as each is sealed, in any order. */
export interface SealedPiece {
  at: number
  bytes: Buffer
}

export interface BlobSealer {
  /**
   * The sealed bytes the chunk completes, as views of the sealer's buffers with their place in the file:
   * write them, then hand them back with recycle(). The chunk is copied before this returns: the caller may
   * reuse its memory at once.
   */
  push(chunk: Uint8Array): Promise<SealedPiece[]>
  /** Gives back the buffers of sealed bytes once they are written. */
  recycle(pieces: SealedPiece[]): void
  /** The last, shorter segments (none when the batches ended even) and the header for the blob's final path
   * (`rel`, bound into it; it goes at the file's start). */
  end(rel: string): Promise<{ tail: SealedPiece[]; header: Buffer }>
  /** Stops the thread, if there is one. Safe to call more than once. */
  close(): Promise<void>
}

/** From this size on an import is sealed in a thread: below it the thread's start-up is most of the gain. */
export const SEAL_IN_THREAD_FROM = 32 * 1024 * 1024

/** Segments per batch: four, the 256 KiB an import reads at a time. */
const BATCH_SEGMENTS = 4
const BATCH_PLAIN = BATCH_SEGMENTS * SEGMENT_BYTES
const BATCH_BYTES = BATCH_SEGMENTS * SEALED_SEGMENT

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

/** Cuts the stream into batches of segments in pooled buffers; a subclass seals each batch. */
abstract class PooledSealer implements BlobSealer {
  /** This blob's own key (HKDF of the data key and a fresh salt): the data key itself is never kept. */
  protected readonly blobKey: BlobKey
  private readonly pool: Buffer[] = []
  /** The batch being filled, its plain bytes so far, and the index of its first segment. */
  private batch: Buffer | null = null
  private filled = 0
  private first = 0
  private plain = 0

  constructor(dataKey: Buffer) {
    this.blobKey = newBlobKey(dataKey)
  }

  protected abstract seal(req: SealRequest): Promise<Buffer>
  /** Why no more bytes are taken (the thread stopped or was closed), if so. */
  protected stopped: Error | null = null

  push(chunk: Uint8Array): Promise<SealedPiece[]> {
    if (this.stopped) return Promise.reject(this.stopped)
    const done: Promise<SealedPiece>[] = []
    for (let off = 0; off < chunk.length;) {
      this.batch ??= this.pool.pop() ?? Buffer.allocUnsafe(BATCH_BYTES)
      const inSegment = this.filled % SEGMENT_BYTES
      const n = Math.min(SEGMENT_BYTES - inSegment, chunk.length - off)
      this.batch.set(chunk.subarray(off, off + n), Math.floor(this.filled / SEGMENT_BYTES) * SEALED_SEGMENT + inSegment)
      off += n
      this.filled += n
      if (this.filled === BATCH_PLAIN) done.push(this.dispatch())
    }
    this.plain += chunk.length
    return Promise.all(done)
  }

  /** Hands the current batch to be sealed; resolves to the sealed bytes (a view of the batch's buffer). */
  private dispatch(): Promise<SealedPiece> {
    const req = { first: this.first, plainBytes: this.filled, buf: this.batch! }
    const sealedBytes = this.filled + Math.ceil(this.filled / SEGMENT_BYTES) * (SEALED_SEGMENT - SEGMENT_BYTES)
    const at = BLOB_HEADER_BYTES + this.first * SEALED_SEGMENT
    this.first += Math.ceil(this.filled / SEGMENT_BYTES)
    this.batch = null
    this.filled = 0
    return this.seal(req).then((b) => ({ at, bytes: b.subarray(0, sealedBytes) }))
  }

  recycle(pieces: SealedPiece[]): void {
    for (const { bytes } of pieces)
      if (bytes.byteOffset === 0 && bytes.buffer.byteLength === BATCH_BYTES) this.pool.push(Buffer.from(bytes.buffer))
  }

  async end(rel: string): Promise<{ tail: SealedPiece[]; header: Buffer }> {
    const tail = this.filled > 0 ? [await this.dispatch()] : []
    return { tail, header: blobHeader(this.blobKey, this.plain, rel) }
  }

  abstract close(): Promise<void>
}

export class InlineSealer extends PooledSealer {
  protected seal({ first, plainBytes, buf }: SealRequest): Promise<Buffer> {
    sealInPlace(this.blobKey.key, first, buf, plainBytes)
    return Promise.resolve(buf as Buffer)
  }
  close = () => Promise.resolve()
}

/**
 * Seals `chunks` as the blob at `rel` on this thread, handing each sealed piece to `write` with its offset
 * in the file (the header, at 0, last): how the encrypt migration seals a stored file, the same code an
 * import seals with.
 */
export async function sealInto(
  dataKey: Buffer,
  rel: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  write: (bytes: Uint8Array, at: number) => Promise<void>,
): Promise<void> {
  const sealer = new InlineSealer(dataKey)
  for await (const chunk of chunks) {
    const pieces = await sealer.push(chunk)
    for (const p of pieces) await write(p.bytes, p.at)
    sealer.recycle(pieces)
  }
  const { tail, header } = await sealer.end(rel)
  for (const p of tail) await write(p.bytes, p.at)
  await write(header, 0)
}

export class ThreadSealer extends PooledSealer {
  private readonly worker: Worker
  /** Replies come in the order the requests went. */
  private readonly waiting: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = []

  constructor(dataKey: Buffer, entry: WorkerEntry) {
    super(dataKey)
    // The thread gets this blob's own key; the data key stays in this thread.
    this.worker = new Worker(entry.file, { workerData: { entry: entry.entry, blobKey: this.blobKey } })
    this.worker.on('message', (r: SealReply) => {
      const w = this.waiting.shift()
      if (r.ok) w?.resolve(Buffer.from(r.buf.buffer, r.buf.byteOffset, r.buf.byteLength))
      else w?.reject(appError('INTERNAL', 'errStorage:sealWorkerStopped', { reason: r.message }))
    })
    const stop = (e: Error) => {
      this.stopped ??= appError('INTERNAL', 'errStorage:sealWorkerStopped', { reason: e.message })
      for (const w of this.waiting.splice(0)) w.reject(this.stopped)
    }
    this.worker.on('error', stop)
    this.worker.on('exit', (code) => stop(new Error(`exit code ${code}`)))
  }

  protected seal(req: SealRequest): Promise<Buffer> {
    if (this.stopped) return Promise.reject(this.stopped)
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      // Handed over, not copied: the buffer comes back sealed with the reply.
      this.worker.postMessage(req, [req.buf.buffer as ArrayBuffer])
    })
  }

  async close(): Promise<void> {
    if (this.stopped) return
    this.stopped = appError('INTERNAL', 'errStorage:sealWorkerStopped', { reason: 'closed' })
    await this.worker.terminate()
  }
}

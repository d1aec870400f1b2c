import { appError } from '@shared/i18n/appError'
import { Low, type Adapter } from 'lowdb'
import type { FileWriteQueue } from './durableWrite'
import { stringifyStored } from './json'
import { decodeUtf8, readRegularFile } from './safeRead'

/** lowdb adapter over our durable, queued writer (lowdb's own never fsyncs). */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly queue: FileWriteQueue,
    private readonly pretty: boolean,
  ) {}

  /** The store reads and validates files itself (storedJson.ts); lowdb's read is kept as strict. */
  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await readRegularFile(this.path)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    const text = decodeUtf8(bytes)
    if (text === null) throw appError('CORRUPT', 'errStorage:validUtfText', { path: this.path })
    return JSON.parse(text) as T
  }

  write(data: T): Promise<void> {
    return this.queue.write(stringifyStored(data, this.pretty))
  }
}

/**
 * One stored JSON file held in memory. Mutations apply in place and are then
 * written; if the write fails, the in-memory state is reloaded from the intact
 * file on disk so memory never claims what the disk does not hold.
 */
export class StoredDocument<T> {
  constructor(
    readonly relPath: string,
    private readonly low: Low<T>,
    readonly readOnly: boolean,
    private readonly beforeWrite: () => Promise<void>,
    private readonly reload: () => Promise<T>,
    private readonly assertWritable: () => void,
    /** Told of each update under way, so closing the store can wait for its write (the backup comes first). */
    private readonly track: (update: Promise<unknown>) => void = () => undefined,
  ) {}

  /** Counts updates applied to memory, so a failed write can tell whether a later one carries its state. */
  private generation = 0
  private retired = false

  /** The file is being deleted: later updates are refused, and one already running never writes. */
  retire(): void {
    this.retired = true
  }

  get data(): T {
    return this.low.data
  }

  /** Applies `fn` to the data and writes it durably; returns what `fn` returns. */
  async update<R>(fn: (data: T) => R): Promise<R> {
    this.assertWritable()
    if (this.readOnly) throw new ReadOnlyDocumentError(this.relPath)
    if (this.retired) throw appError('NOT_FOUND', 'errStorage:hasBeenRemoved', { relPath: this.relPath })
    const result = fn(this.low.data)
    const written = this.write(++this.generation)
    this.track(written)
    await written
    return result
  }

  private async write(generation: number): Promise<void> {
    try {
      await this.beforeWrite()
      // Removed while the backup was taken: writing now would bring the file back.
      if (this.retired) throw appError('NOT_FOUND', 'errStorage:hasBeenRemoved', { relPath: this.relPath })
      await this.low.write()
    } catch (e) {
      // Reload only when no later update has changed memory since: a later update's write is
      // queued behind this one and carries the whole in-memory state, so reloading here would drop
      // that edit from memory while its write still lands on disk (and the next write would undo it).
      if (generation === this.generation) {
        const fresh = await this.reload().catch(() => undefined)
        if (fresh !== undefined && generation === this.generation) this.low.data = fresh
      }
      throw e
    }
  }
}

export class ReadOnlyDocumentError extends Error {
  constructor(readonly relPath: string) {
    super(`${relPath} was written by a newer version of Casefile and is open read-only`)
  }
}

export { Low }

/**
 * A collection of records too large for one file, kept as chunk files of at
 * most `chunkSize` records each, so saving one record rewrites one small file
 * instead of megabytes.
 *
 *   <dir>/<base>.json      chunk 0: the same file (and shape) a small collection always had
 *   <dir>/<base>.1.json    chunk 1, ...
 *
 * Every chunk is a whole, valid file of the collection's own schema (for
 * annotations: an AnnotationsFile), loaded through WorkspaceStore, so chunks get
 * the same validation, quarantine, migrations, backups and durable queued writes
 * as any document, and `casefile check` validates each of them. Each operation
 * touches exactly one chunk, so there is no manifest to keep in step and no
 * multi-file write that a crash could leave half done. A record never moves
 * between chunks; order is a view (`compare`), not a storage property.
 */
import { appError } from '@shared/i18n/appError'
import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import type { StoredDocument } from './document'
import type { FileKind } from './migrations'
import type { WorkspaceStore } from './store'

export const DEFAULT_CHUNK_SIZE = 500

type Versioned = { schemaVersion: number }

export interface ChunkedCollectionOptions<T extends { id: string }, S extends z.ZodType<Versioned>> {
  store: WorkspaceStore
  /** Folder relative to the workspace root. */
  dir: string
  /** Name shared by the chunk files; must not contain a dot. */
  base: string
  kind: FileKind
  schema: S
  /** The records array inside a chunk file (mutated in place). */
  items: (file: z.output<S>) => T[]
  /** A new, empty chunk file. */
  empty: () => z.input<S>
  chunkSize?: number
  /** Order of `all()`; insertion order when absent. */
  compare?: (a: T, b: T) => number
}

const CHUNK_NAME = /^(.+?)(?:\.(\d+))?\.json$/

/** Relative paths of the existing chunk files of `base` in `dir`, chunk 0 first. */
export async function listChunkFiles(
  store: WorkspaceStore,
  dir: string,
  base: string,
): Promise<{ n: number; rel: string }[]> {
  let names: string[]
  try {
    names = await readdir(store.resolve(dir))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const out: { n: number; rel: string }[] = []
  for (const name of names) {
    const m = CHUNK_NAME.exec(name)
    if (m && m[1] === base) out.push({ n: m[2] ? Number(m[2]) : 0, rel: join(dir, name) })
  }
  return out.sort((a, b) => a.n - b.n)
}

export const chunkFile = (dir: string, base: string, n: number) =>
  join(dir, n === 0 ? `${base}.json` : `${base}.${n}.json`)

export class ChunkedCollection<T extends { id: string }, S extends z.ZodType<Versioned> = z.ZodType<Versioned>> {
  private readonly chunks = new Map<number, StoredDocument<z.output<S>>>()
  /** record id -> chunk number */
  private readonly where = new Map<string, number>()
  private sortedView: T[] | null = null
  readonly chunkSize: number

  private constructor(private readonly o: ChunkedCollectionOptions<T, S>) {
    if (o.base.includes('.')) throw appError('VALIDATION', 'errStorage:chunkedCollectionNameCannot', { base: o.base })
    this.chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE
  }

  /** Loads every existing chunk. A collection with no file yet is empty and creates none until written. */
  static async open<T extends { id: string }, S extends z.ZodType<Versioned>>(
    options: ChunkedCollectionOptions<T, S>,
  ): Promise<ChunkedCollection<T, S>> {
    const c = new ChunkedCollection<T, S>(options)
    const files = await listChunkFiles(options.store, options.dir, options.base)
    const docs = await Promise.all(files.map((f) => options.store.document(f.rel, options.kind, options.schema)))
    files.forEach((f, i) => {
      c.chunks.set(f.n, docs[i] as StoredDocument<z.output<S>>)
      for (const item of options.items(docs[i].data)) c.where.set(item.id, f.n)
    })
    return c
  }

  get size(): number {
    return this.where.size
  }

  /** Chunk numbers in use, ascending. */
  chunkNumbers(): number[] {
    return [...this.chunks.keys()].sort((a, b) => a - b)
  }

  /** Relative path of the chunk holding `id`, if any. */
  chunkPathOf(id: string): string | undefined {
    const n = this.where.get(id)
    return n === undefined ? undefined : chunkFile(this.o.dir, this.o.base, n)
  }

  has(id: string): boolean {
    return this.where.has(id)
  }

  get(id: string): T | undefined {
    const n = this.where.get(id)
    if (n === undefined) return undefined
    return this.o.items(this.chunks.get(n)!.data).find((x) => x.id === id)
  }

  /** Every record, in `compare` order (computed once per change, not per call). */
  all(): readonly T[] {
    if (!this.sortedView) {
      const list: T[] = []
      for (const n of this.chunkNumbers()) list.push(...this.o.items(this.chunks.get(n)!.data))
      if (this.o.compare) list.sort(this.o.compare)
      this.sortedView = list
    }
    return this.sortedView
  }

  private async chunkForNew(): Promise<number> {
    const numbers = this.chunkNumbers()
    const last = numbers.at(-1)
    if (last !== undefined && this.o.items(this.chunks.get(last)!.data).length < this.chunkSize) return last
    const n = last === undefined ? 0 : last + 1
    const doc = await this.o.store.document(
      chunkFile(this.o.dir, this.o.base, n),
      this.o.kind,
      this.o.schema,
      this.o.empty,
    )
    this.chunks.set(n, doc as StoredDocument<z.output<S>>)
    return n
  }

  private async write(n: number, fn: (items: T[]) => void): Promise<void> {
    this.sortedView = null
    await this.chunks.get(n)!.update((file) => {
      const items = this.o.items(file)
      fn(items)
      if (this.o.compare) items.sort(this.o.compare)
    })
    this.sortedView = null
  }

  /** Adds a record to the newest chunk with room (a new chunk when it is full). */
  async add(item: T): Promise<T> {
    if (this.where.has(item.id)) throw appError('CONFLICT', 'errStorage:recordIdExists', { id: item.id })
    const n = await this.chunkForNew()
    this.where.set(item.id, n)
    try {
      await this.write(n, (items) => items.push(item))
    } catch (e) {
      this.where.delete(item.id)
      throw e
    }
    return item
  }

  /**
   * Adds many records, writing each chunk it fills once. Every id is checked before anything is
   * written: a clash (with a record held, or within the batch) refuses the whole batch.
   */
  async addMany(records: T[]): Promise<void> {
    const ids = new Set<string>()
    for (const r of records) {
      if (this.where.has(r.id) || ids.has(r.id)) throw appError('CONFLICT', 'errStorage:recordIdExists', { id: r.id })
      ids.add(r.id)
    }
    let i = 0
    while (i < records.length) {
      const n = await this.chunkForNew()
      const room = this.chunkSize - this.o.items(this.chunks.get(n)!.data).length
      const batch = records.slice(i, i + Math.max(1, room))
      for (const r of batch) this.where.set(r.id, n)
      try {
        await this.write(n, (items) => items.push(...batch))
      } catch (e) {
        // As add does: a record whose write failed is not held (memory was put back to the disk).
        for (const r of batch) this.where.delete(r.id)
        throw e
      }
      i += batch.length
    }
  }

  /** Replaces the record with `id` by what `fn` returns; rewrites only its chunk. */
  async update(id: string, fn: (current: T) => T): Promise<T> {
    const n = this.where.get(id)
    if (n === undefined) throw appError('NOT_FOUND', 'errStorage:noRecordId', { id })
    let next!: T
    await this.write(n, (items) => {
      const i = items.findIndex((x) => x.id === id)
      next = fn(items[i])
      if (next.id !== id) throw appError('VALIDATION', 'errStorage:recordCannotChangeId')
      items[i] = next
    })
    return next
  }

  async remove(id: string): Promise<T> {
    const n = this.where.get(id)
    if (n === undefined) throw appError('NOT_FOUND', 'errStorage:noRecordId', { id })
    let removed!: T
    await this.write(n, (items) => {
      removed = items.splice(
        items.findIndex((x) => x.id === id),
        1,
      )[0]
    })
    this.where.delete(id)
    return removed
  }

  /** Deletes every chunk file; returns the ids that were in them. */
  async removeAll(): Promise<string[]> {
    this.o.store.assertWritable()
    const ids = [...this.where.keys()]
    for (const f of await listChunkFiles(this.o.store, this.o.dir, this.o.base)) {
      await this.o.store.queueFor(f.rel).idle()
      this.o.store.forget(f.rel)
      await unlink(this.o.store.resolve(f.rel)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e
      })
    }
    this.chunks.clear()
    this.where.clear()
    this.sortedView = null
    return ids
  }
}

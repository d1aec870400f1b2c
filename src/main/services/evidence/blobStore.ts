/**
 * The content-addressed blob store: blobs/<sha256>, written once, read-only after.
 * A file is hashed while it is copied (one read of the source), so a 4 GB video
 * is read once, never held in memory, and its hash describes exactly the bytes stored.
 */
import { appError } from '@shared/i18n/appError'
import { createHash, randomBytes, type Hash } from 'node:crypto'
import { lstat, mkdir, open, readdir, realpath, stat, statfs, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, sep } from 'node:path'
import { AppError } from '@shared/ipc/result'
import { fsyncDir } from '@main/storage/durableWrite'
import { hashBlobFile } from '@main/storage/crypto/blobFiles'
import { blobSealer, type BlobSealer } from '@main/storage/crypto/sealThread'
import { vaultFor } from '@main/storage/crypto/vault'
import { KEYS_FILE } from '@main/storage/crypto/keyfile'
import { fsio, writeAll } from '@main/storage/fsio'
import { NOT_A_FILE_ID, NotRegularFileError, openRegularFile } from '@main/storage/safeRead'

/** The blob store's folder in a workspace. */
export const BLOBS_DIR = 'blobs'

/**
 * 256 KiB reads. Measured on 1 GB (bench/import.bench.ts): chunks this small stay
 * in the CPU cache between the read's copy, the hash and the write's copy; 2 MiB
 * chunks fall out of it and the import ran about 2x slower. Below 128 KiB the
 * per-chunk overhead starts to show. Three buffers in flight: under 1 MiB in all.
 */
export const READ_SIZE = 256 * 1024
/**
 * Every 64 MiB an fdatasync starts in the background (at most one at a time), so
 * the disk writes while later chunks are read and hashed, and the final fsync
 * finds little left; otherwise the kernel holds a whole 1 GB file back until then.
 * Measured at about 15% off a durable 1 GB import.
 */
const BACKGROUND_SYNC_EVERY = 64 * 1024 * 1024
/** Chunks sealed or being written at once in an encrypted workspace (memory: twice this many chunks). */
const SEALS_IN_FLIGHT = 8
export const SHA256_HEX = /^[0-9a-f]{64}$/

/** Left free after an import, so the workspace's own files can still be saved. */
const DISK_RESERVE = 64 * 1024 * 1024

/** A size as a person reads it in a message: "1.5 GB", "12.0 MB", "512 bytes". */
export const humanBytes = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} bytes`

/**
 * Refuses, before a byte is copied, a file the blob store's disk cannot hold: a
 * copy that fills the disk fails late, and leaves no room to save the case.
 */
export async function assertRoomFor(blobsDir: string, bytes: number, name: string): Promise<void> {
  // blobs/ is made on the first import; until then the workspace folder is on the same disk.
  const fs = await statfs(blobsDir).catch(() => statfs(dirname(blobsDir)).catch(() => null))
  // No free-space figure on this file system: the write itself will tell.
  if (!fs) return
  const free = fs.bavail * fs.bsize
  if (bytes + DISK_RESERVE > free)
    throw appError('IO', 'errMedia:enoughFreeDiskSpace', {
      name,
      human: humanBytes(bytes),
      human2: humanBytes(Math.max(0, free - DISK_RESERVE)),
    })
}

export interface Progress {
  (done: number, total: number): void
}

export interface StoredBlob {
  sha256: string
  size: number
  /** The same bytes were already stored; nothing new was written. */
  existed: boolean
}

/** Calls `fn` at most every `ms`, and always for the last value when `flush` is called. */
export function throttle(fn: Progress | undefined, ms = 100) {
  let last = 0
  return {
    report(done: number, total: number) {
      if (!fn) return
      const t = Date.now()
      if (t - last >= ms) {
        last = t
        fn(done, total)
      }
    },
    flush(done: number, total: number) {
      fn?.(done, total)
    },
  }
}

const cancelled = () => appError('CANCELLED', 'errMedia:importCancelledNothingStored')

/**
 * Writes one blob: bytes pushed in are hashed and appended to a unique temp file
 * in the blobs folder; commit() syncs it and renames it to its hash. One write is
 * kept in flight while the next chunk is read and hashed, so disk and CPU overlap.
 */
export class BlobWriter {
  private readonly hash: Hash = createHash('sha256')
  private pending: Promise<void> = Promise.resolve()
  /** Sealed chunks not yet written, oldest first (an encrypted workspace). */
  private readonly inFlight: Promise<void>[] = []
  private syncing: Promise<void> | null = null
  /** A background sync that failed: the import fails with it, however the later syncs fare. */
  private syncFailure: unknown = null
  private unsynced = 0
  private closed = false
  bytes = 0

  private constructor(
    readonly dir: string,
    readonly tempPath: string,
    private readonly fh: FileHandle,
    private readonly durable: boolean,
    /** Set in an encrypted workspace: chunks are sealed in segments before they are written. */
    private readonly sealer: BlobSealer | null,
  ) {}

  /**
   * durable: false skips every fsync; only for benchmarks set against tools that do not sync either.
   * tempDir: where the bytes wait until placed (same disk as the blobs folder); the blobs folder itself
   * by default. A bundle import stages there so a refused bundle leaves no trace, not even a new folder.
   * expectedBytes: the size coming, when known; in an encrypted workspace a large file is sealed in a
   * thread of its own (crypto/sealThread.ts).
   */
  static async create(
    blobsDir: string,
    {
      durable = true,
      tempDir,
      expectedBytes,
      sealInThread,
    }: { durable?: boolean; tempDir?: string; expectedBytes?: number; sealInThread?: boolean | URL } = {},
  ): Promise<BlobWriter> {
    await assertOwnBlobsFolder(blobsDir)
    const dir = tempDir ?? blobsDir
    await mkdir(dir, { recursive: true })
    const tempPath = join(dir, `.incoming-${process.pid}-${randomBytes(8).toString('hex')}`)
    const vault = vaultFor(tempPath)
    // An encrypted workspace whose key went meanwhile (locked, or closed, while an import got this far):
    // not a byte may be written there in the clear.
    if (
      !vault &&
      (await stat(join(dirname(blobsDir), KEYS_FILE)).then(
        () => true,
        () => false,
      ))
    )
      throw appError('LOCKED', 'errStorage:workspaceLockedUnlockPassphrase')
    const fh = await fsio.open(tempPath, 'wx', 0o600)
    // Sealed: each batch is written at its own place and the header, once the hash (the blob's path, bound
    // into it) is known, at the start.
    return new BlobWriter(
      blobsDir,
      tempPath,
      fh,
      durable,
      vault ? blobSealer(vault.key, expectedBytes, sealInThread) : null,
    )
  }

  /**
   * Hashes the chunk and starts writing it once the previous write is done (sealed: once it is sealed). The
   * caller may reuse the chunk's memory only after its next write() call returns (sealed: at once).
   */
  async write(chunk: Buffer): Promise<void> {
    if (this.closed) throw new Error('blob writer is closed')
    if (this.syncFailure) throw this.syncFailure
    this.hash.update(chunk)
    this.bytes += chunk.length
    if (this.sealer) {
      // The sealer has copied the chunk: it is the caller's again at once. Several chunks are sealed at a
      // time, each written to its own place as soon as it is sealed (waiting for the write before it kept
      // the sealing thread idle half the time); only the oldest is waited for.
      const sealer = this.sealer
      const written = sealer.push(chunk).then(async (pieces) => {
        await Promise.all(pieces.map((p) => writeAll(this.fh, p.bytes, p.at)))
        sealer.recycle(pieces)
      })
      written.catch(() => undefined) // awaited below or at commit; never unhandled meanwhile
      this.inFlight.push(written)
      this.pending = Promise.all(this.inFlight).then(() => undefined)
      this.pending.catch(() => undefined)
      if (this.inFlight.length > SEALS_IN_FLIGHT) await this.inFlight.shift()
    } else {
      // Plain: the chunk itself is written, in order, after the previous write.
      await this.pending
      this.pending = writeAll(this.fh, chunk, null)
      // Keep a rejection from surfacing as unhandled before the next write or commit awaits it.
      this.pending.catch(() => undefined)
    }
    this.unsynced += chunk.length
    if (this.durable && this.unsynced >= BACKGROUND_SYNC_EVERY && !this.syncing) {
      this.unsynced = 0
      const sync: Promise<void> = this.pending
        .then(() => fsio.datasync(this.fh))
        .finally(() => {
          if (this.syncing === sync) this.syncing = null
        })
      // Kept until commit: Linux reports a lost write to a file once, so the final fsync would then succeed
      // over bytes that never reached the disk.
      sync.catch((e: unknown) => {
        this.syncFailure ??= e
      })
      this.syncing = sync
    }
  }

  /**
   * Syncs and renames to blobs/<sha256>; identical bytes already stored win and the temp file goes.
   * `watch`: the blob may be withdrawn if the caller cannot use it after all (see withdrawBlob).
   */
  async commit(opts: { watch?: boolean } = {}): Promise<StoredBlob> {
    return placeSealed(await this.seal(), opts)
  }

  /**
   * Finishes the bytes (all written, synced, read-only) but does not place them:
   * the hash is known and the temp file waits for placeSealed or discardSealed.
   */
  async seal(): Promise<SealedBlob> {
    if (this.closed) throw new Error('blob writer is closed')
    this.closed = true
    const sha256 = this.hash.digest('hex')
    const target = join(this.dir, sha256)
    try {
      await this.pending
      await this.syncing
      if (this.syncFailure) throw this.syncFailure
      if (this.sealer) {
        const { tail, header } = await this.sealer.end(vaultFor(target)!.rel)
        for (const p of tail) await writeAll(this.fh, p.bytes, p.at)
        await writeAll(this.fh, header, 0)
      }
      if (this.durable) await fsio.sync(this.fh)
      await this.fh.chmod(0o444)
    } catch (e) {
      await fsio.close(this.fh).catch(() => undefined)
      await fsio.unlink(this.tempPath).catch(() => undefined)
      throw e
    } finally {
      await this.sealer?.close()
    }
    try {
      await fsio.close(this.fh)
    } catch (e) {
      await fsio.unlink(this.tempPath).catch(() => undefined)
      throw e
    }
    return { sha256, size: this.bytes, tempPath: this.tempPath, blobsDir: this.dir, durable: this.durable }
  }

  /** Drops the temp file; nothing is stored. Safe to call more than once. */
  async abort(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.pending.catch(() => undefined)
    await this.syncing?.catch(() => undefined)
    await this.sealer?.close()
    await fsio.close(this.fh).catch(() => undefined)
    await fsio.unlink(this.tempPath).catch(() => undefined)
  }
}

/**
 * The blob store must be a folder of the workspace itself: a blobs/ that is a link (or a file)
 * would send imports, and the files read back as evidence, somewhere outside it. Missing is fine
 * (the first import makes it).
 */
export async function assertOwnBlobsFolder(blobsDir: string): Promise<void> {
  const info = await lstat(blobsDir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null
    throw e
  })
  if (info && !info.isDirectory())
    throw appError('FORBIDDEN', 'errMedia:blobStoreCasefileKeeps', {
      blobsDir,
      value: info.isSymbolicLink() ? 'a link' : 'not a folder',
    })
}

/** Bytes written and hashed by a BlobWriter, waiting in a temp file to be placed under their hash. */
export interface SealedBlob {
  sha256: string
  size: number
  tempPath: string
  blobsDir: string
  durable: boolean
}

/** Removes a sealed blob's temp file; nothing is stored. */
export async function discardSealed(sealed: SealedBlob): Promise<void> {
  await fsio.unlink(sealed.tempPath).catch(() => undefined)
}

/**
 * Blobs placed new by an import that may still fail before its item is written (an examination
 * cancelled, the case gone): whether anything else in this process placed or looked up the same bytes
 * since. Only one process writes a workspace (the lock), so nothing outside this map can have
 * come to count on such a blob.
 */
const watched = new Map<string, { touched: boolean }>()
/** Withdrawals under way: a placement or look-up of the same bytes waits for it, then finds them gone. */
const withdrawing = new Map<string, Promise<unknown>>()

function touch(sha256: string): Promise<unknown> | undefined {
  const w = watched.get(sha256)
  if (w) w.touched = true
  return withdrawing.get(sha256)
}

/** Whether blobs/<sha256> is a stored blob (a regular file); counts as a use of it (see withdrawBlob). */
export async function blobPresent(blobsDir: string, sha256: string): Promise<boolean> {
  await touch(sha256)
  return stat(blobPathIn(blobsDir, sha256)).then(
    (s) => s.isFile(),
    () => false,
  )
}

/** The blob will be used (its item is written): it is no longer watched. */
export const keepBlob = (stored: StoredBlob): void => void watched.delete(stored.sha256)

/**
 * Takes back a blob an import placed and could not use: removed only when this import wrote it (not
 * there before) and nothing else in this process placed or looked up the same bytes since. True when
 * it was removed, so nothing the import stored is left.
 */
export async function withdrawBlob(blobsDir: string, stored: StoredBlob): Promise<boolean> {
  const w = watched.get(stored.sha256)
  watched.delete(stored.sha256)
  if (!w || w.touched || stored.existed) return false
  const target = blobPathIn(blobsDir, stored.sha256)
  const removal = fsio.unlink(target).then(() => fsyncDir(blobsDir))
  withdrawing.set(
    stored.sha256,
    removal.catch(() => undefined),
  )
  try {
    await removal
    return true
  } finally {
    withdrawing.delete(stored.sha256)
  }
}

/** Puts sealed bytes at blobs/<sha256>; identical bytes already stored win and the temp file goes. */
export async function placeSealed(sealed: SealedBlob, opts: { watch?: boolean } = {}): Promise<StoredBlob> {
  const { sha256, tempPath, blobsDir } = sealed
  await touch(sha256)
  // The blobs folder once held a temp file of its own; a staged one (tempDir) may be its first.
  await mkdir(blobsDir, { recursive: true })
  const target = join(blobsDir, sha256)
  let existed = false
  try {
    // link() fails if the target exists, so a blob once stored is never replaced (rename would overwrite).
    await fsio.link(tempPath, target)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST') existed = true
    else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      // File systems without hard links: rename, after checking nobody stored it first.
      if (await exists(target)) existed = true
      else
        await fsio.rename(tempPath, target).catch(async (err) => {
          await fsio.unlink(tempPath).catch(() => undefined)
          throw err
        })
    } else {
      await fsio.unlink(tempPath).catch(() => undefined)
      throw e
    }
  }
  await fsio.unlink(tempPath).catch(() => undefined)
  if (opts.watch && !existed) watched.set(sha256, { touched: false })
  if (sealed.durable) await fsyncDir(blobsDir)
  return { sha256, size: sealed.size, existed }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p)
    return true
  } catch {
    return false
  }
}

export interface StoreOptions {
  signal?: AbortSignal
  /** The caller may take the blob back if it cannot use it (see withdrawBlob). */
  watch?: boolean
  onProgress?: Progress
  readSize?: number
  /** See BlobWriter.create; never false in the app. */
  durable?: boolean
  /** For benchmarks: seal in a thread (true, or a built worker file) or here (false) whatever the size. */
  sealInThread?: boolean | URL
}

/**
 * Streams a file into the store, hashing it in the same pass. Three fixed
 * buffers rotate: while chunk i is hashed on this thread, chunk i+1 is being
 * read and chunk i-1 written by the I/O threads. Memory stays at 3 × readSize
 * whatever the file's size, and no buffer is allocated per chunk (no GC churn).
 */
export async function storeFile(blobsDir: string, srcPath: string, opts: StoreOptions = {}): Promise<StoredBlob> {
  let src: FileHandle
  try {
    // Never open() first: a FIFO would block until a writer appears (holding the workspace lock),
    // a device would never end. A link the person chose is followed, but only to a regular file.
    src = await openRegularFile(srcPath, { followLinks: true })
  } catch (e) {
    if (e instanceof NotRegularFileError)
      throw appError('VALIDATION', 'errMedia:regularFileOnlyFiles', { srcPath, entry: NOT_A_FILE_ID[e.kind] })
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw appError('NOT_FOUND', 'errMedia:cannotReadNoSuch', { srcPath })
    if (code === 'EACCES' || code === 'EPERM')
      throw appError('FORBIDDEN', 'errMedia:cannotReadPermissionDenied', { srcPath })
    throw e
  }
  let writer: BlobWriter | undefined
  let next: Promise<unknown> = Promise.resolve()
  try {
    if (opts.signal?.aborted) throw cancelled()
    const info = await src.stat()
    if (!info.isFile()) throw appError('VALIDATION', 'errMedia:regularFile', { srcPath })
    const total = info.size
    await assertRoomFor(blobsDir, total, basename(srcPath))
    const size = opts.readSize ?? READ_SIZE
    const progress = throttle(opts.onProgress)
    const bufs = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)]
    writer = await BlobWriter.create(blobsDir, {
      durable: opts.durable ?? true,
      expectedBytes: total,
      sealInThread: opts.sealInThread,
    })
    let pos = 0
    let reading = src.read(bufs[0], 0, size, 0)
    for (let i = 0; ; i++) {
      next = reading
      const { bytesRead } = await reading
      if (opts.signal?.aborted) throw cancelled()
      if (bytesRead === 0) break
      const cur = bufs[i % 3]
      pos += bytesRead
      // bufs[(i+1) % 3] last held chunk i-2, whose write finished before write(chunk i-1) returned.
      reading = src.read(bufs[(i + 1) % 3], 0, size, pos)
      next = reading
      await writer.write(bytesRead === size ? cur : cur.subarray(0, bytesRead))
      progress.report(pos, total)
    }
    // A file still being written (a recording in progress) would be kept as whatever part was read, its hash
    // describing a file that never existed whole: refused, nothing stored.
    const after = await src.stat()
    if (pos !== total || after.size !== total || after.mtimeMs !== info.mtimeMs)
      throw appError('VALIDATION', 'errMedia:changedWhileCopied', {
        name: basename(srcPath),
        before: total,
        after: Math.max(pos, after.size),
      })
    const stored = await writer.commit({ watch: opts.watch })
    progress.flush(stored.size, total)
    return stored
  } catch (e) {
    await next.catch(() => undefined) // never close the source under a read in flight
    await writer?.abort()
    throw e
  } finally {
    await src.close()
  }
}

/** SHA-256 of a stored (or any) file: two fixed buffers, the next read overlapping the hash of the last. */
export async function hashFile(path: string, readSize = READ_SIZE): Promise<string> {
  const hash = createHash('sha256')
  // A sealed blob is hashed over its original bytes (the name is their SHA-256), segment by segment.
  // One that does not open (changed, cut, moved) is hashed as it lies, so it is reported as altered.
  if (vaultFor(path)) {
    const opened = await hashBlobFile(path).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CORRUPT') return null
      throw e
    })
    if (opened) return opened
  }
  const fh = await open(path, 'r')
  try {
    const bufs = [Buffer.allocUnsafe(readSize), Buffer.allocUnsafe(readSize)]
    let pos = 0
    let reading = fh.read(bufs[0], 0, readSize, 0)
    for (let i = 0; ; i++) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      pos += bytesRead
      reading = fh.read(bufs[(i + 1) % 2], 0, readSize, pos)
      hash.update(bufs[i % 2].subarray(0, bytesRead))
    }
  } finally {
    await fh.close()
  }
  return hash.digest('hex')
}

/**
 * Removes temp files an interrupted import left behind (a crash, a power cut).
 * Only one process writes a workspace (the lock), so another pid's temp file is stale.
 */
export async function sweepIncoming(blobsDir: string): Promise<number> {
  let removed = 0
  for (const name of await readdir(blobsDir).catch(() => [] as string[])) {
    const m = /^\.incoming-(\d+)-[0-9a-f]+$/.exec(name)
    if (m && Number(m[1]) !== process.pid) {
      await unlink(join(blobsDir, name)).then(
        () => removed++,
        () => undefined,
      )
    }
  }
  return removed
}

export const blobPathIn = (blobsDir: string, sha256: string): string => {
  if (!SHA256_HEX.test(sha256)) throw appError('VALIDATION', 'errMedia:sha', { sha256 })
  return join(blobsDir, sha256)
}

/**
 * The real path of a stored blob, for reading it: the name must be a SHA-256 (so
 * no "..", "/" or encoded form of them gets through), the blobs folder must be
 * the workspace's own (not a symlink to elsewhere), and the blob's real path must
 * lie inside it (a symlink planted there pointing out is refused).
 * NOT_FOUND when there is no such blob, FORBIDDEN when it leads outside.
 */
export async function containedBlobPath(workspaceRoot: string, sha256: string): Promise<string> {
  if (!SHA256_HEX.test(sha256)) throw appError('NOT_FOUND', 'errMedia:noSuchBlob')
  let dir: string
  let file: string
  try {
    const root = await realpath(workspaceRoot)
    dir = await realpath(join(root, BLOBS_DIR))
    if (dir !== join(root, BLOBS_DIR)) throw appError('FORBIDDEN', 'errMedia:blobsFolderLeadsOutside')
    file = await realpath(join(dir, sha256))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') throw appError('NOT_FOUND', 'errMedia:noSuchBlob')
    throw e
  }
  if (!file.startsWith(dir + sep)) throw appError('FORBIDDEN', 'errMedia:blobLeadsOutsideBlob')
  return file
}

/**
 * Opens a .casefile for reading as untrusted input (yauzl reads it; this module
 * decides what is acceptable). Everything is checked from the central directory
 * before a byte of any entry is read: names (traversal in every spelling,
 * encodings, duplicates that differ only in case or Unicode normalisation),
 * entry types (links, devices, folders), encryption and compression, and zip
 * bombs (entry count, total size, compression ratio, overlapping entries, nested
 * archives). Entry data is then read through one file handle in large chunks,
 * and yauzl checks that each entry inflates to exactly its declared size.
 *
 * Names are never used to build a path: what is written comes from hashes and
 * ids the owning services check again. The checks are here so that a hostile
 * archive is refused, with a reason, rather than quietly half-read.
 */
import { appError, diskError } from '@shared/i18n/appError'
import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import yauzl from 'yauzl'
import {
  bundleEntryKind,
  MANIFEST_PATH,
  MAX_BUNDLE_ENTRIES,
  SIGNATURE_PATH,
  type BundleEntryKind,
} from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import { refused, refusedFor, shown } from './refusal'

/**
 * Bytes read at a time from the bundle (one chunk in flight per entry stream).
 * 256 KiB, as the blob store reads: large enough that per-chunk costs vanish,
 * small enough to stay in the CPU cache between read, hash and write.
 */
export const READ_CHUNK = 256 * 1024
/** The manifest is small; a larger one is refused unread. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024
/** One record file (case.json, a briefing, an item's annotations ...). */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024
/** All the entries together, uncompressed. */
export const MAX_TOTAL_BYTES = 2 ** 40
/** Deflate at its best reaches about 1:1000; real records about 1:20. Checked above 1 MiB. */
export const MAX_RATIO = 100
const RATIO_FLOOR = 1024 * 1024

const ARCHIVE_NAME = /\.(zip|casefile|jar|docx?|xlsx?|7z|rar|tar|tgz|gz|bz2|xz|zst|cab|iso)$/i
const INFO_ZIP_UNICODE_PATH = 0x7075
const S_IFMT = 0o170000

export interface BundleFileEntry {
  /** The decoded name, checked. */
  name: string
  /** null for manifest.json and manifest.sig. */
  kind: BundleEntryKind | null
  size: number
  entry: yauzl.Entry
}

/** A bundle opened for reading: its checked entries (in file order) and reads of their data. */
export interface OpenBundle {
  path: string
  size: number
  entries: BundleFileEntry[]
  byName: Map<string, BundleFileEntry>
  /** The entry's data, inflated, as a stream of chunks (yauzl checks its size). */
  stream(e: BundleFileEntry): Promise<Readable>
  /** A small entry whole (the manifest, a record file); refused above `max` bytes. */
  readWhole(e: BundleFileEntry, max: number): Promise<Buffer>
  /** SHA-256 of the whole .casefile file. */
  sha256(signal?: AbortSignal, onBytes?: (n: number) => void): Promise<string>
  close(): Promise<void>
}

/** yauzl reads through this: positional reads of one file handle, in chunks of READ_CHUNK. */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly fh: FileHandle) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const fh = this.fh
    let pos = start
    return new Readable({
      highWaterMark: READ_CHUNK,
      read() {
        const len = Math.min(READ_CHUNK, end - pos)
        if (len <= 0) return void this.push(null)
        const buf = Buffer.allocUnsafe(len)
        fh.read(buf, 0, len, pos).then(
          ({ bytesRead }) => {
            if (bytesRead === 0) return this.destroy(refused('errBundles:truncated'))
            pos += bytesRead
            this.push(bytesRead < len ? buf.subarray(0, bytesRead) : buf)
          },
          (e: Error) => this.destroy(e),
        )
      },
    })
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, cb: (e: Error | null) => void) {
    const step = (done: number): void => {
      if (done >= length) return cb(null)
      this.fh.read(buffer, offset + done, length - done, position + done).then(
        ({ bytesRead }) => (bytesRead === 0 ? cb(new Error('unexpected end of file')) : step(done + bytesRead)),
        (e: Error) => cb(e),
      )
    }
    step(0)
  }

  override close(cb: (e: Error | null) => void) {
    // The handle is the caller's to close.
    cb(null)
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
/** The entry's name as bytes say it, or the reason it cannot be trusted. */
function decodeName(e: yauzl.Entry): string {
  const raw = e.fileNameRaw ?? (e.fileName as unknown as Buffer)
  if (e.extraFields.some((f) => f.id === INFO_ZIP_UNICODE_PATH))
    throw refused('errBundles:secondName', { name: shown(raw.toString('latin1')) })
  if ((e.generalPurposeBitFlag & 0x800) !== 0) {
    try {
      return utf8.decode(raw)
    } catch {
      throw refused('errBundles:nameNotUtf8', { name: shown(raw.toString('latin1')) })
    }
  }
  if (raw.some((b) => b >= 0x80)) throw refused('errBundles:nameUnmarked', { name: shown(raw.toString('latin1')) })
  return raw.toString('ascii')
}

/** Refuses a name that could mean a path anywhere but a file inside the bundle. */
function checkName(name: string): void {
  if (name === '') throw refused('errBundles:emptyName')
  const values = { name: shown(name) }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw refused('errBundles:nameControl', values)
  if (name.includes('\\')) throw refused('errBundles:nameBackslash', values)
  if (name.startsWith('/')) throw refused('errBundles:nameAbsolute', values)
  if (/^[A-Za-z]:/.test(name)) throw refused('errBundles:nameDrive', values)
  if (name.endsWith('/')) throw refused('errBundles:folder', values)
  const parts = name.split('/')
  if (parts.includes('..')) throw refused('errBundles:nameClimbs', values)
  if (parts.some((p) => p === '' || p === '.')) throw refused('errBundles:nameEmptySegment', values)
  if (/%[0-9A-Fa-f]{2}/.test(name)) throw refused('errBundles:namePercent', values)
}

/** Refuses links, devices, pipes, sockets and folders, whichever system made the archive. */
function checkType(name: string, e: yauzl.Entry): void {
  const madeBy = e.versionMadeBy >> 8
  const mode = (e.externalFileAttributes >>> 16) & 0xffff
  const values = { name: shown(name) }
  // 3: Unix; 19: OS X. Their high attribute bits are st_mode.
  if ((madeBy === 3 || madeBy === 19) && mode !== 0) {
    const type = mode & S_IFMT
    if (type === 0o120000) throw refused('errBundles:symlink', values)
    if (type === 0o040000) throw refused('errBundles:folder', values)
    if (type === 0o020000 || type === 0o060000)
      throw refused('errBundles:device', { ...values, device: type === 0o020000 ? 'character' : 'block' })
    if (type === 0o010000) throw refused('errBundles:namedPipe', values)
    if (type === 0o140000) throw refused('errBundles:socket', values)
    if (type !== 0o100000 && type !== 0) throw refused('errBundles:notRegularEntry', values)
  }
  // MS-DOS attributes: 0x10 directory.
  if ((e.externalFileAttributes & 0x10) !== 0) throw refused('errBundles:folder', values)
  if (e.isEncrypted()) throw refused('errBundles:encrypted', values)
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
    throw refused('errBundles:compression', { ...values, method: String(e.compressionMethod) })
}

function checkSizes(name: string, e: yauzl.Entry): void {
  if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize)
    throw refused('errBundles:storedSize', {
      name: shown(name),
      declared: String(e.uncompressedSize),
      held: String(e.compressedSize),
    })
  if (
    e.compressionMethod === 8 &&
    e.uncompressedSize > RATIO_FLOOR &&
    e.uncompressedSize / Math.max(1, e.compressedSize) > MAX_RATIO
  )
    throw refused('errBundles:ratio', {
      name: shown(name),
      times: String(Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))),
      compressed: String(e.compressedSize),
      uncompressed: String(e.uncompressedSize),
    })
}

/** The name with case and Unicode spelling folded: two entries equal here would collide on some disk. */
const folded = (name: string) => name.normalize('NFKC').toLowerCase()

/**
 * Opens and checks a bundle. Throws VALIDATION ("The bundle was refused: …") on
 * anything hostile or damaged; the caller must close() what it gets.
 */
export async function openBundle(path: string): Promise<OpenBundle> {
  let fh: FileHandle
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw appError('NOT_FOUND', 'errMedia:thereNoFile', { path })
    // A loop of links has its own remedy, said in the person's language (Node's reason is English).
    if (code === 'ELOOP') throw diskError(e) ?? e
    throw appError('IO', 'errMedia:cannotRead', { path, reason: messageOf(e) })
  }
  try {
    const info = await fh.stat()
    // A FIFO or device would block or never end: only a regular file is read.
    if (!info.isFile()) throw refused('errBundles:notRegularFile', { path })
    return await scan(path, fh, info.size)
  } catch (e) {
    await fh.close().catch(() => undefined)
    throw e
  }
}

async function scan(path: string, fh: FileHandle, size: number): Promise<OpenBundle> {
  const reader = new HandleReader(fh)
  let zf: yauzl.ZipFile
  try {
    zf = await yauzl.fromRandomAccessReaderPromise(reader, size, {
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    })
  } catch (e) {
    throw refusedFor('errBundles:notZip', e)
  }
  const closeZip = () => {
    try {
      zf.close()
    } catch {
      // already closed
    }
  }
  try {
    if (zf.entryCount > MAX_BUNDLE_ENTRIES + 2)
      throw refused('errBundles:tooManyEntries', { count: String(zf.entryCount), max: String(MAX_BUNDLE_ENTRIES) })
    const centralDirectory = (zf as unknown as { readEntryCursor?: unknown }).readEntryCursor
    const entries: BundleFileEntry[] = []
    const byName = new Map<string, BundleFileEntry>()
    const byFold = new Map<string, string>()
    let total = 0
    try {
      for await (const e of zf.eachEntry()) {
        const name = decodeName(e)
        checkName(name)
        checkType(name, e)
        checkSizes(name, e)
        if (byName.has(name)) throw refused('errBundles:duplicate', { name: shown(name) })
        const fold = folded(name)
        const twin = byFold.get(fold)
        if (twin !== undefined) throw refused('errBundles:twins', { first: shown(twin), second: shown(name) })
        byFold.set(fold, name)
        total += e.uncompressedSize
        if (total > MAX_TOTAL_BYTES) throw refused('errBundles:tooLarge', { max: String(MAX_TOTAL_BYTES) })
        const f: BundleFileEntry = { name, kind: null, size: e.uncompressedSize, entry: e }
        entries.push(f)
        byName.set(name, f)
      }
    } catch (e) {
      if (e instanceof AppError) throw e
      // yauzl's own check of a stored entry's sizes says what the archive declares: said as ours says it.
      const sizes = /size mismatch for stored file: (\d+) != (\d+)/.exec(messageOf(e))
      if (sizes) throw refusedFor('errBundles:storedSizeUnnamed', e, { declared: sizes[2], held: sizes[1] })
      throw refusedFor('errBundles:centralDirectory', e)
    }
    // Only the paths the format has (after every name was seen, so twins are named as such).
    for (const f of entries) {
      if (f.name === MANIFEST_PATH || f.name === SIGNATURE_PATH) continue
      f.kind = bundleEntryKind(f.name)
      if (f.kind) continue
      const values = { name: shown(f.name) }
      if (ARCHIVE_NAME.test(f.name)) throw refused('errBundles:nestedArchive', values)
      // eslint-disable-next-line no-control-regex
      if (/[^\u0000-\u007f]/.test(f.name)) throw refused('errBundles:nameNotAscii', values)
      throw refused('errBundles:notInFormat', values)
    }
    // Each entry's local header and data must lie before the next entry and the central directory:
    // overlapping entries are how a few kilobytes expand to gigabytes many times over.
    entries.sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader)
    const limit = typeof centralDirectory === 'number' && centralDirectory <= size ? centralDirectory : size
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i].entry
      const end = e.relativeOffsetOfLocalHeader + 30 + e.fileNameLength + e.compressedSize
      const next = i + 1 < entries.length ? entries[i + 1].entry.relativeOffsetOfLocalHeader : limit
      if (end > next) {
        if (i + 1 < entries.length)
          throw refused('errBundles:overlap', { first: shown(entries[i].name), second: shown(entries[i + 1].name) })
        throw refused('errBundles:pastEnd', { name: shown(entries[i].name) })
      }
    }
    const bundle: OpenBundle = {
      path,
      size,
      entries,
      byName,
      async stream(f) {
        try {
          return await zf.openReadStreamPromise(f.entry)
        } catch (e) {
          throw refusedFor('errBundles:entryUnreadable', e, { name: shown(f.name) })
        }
      },
      async readWhole(f, max) {
        if (f.size > max)
          throw refused('errBundles:entryTooLarge', { name: shown(f.name), size: String(f.size), max: String(max) })
        const parts: Buffer[] = []
        try {
          for await (const chunk of await bundle.stream(f)) parts.push(chunk as Buffer)
        } catch (e) {
          if (e instanceof AppError) throw e
          throw refusedFor('errBundles:entryUnreadable', e, { name: shown(f.name) })
        }
        return Buffer.concat(parts)
      },
      async sha256(signal, onBytes) {
        const hash = createHash('sha256')
        const bufs = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)]
        let pos = 0
        let reading = fh.read(bufs[0], 0, READ_CHUNK, 0)
        for (let i = 0; ; i++) {
          const { bytesRead } = await reading
          if (bytesRead === 0) break
          if (signal?.aborted) throw appError('CANCELLED', 'errMedia:cancelledNothingImported')
          pos += bytesRead
          reading = fh.read(bufs[(i + 1) % 2], 0, READ_CHUNK, pos)
          hash.update(bufs[i % 2].subarray(0, bytesRead))
          onBytes?.(bytesRead)
        }
        if (pos !== size) throw refused('errBundles:changedSize')
        return hash.digest('hex')
      },
      async close() {
        closeZip()
        await fh.close().catch(() => undefined)
      },
    }
    return bundle
  } catch (e) {
    closeZip()
    throw e
  }
}

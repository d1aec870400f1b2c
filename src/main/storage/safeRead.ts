/**
 * Reading a file a folder may hold anything in place of: a FIFO (opening it blocks
 * until a writer appears, for ever), a device (/dev/zero never ends), a folder, a
 * socket, or a symbolic link leading out of the workspace. Every stored file and
 * every file a person hands in is read through here: lstat first, refuse what is
 * not a regular file, then open without following links and without blocking,
 * and check again on the open handle (the name could have been swapped between).
 */
import { appError, diskError } from '@shared/i18n/appError'
import { constants, lstat, open, stat, type FileHandle } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { openBytes } from './crypto/seal'
import { vaultFor } from './crypto/vault'

export type NotAFileKind = 'symbolic link' | 'folder' | 'FIFO (named pipe)' | 'device' | 'socket' | 'special file'

/** Each kind as the catalogue selects its words (`entry, select, link {…} folder {…} …`), in any language. */
export const NOT_A_FILE_ID: Record<NotAFileKind, string> = {
  'symbolic link': 'link',
  folder: 'folder',
  'FIFO (named pipe)': 'fifo',
  device: 'device',
  socket: 'socket',
  'special file': 'special',
}

/** The path names something other than a regular file; `kind` says what. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR'
  constructor(
    readonly path: string,
    readonly kind: NotAFileKind,
  ) {
    super(`${path} is a ${kind}, not a regular file`)
  }
}

export function kindOf(s: Stats): NotAFileKind | null {
  if (s.isFile()) return null
  if (s.isSymbolicLink()) return 'symbolic link'
  if (s.isDirectory()) return 'folder'
  if (s.isFIFO()) return 'FIFO (named pipe)'
  if (s.isBlockDevice() || s.isCharacterDevice()) return 'device'
  if (s.isSocket()) return 'socket'
  return 'special file'
}

// O_NOFOLLOW: a link swapped in after the lstat fails instead of being followed.
// O_NONBLOCK: a FIFO swapped in opens at once (and fails the fstat check) instead of hanging.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * Opens a regular file for reading. `followLinks`: a link the person named on
 * purpose (an import from their disk) is followed, but only to a regular file;
 * inside the workspace links are refused.
 */
export async function openRegularFile(path: string, { followLinks = false } = {}): Promise<FileHandle> {
  const before = await lstat(path)
  let kind = kindOf(before)
  if (kind === 'symbolic link' && followLinks) {
    kind = kindOf(await stat(path))
  }
  if (kind) throw new NotRegularFileError(path, kind)
  const flags = followLinks ? READ_FLAGS & ~(constants.O_NOFOLLOW ?? 0) : READ_FLAGS
  let fh: FileHandle
  try {
    fh = await open(path, flags)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRegularFileError(path, 'symbolic link')
    throw e
  }
  try {
    const now = await fh.stat()
    const swapped = kindOf(now)
    if (swapped) throw new NotRegularFileError(path, swapped)
    return fh
  } catch (e) {
    await fh.close()
    throw e
  }
}

/** A file larger than its reader allows: refused before a byte is read. */
export class TooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`it is ${size} bytes; the limit is ${limit}`)
  }
}

/**
 * The whole content of a regular file (see openRegularFile); ENOENT and the like pass through.
 * A stored file of an encrypted workspace is opened here (the one place every stored read passes):
 * a file that does not open throws CORRUPT ("damaged or moved"). Files a person hands in
 * (followLinks) are never inside the sealed store and are read as they are.
 */
export async function readRegularFile(
  path: string,
  opts: { followLinks?: boolean; maxBytes?: number; openAs?: string } = {},
): Promise<Buffer> {
  const fh = await openRegularFile(path, opts)
  let bytes: Buffer
  try {
    if (opts.maxBytes !== undefined) {
      const { size } = await fh.stat()
      if (size > opts.maxBytes) throw new TooLargeError(size, opts.maxBytes)
    }
    bytes = await fh.readFile()
  } finally {
    await fh.close()
  }
  const vault = opts.followLinks ? null : vaultFor(opts.openAs ?? path)
  return vault ? openBytes(vault.key, vault.rel, bytes) : bytes
}

/** The bytes as they lie on disk, sealed or not (the encryption migration, the audit log's own lines). */
export async function readRawFile(path: string): Promise<Buffer> {
  const fh = await openRegularFile(path)
  try {
    return await fh.readFile()
  } finally {
    await fh.close()
  }
}

/** At most the first `bytes` bytes of a file as they lie on disk (what kind of file it is, without reading it all). */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await openRegularFile(path)
  try {
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await fh.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

// fatal: damaged bytes are an error, not U+FFFD. A leading BOM (an editor's) is dropped.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Strict UTF-8: null when the bytes are not valid UTF-8 ('utf8' would turn them into U+FFFD silently). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes)
  } catch {
    return null
  }
}

/** C0 controls other than tab, line feed and carriage return: what binary data is full of and text never holds. */
// eslint-disable-next-line no-control-regex
export const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/**
 * A text file a person hands in (a statute's exact text): a regular file (a link
 * to one is followed), valid UTF-8, no binary control characters. VALIDATION
 * errors say which and where.
 */
export async function readTextFile(path: string, what: string, maxBytes = 5_000_000): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readRegularFile(path, { followLinks: true, maxBytes })
  } catch (e) {
    if (e instanceof TooLargeError)
      throw appError('VALIDATION', 'errStorage:cannotRead', { what, path, reason: e.message })
    if (e instanceof NotRegularFileError)
      throw appError('VALIDATION', 'errStorage:regularFileGiveText', { what, path, entry: NOT_A_FILE_ID[e.kind] })
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw appError('NOT_FOUND', 'errStorage:doesExist', { what, path })
    // A loop of links has its own remedy, said in the person's language (Node's reason is English).
    if (code === 'ELOOP') throw diskError(e) ?? e
    throw appError('IO', 'errStorage:cannotRead', { what, path, reason: (e as Error).message })
  }
  const text = decodeUtf8(bytes)
  if (text === null)
    throw appError('VALIDATION', 'errStorage:validUtfTextByte', {
      what,
      path,
      firstInvalidUtf8: firstInvalidUtf8(bytes),
    })
  const control = BINARY_CONTROL.exec(text)
  if (control)
    throw appError('VALIDATION', 'errStorage:looksLikeBinaryData', {
      what,
      path,
      charCodeAt: control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase(),
      index: control.index,
    })
  return text.replace(/^\uFEFF/, '')
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (for a message a person can act on). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const c = bytes[i]
    const more =
      c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (more < 0) return i
    if (more > 0 && (i + more >= bytes.length || decodeUtf8(bytes.subarray(i, i + more + 1)) === null)) return i
    i += more + 1
  }
  return bytes.length
}

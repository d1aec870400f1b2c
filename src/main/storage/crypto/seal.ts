/**
 * Sealing one whole stored file (a case file, the index, a backup, the search
 * cache ...) with AES-256-GCM from node:crypto.
 *
 * Layout: MAGIC (4) | format version (1) | nonce (12) | ciphertext | tag (16).
 * The nonce is random for every seal (96 bits from the OS generator); a file is
 * sealed at most a few million times over a workspace's life, far below the 2^32
 * seals NIST allows a random-nonce GCM key.
 *
 * Associated data = a domain label, the format version and the file's path
 * relative to the workspace (always with '/'): a sealed file copied or renamed
 * onto another path, or an older format byte, fails to open instead of being
 * read as that other file. The JSON's own schemaVersion sits inside the sealed
 * bytes and is checked, after opening, by storedJson.ts as before.
 */
import { appError } from '@shared/i18n/appError'
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto'
import { AppError } from '@shared/ipc/result'

export const FILE_MAGIC = Buffer.from('CFS1', 'ascii')
export const FORMAT_VERSION = 1
export const NONCE_BYTES = 12
export const TAG_BYTES = 16
export const KEY_BYTES = 32
export const HEADER_BYTES = FILE_MAGIC.length + 1 + NONCE_BYTES
/** A sealed line of an append-only log starts with this (text, so the log stays line-based). */
export const LINE_PREFIX = 'CFL1.'

/** Workspace-relative path in one spelling on every platform, so a sealed file opens anywhere. */
export const aadPath = (rel: string): string => (rel.includes('\\') ? rel.split('\\').join('/') : rel)

// The same few paths are sealed and opened again and again (a search opens 50 records of one cache file):
// their associated data is built once. Bounded, so a long session over many files does not grow it.
const aadMemo = new Map<string, Buffer>()
const AAD_MEMO_MAX = 4096

function aadFor(rel: string, label: string, version: number): Buffer {
  const text = `casefile:${label}:v${version}:${aadPath(rel)}`
  let aad = aadMemo.get(text)
  if (!aad) {
    if (aadMemo.size >= AAD_MEMO_MAX) aadMemo.clear()
    aad = Buffer.from(text, 'utf8')
    aadMemo.set(text, aad)
  }
  return aad
}

/** The file was changed, cut, or moved from another path: the one message every failed open gives. */
export function damagedError(rel: string): AppError {
  return appError('CORRUPT', 'errStorage:damagedMovedAnotherPlace', { aadPath: aadPath(rel) })
}

/** Whether the bytes start like a sealed file (a JSON file never starts with 'CFS1'). */
export const looksSealed = (bytes: Uint8Array): boolean =>
  bytes.length >= FILE_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, 4).equals(FILE_MAGIC)

// Nonces come from a pool refilled from the OS generator 5,461 at a time: one system call per
// pool, not per seal (a call per 12 bytes cost about 5 µs each on the build machines).
const pool = Buffer.alloc(NONCE_BYTES * 5461)
let poolAt = pool.length

/** A fresh random 96-bit nonce (a copy: the pool is refilled under it later). */
export function nextNonce(): Buffer {
  if (poolAt + NONCE_BYTES > pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  const n = Buffer.from(pool.subarray(poolAt, poolAt + NONCE_BYTES))
  // Zeroed once handed out, so no nonce can ever be handed out twice from the same pool bytes.
  pool.fill(0, poolAt, poolAt + NONCE_BYTES)
  poolAt += NONCE_BYTES
  return n
}

export function sealBytes(key: Buffer, rel: string, plain: Uint8Array, label = 'file'): Buffer {
  const nonce = nextNonce()
  const header = Buffer.concat([FILE_MAGIC, Buffer.from([FORMAT_VERSION]), nonce])
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  // The header is authenticated too: a changed version byte or nonce fails like a changed ciphertext.
  cipher.setAAD(Buffer.concat([aadFor(rel, label, FORMAT_VERSION), header]))
  const body = cipher.update(plain)
  const final = cipher.final()
  return Buffer.concat([header, body, final, cipher.getAuthTag()])
}

export function openBytes(key: Buffer, rel: string, sealed: Uint8Array, label = 'file'): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  if (buf.length < HEADER_BYTES + TAG_BYTES || !looksSealed(buf)) {
    throw appError('CORRUPT', 'errStorage:sealedThoughWorkspaceEncrypted', { aadPath: aadPath(rel) })
  }
  const version = buf[FILE_MAGIC.length]
  if (version !== FORMAT_VERSION) throw damagedError(rel)
  const header = buf.subarray(0, HEADER_BYTES)
  const nonce = buf.subarray(FILE_MAGIC.length + 1, HEADER_BYTES)
  const tag = buf.subarray(buf.length - TAG_BYTES)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce)
    decipher.setAAD(Buffer.concat([aadFor(rel, label, version), header]))
    decipher.setAuthTag(tag)
    const plain = decipher.update(buf.subarray(HEADER_BYTES, buf.length - TAG_BYTES))
    // GCM's final() checks the tag and gives no bytes: the plain text is not copied once more to join it.
    const rest = decipher.final()
    return rest.length ? Buffer.concat([plain, rest]) : plain
  } catch {
    throw damagedError(rel)
  }
}

/** One line of an append-only log (the audit log), sealed on its own so appends stay appends. */
export const sealLine = (key: Buffer, rel: string, line: string): string =>
  LINE_PREFIX + sealBytes(key, rel, Buffer.from(line, 'utf8'), 'line').toString('base64')

/** The plain text of a sealed line; null when it does not open (the log's chain then reports the break). */
export function openLine(key: Buffer, rel: string, line: string): string | null {
  if (!line.startsWith(LINE_PREFIX)) return null
  try {
    return openBytes(key, rel, Buffer.from(line.slice(LINE_PREFIX.length), 'base64'), 'line').toString('utf8')
  } catch {
    return null
  }
}

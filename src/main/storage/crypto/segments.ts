/**
 * Sealed blobs: evidence files sealed in independent 64 KiB segments, so a
 * byte range (the video player seeking) opens only the segments it touches,
 * and a 4 GB import never sits in memory.
 *
 * Layout: header | segment 0 | segment 1 | ...
 *   header  = MAGIC 'CFB1' (4) | version (1) | salt (32) | plain length (8, BE) | header tag (16)
 *   segment = AES-256-GCM(ciphertext of up to 64 KiB) | tag (16)
 *
 * Each blob gets its own key, HKDF-SHA256(data key, random 256-bit salt), so the
 * segment nonce can simply be the segment index (never repeated under one key)
 * and the index is also in the segment's associated data: segments cannot be
 * reordered, and segments of another blob (another key) never open here.
 * The header tag (GCM over no plaintext) binds the salt and the plain length to
 * the blob's workspace-relative path (blobs/<sha256>): a blob swapped for another,
 * cut short or extended fails. The SHA-256 in the name stays the hash of the
 * original bytes, so custody and verification mean what they meant before.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { aadPath, damagedError, TAG_BYTES } from './seal'

export const BLOB_MAGIC = Buffer.from('CFB1', 'ascii')
export const BLOB_VERSION = 1
export const SEGMENT_BYTES = 64 * 1024
const SALT_BYTES = 32
const SEALED_PART = BLOB_MAGIC.length + 1 + SALT_BYTES + 8
export const BLOB_HEADER_BYTES = SEALED_PART + TAG_BYTES
export const SEALED_SEGMENT = SEGMENT_BYTES + TAG_BYTES

const subkey = (key: Buffer, salt: Buffer) => Buffer.from(hkdfSync('sha256', key, salt, 'casefile blob v1', 32))

/** Segment nonces are 0 || index; the header's is all ones in its first word, so never a segment's. */
function nonceFor(index: number | 'header'): Buffer {
  const n = Buffer.alloc(12)
  if (index === 'header') n.writeUInt32BE(0xffffffff, 0)
  else n.writeBigUInt64BE(BigInt(index), 4)
  return n
}

const segmentAad = (index: number) => {
  const a = Buffer.alloc(8 + 19)
  a.write('casefile:segment:v1', 0, 'ascii')
  a.writeBigUInt64BE(BigInt(index), 19)
  return a
}

function headerTag(k: Buffer, rel: string, sealedPart: Buffer): Buffer {
  const c = createCipheriv('aes-256-gcm', k, nonceFor('header'))
  c.setAAD(Buffer.concat([Buffer.from(`casefile:blob:v1:${aadPath(rel)}`, 'utf8'), sealedPart]))
  c.final()
  return c.getAuthTag()
}

/** Size on disk of a sealed blob of `plain` bytes. */
export const sealedSize = (plain: number): number =>
  BLOB_HEADER_BYTES + plain + Math.ceil(plain / SEGMENT_BYTES) * TAG_BYTES

/** One blob's own key and the salt it was derived with: what a sealing thread needs, never the data key. */
export interface BlobKey {
  key: Uint8Array
  salt: Uint8Array
}

/** A new blob's key: HKDF of the data key and a fresh salt. */
export function newBlobKey(dataKey: Buffer): BlobKey {
  const salt = randomBytes(SALT_BYTES)
  return { key: subkey(dataKey, salt), salt }
}

/**
 * Seals, in place, the segments laid out in `buf` as they lie on disk: segment j's plain bytes at
 * j × SEALED_SEGMENT, followed by room for its tag; `plainBytes` in all, segment `first` first. What a pool
 * of buffers passed between threads needs: no buffer the size of a chunk is allocated per chunk.
 */
export function sealInPlace(key: Uint8Array, first: number, buf: Uint8Array, plainBytes: number): void {
  for (let j = 0, left = plainBytes; left > 0; j++) {
    const len = Math.min(SEGMENT_BYTES, left)
    const at = j * SEALED_SEGMENT
    const c = createCipheriv('aes-256-gcm', key, nonceFor(first + j))
    c.setAAD(segmentAad(first + j))
    buf.set(c.update(buf.subarray(at, at + len)), at)
    c.final()
    buf.set(c.getAuthTag(), at + len)
    left -= len
  }
}

/** The header of a blob of `plain` bytes sealed under `blobKey`, for its final place `rel` (bound in). */
export function blobHeader(blobKey: BlobKey, plain: number, rel: string): Buffer {
  const part = Buffer.alloc(SEALED_PART)
  BLOB_MAGIC.copy(part, 0)
  part[4] = BLOB_VERSION
  part.set(blobKey.salt, 5)
  part.writeBigUInt64BE(BigInt(plain), 5 + SALT_BYTES)
  return Buffer.concat([part, headerTag(Buffer.from(blobKey.key), rel, part)])
}

/** A sealed blob opened for reading: its plain size, and byte ranges of the original. */
export interface SealedBlob {
  readonly size: number
  /** Plain bytes start..end (inclusive), a segment or less at a time. */
  range(start: number, end: number): AsyncGenerator<Buffer>
}

/** Reads and checks the header: the blob must be the one its path names, of the length it says. */
export async function openSealedBlob(dataKey: Buffer, rel: string, fh: FileHandle): Promise<SealedBlob> {
  const { size: onDisk } = await fh.stat()
  const head = Buffer.alloc(BLOB_HEADER_BYTES)
  const { bytesRead } = await fh.read(head, 0, BLOB_HEADER_BYTES, 0)
  if (bytesRead < BLOB_HEADER_BYTES || !head.subarray(0, 4).equals(BLOB_MAGIC) || head[4] !== BLOB_VERSION)
    throw damagedError(rel)
  const salt = head.subarray(5, 5 + SALT_BYTES)
  const plain = Number(head.readBigUInt64BE(5 + SALT_BYTES))
  const key = subkey(dataKey, Buffer.from(salt))
  if (!headerTag(key, rel, head.subarray(0, SEALED_PART)).equals(head.subarray(SEALED_PART))) throw damagedError(rel)
  // The length is authenticated; a file of another size was cut or extended.
  if (onDisk !== sealedSize(plain)) throw damagedError(rel)

  async function openSegment(i: number): Promise<Buffer> {
    const len = Math.min(SEGMENT_BYTES, plain - i * SEGMENT_BYTES)
    const buf = Buffer.alloc(len + TAG_BYTES)
    const { bytesRead: got } = await fh.read(buf, 0, buf.length, BLOB_HEADER_BYTES + i * SEALED_SEGMENT)
    if (got !== buf.length) throw damagedError(rel)
    try {
      const d = createDecipheriv('aes-256-gcm', key, nonceFor(i))
      d.setAAD(segmentAad(i))
      d.setAuthTag(buf.subarray(len))
      return Buffer.concat([d.update(buf.subarray(0, len)), d.final()])
    } catch {
      throw damagedError(rel)
    }
  }

  return {
    size: plain,
    async *range(start: number, end: number) {
      if (plain === 0 || end < start) return
      const last = Math.min(end, plain - 1)
      for (let i = Math.floor(start / SEGMENT_BYTES); i * SEGMENT_BYTES <= last; i++) {
        const seg = await openSegment(i)
        const from = Math.max(0, start - i * SEGMENT_BYTES)
        const to = Math.min(seg.length, last - i * SEGMENT_BYTES + 1)
        yield seg.subarray(from, to)
      }
    },
  }
}

/** Whether the file's header opens as the blob at `rel` (the migration's "already sealed?" test). */
export async function isSealedBlob(dataKey: Buffer, rel: string, fh: FileHandle): Promise<boolean> {
  try {
    await openSealedBlob(dataKey, rel, fh)
    return true
  } catch {
    return false
  }
}

/**
 * Reading a stored blob whether or not its workspace is encrypted: its original
 * size and any byte range of its original bytes. Everything that reads evidence
 * back (the blob protocol's Range answers, verification's re-hash, the memo's
 * images) reads through here, so none of them needs to know about sealing.
 */
import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { openSealedBlob } from './segments'
import { vaultFor } from './vault'

export interface BlobFile {
  /** Size of the original bytes. */
  readonly size: number
  /** Original bytes start..end inclusive, in pieces of at most `piece` bytes. */
  range(start: number, end: number, piece?: number): AsyncGenerator<Buffer>
  close(): Promise<void>
}

/** Opens the blob at `abs` (the caller has checked that the path is the workspace's own). */
export async function openBlobFile(abs: string): Promise<BlobFile> {
  // O_NONBLOCK: a FIFO put where a blob should be opens at once (and fails the check below) instead of hanging.
  const fh: FileHandle = await open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const info = await fh.stat()
    if (!info.isFile()) throw Object.assign(new Error(`${abs} is not a file`), { code: 'ENOENT' })
    const vault = vaultFor(abs)
    if (vault) {
      const sealed = await openSealedBlob(vault.key, vault.rel, fh)
      return { size: sealed.size, range: (s, e) => sealed.range(s, e), close: () => fh.close() }
    }
    return {
      size: info.size,
      async *range(start, end, piece = 1024 * 1024) {
        for (let pos = start; pos <= end;) {
          const buf = Buffer.allocUnsafe(Math.min(piece, end - pos + 1))
          const { bytesRead } = await fh.read(buf, 0, buf.length, pos)
          if (bytesRead === 0) return
          yield buf.subarray(0, bytesRead)
          pos += bytesRead
        }
      },
      close: () => fh.close(),
    }
  } catch (e) {
    await fh.close()
    throw e
  }
}

/** Original bytes `start` up to (not including) `end` of an open blob, in one buffer; fewer at its end. */
export async function bytesOf(blob: BlobFile, start: number, end: number): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const p of blob.range(start, Math.min(end, blob.size) - 1)) parts.push(p)
  return parts.length === 1 ? parts[0] : Buffer.concat(parts)
}

/** The whole original content of a (small) blob: a memo's image, the letterhead's logo. */
export async function readBlobFile(abs: string): Promise<Buffer> {
  const blob = await openBlobFile(abs)
  try {
    return await bytesOf(blob, 0, blob.size)
  } finally {
    await blob.close()
  }
}

/** SHA-256 of a blob's original bytes (a sealed one opened segment by segment). */
export async function hashBlobFile(abs: string): Promise<string> {
  const hash = createHash('sha256')
  const blob = await openBlobFile(abs)
  try {
    for await (const part of blob.range(0, blob.size - 1)) hash.update(part)
  } finally {
    await blob.close()
  }
  return hash.digest('hex')
}

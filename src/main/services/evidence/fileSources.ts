/**
 * A FileSource for a file the evidence service holds or is importing: a plain
 * file read where it lies, or a sealed blob opened segment by segment, its
 * original bytes lent on loopback to the external tools (plainLoopback.ts).
 */
import { readFile } from 'node:fs/promises'
import { bytesOf, openBlobFile } from '@main/storage/crypto/blobFiles'
import { vaultFor } from '@main/storage/crypto/vault'
import { WHOLE_READ_LIMIT, type FileSource } from '../verification/fileSource'
import { lendPlainBytes } from './plainLoopback'

/** Runs `use` with the file at `path` open for reading; closed (and the loan ended) when it returns. */
export async function withFileSource<T>(path: string, use: (src: FileSource) => Promise<T>): Promise<T> {
  const blob = await openBlobFile(path)
  try {
    const sealed = !!vaultFor(path)
    async function read(pos: number, len: number): Promise<Buffer> {
      // A lock mid-examination ends it: the key is gone for everyone else, so for the readers too.
      if (sealed && !vaultFor(path)) throw new Error('the workspace was locked')
      return bytesOf(blob, pos, pos + len)
    }
    async function all(): Promise<Buffer> {
      if (blob.size > WHOLE_READ_LIMIT)
        throw new Error(
          `the file is ${Math.round(blob.size / 1e6)} MB; it is read whole only up to ${WHOLE_READ_LIMIT / 1024 / 1024} MiB`,
        )
      // A plain file in one read, not gathered from pieces (a 500 MB video would be held twice).
      return sealed ? read(0, blob.size) : readFile(path)
    }
    const base = { size: blob.size, read, all }
    if (!sealed) return await use({ ...base, path, toolInput: path })
    return await lendPlainBytes(path, (url) => use({ ...base, toolInput: url }))
  } finally {
    await blob.close()
  }
}

import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BlobWriter,
  blobPresent,
  hashFile,
  keepBlob,
  storeFile,
  sweepIncoming,
  withdrawBlob,
} from '@main/services/evidence/blobStore'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function fixture(bytes: Buffer, name = 'clip.mp4') {
  const dir = await tempDir()
  const src = join(dir, name)
  await writeFile(src, bytes)
  return { dir, src, blobs: join(dir, 'blobs') }
}

const sha256sum = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0]

describe('blob store', () => {
  it('stores a file under the SHA-256 that sha256sum computes, read-only, with the same bytes', async () => {
    // Not a multiple of the read size, so the last partial chunk is covered too.
    const bytes = randomBytes(5 * 1024 * 1024 + 123)
    const { src, blobs } = await fixture(bytes)
    const stored = await storeFile(blobs, src, { readSize: 1024 * 1024 })
    expect(stored.sha256).toBe(sha256sum(src))
    expect(stored.size).toBe(bytes.length)
    expect(stored.existed).toBe(false)
    const path = join(blobs, stored.sha256)
    expect((await readFile(path)).equals(bytes)).toBe(true)
    expect((await stat(path)).mode & 0o777).toBe(0o444)
    expect(await hashFile(path)).toBe(stored.sha256)
    expect(await readdir(blobs)).toEqual([stored.sha256])
  })

  it('hashes an empty file like sha256sum does', async () => {
    const { src, blobs } = await fixture(Buffer.alloc(0), 'empty.txt')
    const stored = await storeFile(blobs, src)
    expect(stored).toMatchObject({ sha256: sha256sum(src), size: 0 })
  })

  it('stores identical bytes once', async () => {
    const bytes = randomBytes(300_000)
    const { dir, src, blobs } = await fixture(bytes)
    const copy = join(dir, 'renamed-copy.bin')
    await writeFile(copy, bytes)
    const a = await storeFile(blobs, src)
    const b = await storeFile(blobs, copy)
    expect(b.sha256).toBe(a.sha256)
    expect(b.existed).toBe(true)
    expect(await readdir(blobs)).toEqual([a.sha256])
  })

  it('reports progress up to the full size', async () => {
    const bytes = randomBytes(3 * 1024 * 1024)
    const { src, blobs } = await fixture(bytes)
    const seen: [number, number][] = []
    await storeFile(blobs, src, { readSize: 256 * 1024, onProgress: (done, total) => seen.push([done, total]) })
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(seen[0][1]).toBe(bytes.length)
    expect(seen.at(-1)).toEqual([bytes.length, bytes.length])
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0])
  })

  it('on cancel removes the temp file and stores nothing', async () => {
    const bytes = randomBytes(16 * 1024 * 1024)
    const { src, blobs } = await fixture(bytes)
    const abort = new AbortController()
    const attempt = storeFile(blobs, src, {
      readSize: 64 * 1024,
      signal: abort.signal,
      onProgress: () => abort.abort(), // the first report comes after the first chunk
    })
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(await readdir(blobs)).toEqual([])
  })

  it('refuses a folder and a missing file', async () => {
    const { dir, blobs } = await fixture(Buffer.from('x'))
    await expect(storeFile(blobs, dir)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(storeFile(blobs, join(dir, 'nope'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a pushed writer (uploads) gives the same hash, and abort leaves nothing', async () => {
    const bytes = randomBytes(2_000_000)
    const { src, blobs } = await fixture(bytes)
    const w = await BlobWriter.create(blobs)
    for (let off = 0; off < bytes.length; off += 333_333) await w.write(Buffer.from(bytes.subarray(off, off + 333_333)))
    expect((await w.commit()).sha256).toBe(sha256sum(src))
    const w2 = await BlobWriter.create(blobs)
    await w2.write(Buffer.from('partial'))
    await w2.abort()
    expect((await readdir(blobs)).length).toBe(1)
  })
})

describe('temp files left by an interrupted import', () => {
  it('are swept when they belong to another process, never a blob or our own', async () => {
    const { blobs, src } = await fixture(randomBytes(1000))
    const stored = await storeFile(blobs, src)
    await writeFile(join(blobs, '.incoming-999999999-abcdef'), 'half a file')
    await writeFile(join(blobs, `.incoming-${process.pid}-abcdef`), 'in flight')
    expect(await sweepIncoming(blobs)).toBe(1)
    expect((await readdir(blobs)).sort()).toEqual([`.incoming-${process.pid}-abcdef`, stored.sha256].sort())
  })
})

describe('a blob an import could not use', () => {
  it('is taken back when this import wrote it and nothing else placed or looked up the same bytes since', async () => {
    const { src, blobs } = await fixture(Buffer.from('cancelled import'))
    const stored = await storeFile(blobs, src, { watch: true })
    expect(await withdrawBlob(blobs, stored)).toBe(true)
    expect(await readdir(blobs)).toEqual([])
    // Not watched (placed without `watch`), or there before: never taken.
    const plain = await storeFile(blobs, src)
    expect(await withdrawBlob(blobs, plain)).toBe(false)
    const again = await storeFile(blobs, src, { watch: true })
    expect(again.existed).toBe(true)
    expect(await withdrawBlob(blobs, again)).toBe(false)
    expect(await readdir(blobs)).toEqual([plain.sha256])
  })

  it('stays once the same bytes were looked up or placed again meanwhile, or the import kept it', async () => {
    const { src, blobs } = await fixture(Buffer.from('wanted elsewhere'))
    const looked = await storeFile(blobs, src, { watch: true })
    expect(await blobPresent(blobs, looked.sha256)).toBe(true)
    expect(await withdrawBlob(blobs, looked)).toBe(false)

    const other = await fixture(Buffer.from('placed twice'))
    const first = await storeFile(other.blobs, other.src, { watch: true })
    expect((await storeFile(other.blobs, other.src)).existed).toBe(true)
    expect(await withdrawBlob(other.blobs, first)).toBe(false)

    const third = await fixture(Buffer.from('kept'))
    const kept = await storeFile(third.blobs, third.src, { watch: true })
    keepBlob(kept)
    expect(await withdrawBlob(third.blobs, kept)).toBe(false)
    for (const [dir, sha] of [
      [blobs, looked.sha256],
      [other.blobs, first.sha256],
      [third.blobs, kept.sha256],
    ])
      expect(await readdir(dir)).toEqual([sha])
  })

  it('a placement of the same bytes during the withdrawal waits for it, then stores them anew', async () => {
    const { src, blobs } = await fixture(Buffer.from('back again'))
    const stored = await storeFile(blobs, src, { watch: true })
    const withdrawal = withdrawBlob(blobs, stored)
    const placed = storeFile(blobs, src)
    expect(await withdrawal).toBe(true)
    expect(await placed).toMatchObject({ sha256: stored.sha256, existed: false })
    expect(await readdir(blobs)).toEqual([stored.sha256])
  })
})

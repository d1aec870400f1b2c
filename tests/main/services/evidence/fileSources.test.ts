/**
 * fileSources.ts: what the analyser reads of a file, plain or sealed. Ranges
 * across the sealed segments give the original bytes; the loopback lives only
 * while the reading does; a lock ends the reading at once.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withFileSource } from '@main/services/evidence/fileSources'
import { WHOLE_READ_LIMIT } from '@main/services/verification/fileSource'
import { openWorkspace } from '@main/services/index'
import { SEGMENT_BYTES } from '@main/storage/crypto/segments'
import { dropVault } from '@main/storage/crypto/vault'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const PASS = 'a long enough passphrase'
const BYTES = randomBytes(3 * SEGMENT_BYTES + 123)

/** Ranges as the readers ask for them: within a segment, across their bounds, at and past the end. */
const cuts: [number, number][] = [
  [0, 16],
  [SEGMENT_BYTES - 5, 10],
  [SEGMENT_BYTES, SEGMENT_BYTES],
  [SEGMENT_BYTES + 1, 2 * SEGMENT_BYTES + 50],
  [BYTES.length - 7, 100],
  [BYTES.length, 16],
  [BYTES.length + 10, 16],
]

describe('the file an examination reads', () => {
  it('a plain file: its path for the tools, and any range of its bytes', async () => {
    const dir = await tempDir()
    const path = join(dir, 'plain.bin')
    await writeFile(path, BYTES)
    await withFileSource(path, async (src) => {
      expect(src).toMatchObject({ size: BYTES.length, path, toolInput: path })
      for (const [pos, len] of cuts) expect(await src.read(pos, len)).toEqual(BYTES.subarray(pos, pos + len))
      expect(await src.all()).toEqual(BYTES)
    })
  })

  it('a FIFO where the file should be: refused at once, not waited on', async () => {
    const dir = await tempDir()
    const fifo = join(dir, 'a'.repeat(64))
    execFileSync('mkfifo', [fifo])
    await expect(withFileSource(fifo, async () => 'read')).rejects.toThrow(/is not a file/)
  })

  it('refuses to hold a file past the limit in memory whole, and still reads it by range', async () => {
    const dir = await tempDir()
    const path = join(dir, 'sparse.bin')
    await writeFile(path, '')
    await truncate(path, WHOLE_READ_LIMIT + 1) // sparse: no disk used
    await withFileSource(path, async (src) => {
      await expect(src.all()).rejects.toThrow('the file is 537 MB; it is read whole only up to 512 MiB')
      expect(await src.read(WHOLE_READ_LIMIT - 2, 8)).toEqual(Buffer.alloc(3))
    })
    // At the limit itself it is still read whole.
    await truncate(path, WHOLE_READ_LIMIT)
    await withFileSource(path, async (src) => expect((await src.all()).length).toBe(WHOLE_READ_LIMIT))
  })

  it('a sealed blob: its original bytes by range, a loopback URL only while it is read, nothing once locked', async () => {
    const root = await tempDir()
    await encryptWorkspace(root, PASS, { cost: { N: 2 ** 10, r: 8, p: 1 } })
    const s = await openWorkspace(root, { unlock: { passphrase: PASS }, analysis: false })
    let url = ''
    try {
      const c = await s.cases.create({ title: 'Sealed' })
      const item = await s.evidence.importBytes(c.id, [BYTES], 'random.bin')
      const blob = await s.evidence.blobPath(item.file!.sha256)
      await withFileSource(blob, async (src) => {
        expect(src.path).toBeUndefined()
        expect(src.size).toBe(BYTES.length)
        for (const [pos, len] of cuts) expect(await src.read(pos, len)).toEqual(BYTES.subarray(pos, pos + len))
        expect(await src.all()).toEqual(BYTES)
        url = src.toolInput
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{64}$/)
        const lent = await fetch(url, { headers: { Range: 'bytes=65530-65545' } })
        expect(Buffer.from(await lent.arrayBuffer())).toEqual(BYTES.subarray(65530, 65546))
      })
      // The loan ended with the reading.
      await expect(fetch(url)).rejects.toThrow()

      await withFileSource(blob, async (src) => {
        dropVault(root) // what the app lock does
        await expect(src.read(0, 16)).rejects.toThrow(/locked/)
        expect((await fetch(src.toolInput)).status).toBe(404)
      })
    } finally {
      await s.close()
    }
  })
})

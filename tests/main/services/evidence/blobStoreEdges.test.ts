/**
 * The blob store at its edges: which syncs a durable store makes (and a benchmark's
 * non-durable one does not), file systems without hard links, a writer used after it
 * is done, and every way a blob name or path is refused. Found by mutation testing
 * (CASEFILE_MUTATE=blobs): each test here failed a mutant that the rest let live.
 */
import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, truncateSync } from 'node:fs'
import { chmod, mkdir, readdir, readFile, statfs, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  assertRoomFor,
  blobPathIn,
  BlobWriter,
  containedBlobPath,
  hashFile,
  humanBytes,
  SHA256_HEX,
  storeFile,
  sweepIncoming,
} from '@main/services/evidence/blobStore'
import { KEYS_FILE } from '@main/storage/crypto/keyfile'
import { dropVault, registerVault } from '@main/storage/crypto/vault'
import { withFault } from '../../../helpers/faults'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function fixture(bytes: Buffer) {
  const root = await tempDir()
  const src = join(await tempDir('casefile-src-'), 'clip.bin')
  await writeFile(src, bytes)
  return { root, src, blobs: join(root, 'blobs') }
}

describe('a durable store syncs, a benchmark store does not', () => {
  for (const step of ['sync', 'syncDir'] as const)
    it(`${step}: a failure fails a durable store; a store told not to sync never calls it`, async () => {
      const { src, blobs } = await fixture(randomBytes(100_000))
      const inBlobs = (p: string) => p.startsWith(blobs)
      await withFault({ step, fault: 'EIO', match: inBlobs }, async (inj) => {
        await expect(storeFile(blobs, src)).rejects.toMatchObject({ code: 'EIO' })
        expect(inj.hits).toBe(1)
      })
      await withFault({ step, fault: 'EIO', match: inBlobs }, async (inj) => {
        await storeFile(join(blobs, '..', 'blobs-nosync'), src, { durable: false })
        expect(inj.hits).toBe(0)
      })
    })

  it('syncs the data in the background every 64 MiB, and not before', async () => {
    const { root, src, blobs } = await fixture(randomBytes(64 * 1024 * 1024 + 1))
    const small = join(root, 'small.bin')
    await writeFile(small, randomBytes(60 * 1024 * 1024))
    const inBlobs = (p: string) => p.startsWith(blobs)
    await withFault({ step: 'datasync', fault: 'EIO', match: inBlobs }, async (inj) => {
      await storeFile(blobs, small)
      expect(inj.hits).toBe(0)
      await expect(storeFile(blobs, src)).rejects.toMatchObject({ code: 'EIO' })
      expect(inj.hits).toBe(1)
    })
    expect((await readdir(blobs)).filter((n) => n.startsWith('.incoming'))).toEqual([])
  }, 60_000)
})

describe('placing a blob', () => {
  it('on a file system without hard links renames instead, and keeps a blob already there', async () => {
    const bytes = randomBytes(10_000)
    const { src, blobs } = await fixture(bytes)
    for (const fault of ['EPERM'] as const) {
      await withFault({ step: 'link', fault, sticky: true }, async (inj) => {
        const first = await storeFile(blobs, src)
        expect(first).toMatchObject({ sha256: sha(bytes), existed: false })
        const again = await storeFile(blobs, src)
        expect(again.existed).toBe(true)
        expect(inj.hits).toBe(2)
      })
    }
    expect(await readdir(blobs)).toEqual([sha(bytes)])
    expect((await readFile(join(blobs, sha(bytes)))).equals(bytes)).toBe(true)
  })

  it('says so when the same bytes were stored before, and leaves no temp file', async () => {
    const { src, blobs } = await fixture(randomBytes(1000))
    expect((await storeFile(blobs, src)).existed).toBe(false)
    expect((await storeFile(blobs, src)).existed).toBe(true)
    expect((await readdir(blobs)).length).toBe(1)
  })
})

describe('a writer once done', () => {
  it('takes no more bytes and is not committed twice', async () => {
    const { blobs } = await fixture(Buffer.alloc(0))
    const w = await BlobWriter.create(blobs)
    await w.write(Buffer.from('once'))
    await w.commit()
    await expect(w.write(Buffer.from('again'))).rejects.toThrow('blob writer is closed')
    await expect(w.commit()).rejects.toThrow('blob writer is closed')
    expect(await readdir(blobs)).toEqual([sha(Buffer.from('once'))])
  })
})

describe('a store that cannot start', () => {
  it('is cancelled before a folder or a byte is made when the signal has already fired', async () => {
    const { src, blobs } = await fixture(randomBytes(1000))
    const abort = new AbortController()
    abort.abort()
    await expect(storeFile(blobs, src, { signal: abort.signal })).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(readdir(blobs)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a file that grows or shrinks while it is copied, storing nothing', async () => {
    for (const change of [
      (src: string) => appendFileSync(src, 'more of the recording'),
      (src: string) => truncateSync(src, 1000),
    ]) {
      const { src, blobs } = await fixture(randomBytes(2 * 1024 * 1024))
      let changed = false
      const attempt = storeFile(blobs, src, {
        readSize: 64 * 1024,
        // The first report comes after the first chunk: the file changes under the copy.
        onProgress: () => {
          if (!changed) change(src)
          changed = true
        },
      })
      await expect(attempt).rejects.toMatchObject({
        code: 'VALIDATION',
        text: { key: 'errMedia:changedWhileCopied', values: { name: 'clip.bin', before: 2 * 1024 * 1024 } },
      })
      expect(await readdir(blobs)).toEqual([])
    }
  })

  it('names a source path that runs through a file as not found', async () => {
    const { src, blobs } = await fixture(randomBytes(10))
    await expect(storeFile(blobs, join(src, 'inside'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      text: { key: 'errMedia:cannotReadNoSuch' },
    })
  })

  it('says sizes in the unit a person reads', () => {
    expect(humanBytes(0)).toBe('0 bytes')
    expect(humanBytes(999_999)).toBe('999999 bytes')
    expect(humanBytes(1_000_000)).toBe('1.0 MB')
    expect(humanBytes(12_345_678)).toBe('12.3 MB')
    expect(humanBytes(1e9)).toBe('1.0 GB')
    expect(humanBytes(4_700_000_000)).toBe('4.7 GB')
  })

  it('refuses a file larger than the disk can take, in units a person reads', async () => {
    const { blobs } = await fixture(Buffer.alloc(0))
    const fs = await statfs(join(blobs, '..'))
    const free = fs.bavail * fs.bsize
    const refused = assertRoomFor(blobs, free + 5e9, 'film.mov')
    await expect(refused).rejects.toMatchObject({ code: 'IO', text: { key: 'errMedia:enoughFreeDiskSpace' } })
    const { values } = ((await refused.catch((e: unknown) => e)) as { text: { values: Record<string, string> } }).text
    expect(values.human).toMatch(/^\d+\.\d GB$/)
    expect(Number(values.human.split(' ')[0])).toBeCloseTo((free + 5e9) / 1e9, 0)
    expect(values.human2).toMatch(/^\d+(\.\d)? (GB|MB|bytes)$/)
    await expect(assertRoomFor(blobs, 1_000, 'note.txt')).resolves.toBeUndefined()
  })
})

describe('in an encrypted workspace', () => {
  it('a sealed blob is hashed over its original bytes; one altered on disk is hashed as it lies', async () => {
    const bytes = randomBytes(200_000)
    const { root, src, blobs } = await fixture(bytes)
    registerVault(root, randomBytes(32))
    try {
      const stored = await storeFile(blobs, src)
      const path = join(blobs, stored.sha256)
      expect((await readFile(path)).includes(bytes.subarray(0, 64))).toBe(false)
      expect(await hashFile(path)).toBe(sha(bytes))
      await chmod(path, 0o644)
      const sealed = await readFile(path)
      sealed[sealed.length - 5] ^= 1
      await writeFile(path, sealed)
      expect(await hashFile(path)).toBe(sha(sealed))
    } finally {
      dropVault(root)
    }
  })

  it('while locked (keys.json there, no key held) not a byte is written, in the clear or at all', async () => {
    const { root, blobs } = await fixture(Buffer.alloc(0))
    await writeFile(join(root, KEYS_FILE), '{}')
    await expect(BlobWriter.create(blobs)).rejects.toMatchObject({ code: 'LOCKED' })
    expect(await readdir(blobs).catch(() => [])).toEqual([])
  })
})

describe('blob names and paths', () => {
  const good = 'a'.repeat(64)

  it('a name is exactly 64 lowercase hex digits', () => {
    expect(SHA256_HEX.test(good)).toBe(true)
    for (const bad of [`x${good}`, `${good}x`, good.slice(1), good.toUpperCase(), `../${good.slice(3)}`])
      expect(SHA256_HEX.test(bad), bad).toBe(false)
    expect(() => blobPathIn('/ws/blobs', `${good}/..`)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(blobPathIn('/ws/blobs', good)).toBe(join('/ws/blobs', good))
  })

  it('a stored blob is found inside the workspace; a bad name, a missing one or a loop is not found', async () => {
    const { root, src, blobs } = await fixture(Buffer.from('evidence'))
    const stored = await storeFile(blobs, src)
    expect(await containedBlobPath(root, stored.sha256)).toBe(join(blobs, stored.sha256))
    for (const name of ['nope', `${stored.sha256}x`, good]) {
      await expect(containedBlobPath(root, name), name).rejects.toMatchObject({
        code: 'NOT_FOUND',
        text: { key: 'errMedia:noSuchBlob' },
      })
    }
    const loop = 'b'.repeat(64)
    await symlink(join(blobs, loop), join(blobs, loop))
    await expect(containedBlobPath(root, loop)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a blob or a blobs folder that leads out of the workspace is refused, by name', async () => {
    const { root, src, blobs } = await fixture(Buffer.from('evidence'))
    await storeFile(blobs, src)
    const outside = await tempDir('casefile-outside-')
    const secret = join(outside, 'secret')
    await writeFile(secret, 'not evidence')
    const planted = 'c'.repeat(64)
    await symlink(secret, join(blobs, planted))
    await expect(containedBlobPath(root, planted)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      text: { key: 'errMedia:blobLeadsOutsideBlob' },
    })

    const other = await tempDir()
    await mkdir(join(outside, 'blobs'))
    await symlink(join(outside, 'blobs'), join(other, 'blobs'))
    await expect(containedBlobPath(other, planted)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      text: { key: 'errMedia:blobsFolderLeadsOutside' },
    })
    // A blobs that is a file: nothing in it.
    const third = await tempDir()
    await writeFile(join(third, 'blobs'), 'a file')
    await expect(containedBlobPath(third, planted)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('sweeping temp files', () => {
  it('takes only whole names of the writer’s form', async () => {
    const { blobs, src } = await fixture(randomBytes(100))
    await storeFile(blobs, src)
    const keep = ['x.incoming-999999999-abcdef', '.incoming-999999999-abcdef.keep', '.incoming-x-abcdef']
    for (const name of keep) await writeFile(join(blobs, name), 'not ours')
    expect(await sweepIncoming(blobs)).toBe(0)
    expect((await readdir(blobs)).filter((n) => keep.includes(n)).sort()).toEqual([...keep].sort())
    expect(await sweepIncoming(join(blobs, 'missing'))).toBe(0)
  })
})

/**
 * The storage layer's fault tests, in an encrypted workspace: a durable write or a
 * blob import that fails at any step leaves the previous sealed file opening to
 * its old content, and no temp file; a short write is continued and still opens.
 */
import { randomBytes } from 'node:crypto'
import { readdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { storeFile } from '@main/services/evidence/blobStore'
import { readBlobFile } from '@main/storage/crypto/blobFiles'
import { SEAL_IN_THREAD_FROM } from '@main/storage/crypto/sealThread'
import { dropVault, isEncrypted, registerVault, vaultFor } from '@main/storage/crypto/vault'
import { durableWriteFile } from '@main/storage/durableWrite'
import { readRegularFile } from '@main/storage/safeRead'
import { ERRNOS, withFault } from '../../../helpers/faults'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const roots: string[] = []
afterEach(() => roots.splice(0).forEach(dropVault))

async function encryptedDir() {
  const dir = await tempDir()
  registerVault(dir, randomBytes(32))
  roots.push(dir)
  return dir
}

describe('encrypted durable writes under I/O faults', () => {
  for (const step of ['open', 'write', 'sync', 'rename'] as const)
    for (const fault of [...ERRNOS, 'full'] as const) {
      if (fault === 'full' && step !== 'write') continue
      it(`${fault} at ${step}: rejects, the previous sealed file still opens to its content, no temp file`, async () => {
        const dir = await encryptedDir()
        const file = join(dir, 'case.json')
        await durableWriteFile(file, '{"old":true}')
        await withFault({ step, fault, match: (p) => p.startsWith(dir) }, async (inj) => {
          await expect(durableWriteFile(file, JSON.stringify({ new: 'x'.repeat(10_000) }))).rejects.toMatchObject({
            code: fault === 'full' ? 'ENOSPC' : fault,
          })
          expect(inj.hits).toBeGreaterThan(0)
        })
        expect((await readRegularFile(file)).toString()).toBe('{"old":true}')
        expect(await readdir(dir)).toEqual(['case.json'])
      })
    }

  it('a short write is continued, and the sealed file opens', async () => {
    const dir = await encryptedDir()
    const file = join(dir, 'case.json')
    const data = JSON.stringify({ big: 'y'.repeat(100_000) })
    await withFault({ step: 'write', fault: 'short', match: (p) => p.startsWith(dir) }, async () => {
      await durableWriteFile(file, data)
    })
    expect((await readRegularFile(file)).toString()).toBe(data)
  })
})

describe('encrypted blob imports under I/O faults', () => {
  for (const step of ['write', 'sync', 'link'] as const)
    for (const fault of ERRNOS) {
      // EPERM at link means "no hard links here": the import falls back to a rename, by design.
      if (step === 'link' && fault === 'EPERM') continue
      it(`${fault} at ${step}: nothing stored, no temp file; the next import opens to the original bytes`, async () => {
        const dir = await encryptedDir()
        const blobs = join(dir, 'blobs')
        const src = join(await tempDir('casefile-src-'), 'video.bin')
        const bytes = randomBytes(700_000)
        await writeFile(src, bytes)
        await withFault({ step, fault, match: (p) => p.startsWith(blobs) }, async () => {
          await expect(storeFile(blobs, src)).rejects.toMatchObject({ code: fault })
        })
        expect(await readdir(blobs)).toEqual([])
        const stored = await storeFile(blobs, src)
        expect((await readBlobFile(join(blobs, stored.sha256))).equals(bytes)).toBe(true)
      })
    }
})

describe('a large encrypted import, sealed in its own thread, under I/O faults', () => {
  for (const step of ['write', 'sync'] as const)
    it(`ENOSPC at ${step}: nothing stored, no temp file; the next import opens to the original bytes`, async () => {
      const dir = await encryptedDir()
      const blobs = join(dir, 'blobs')
      const src = join(await tempDir('casefile-src-'), 'video.bin')
      const bytes = randomBytes(SEAL_IN_THREAD_FROM + 12_345)
      await writeFile(src, bytes)
      await withFault({ step, fault: 'ENOSPC', match: (p) => p.startsWith(blobs) }, async (inj) => {
        await expect(storeFile(blobs, src)).rejects.toMatchObject({ code: 'ENOSPC' })
        expect(inj.hits).toBeGreaterThan(0)
      })
      expect(await readdir(blobs)).toEqual([])
      const stored = await storeFile(blobs, src)
      expect((await readBlobFile(join(blobs, stored.sha256))).equals(bytes)).toBe(true)
    })
})

describe('a workspace reached through a link', () => {
  it('is found by its real path too (the blob reader resolves links), and the key goes with the last holder', async () => {
    const real = await tempDir()
    const link = join(await tempDir(), 'ws-link')
    await symlink(real, link)
    registerVault(link, randomBytes(32))
    registerVault(link, randomBytes(32))
    expect(vaultFor(join(link, 'blobs', 'x'))?.rel).toBe('blobs/x')
    expect(vaultFor(join(await realpath(real), 'blobs', 'x'))?.rel).toBe('blobs/x')
    dropVault(link)
    expect(isEncrypted(link)).toBe(true)
    dropVault(link)
    expect(vaultFor(join(real, 'blobs', 'x'))).toBeNull()
  })
})

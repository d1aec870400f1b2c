/**
 * The workspace's signing key is sealed like every other file of an encrypted
 * workspace, whether it was made before the encryption (the migration seals it)
 * or after (it is written sealed); it signs the same either way, and comes back
 * as plain PEM when the workspace is decrypted.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { decryptWorkspace, encryptWorkspace } from '@main/storage/crypto/migrate'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const FAST = { N: 2 ** 10, r: 8, p: 1 }
const unlock = { passphrase: 'correct horse battery staple' }
const KEY = join('bundles', 'signing-key.pem')

async function exportOnce(root: string, out: string, opts = {}) {
  const s = await openWorkspace(root, opts)
  try {
    if (!(await s.cases.list()).length) await s.cases.create({ title: 'Sealed case', reference: 'S-1' })
    return (await s.bundles.export({ caseId: 'S-1', outPath: out })).fingerprint
  } finally {
    await s.close()
  }
}

describe('the signing key in an encrypted workspace', () => {
  it('is written sealed when made after the encryption, and signs the same after a reopen and a decrypt', async () => {
    const dir = await tempDir()
    const root = join(dir, 'ws')
    const s = await openWorkspace(root)
    await s.cases.create({ title: 'Sealed case', reference: 'S-1' })
    await s.close()
    await encryptWorkspace(root, unlock.passphrase, { cost: FAST })

    const made = await exportOnce(root, join(dir, 'one.casefile'), { unlock })
    const stored = await readFile(join(root, KEY))
    expect(stored.subarray(0, 4).toString()).toBe('CFS1')
    expect(stored.includes('PRIVATE KEY')).toBe(false)
    expect(await exportOnce(root, join(dir, 'two.casefile'), { unlock })).toBe(made)

    await decryptWorkspace(root, unlock)
    expect((await readFile(join(root, KEY), 'utf8')).startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true)
    expect(await exportOnce(root, join(dir, 'three.casefile'))).toBe(made)
  })

  it('made before the encryption, is sealed by it and still signs', async () => {
    const dir = await tempDir()
    const root = join(dir, 'ws')
    const made = await exportOnce(root, join(dir, 'one.casefile'))
    await encryptWorkspace(root, unlock.passphrase, { cost: FAST })
    expect((await readFile(join(root, KEY))).subarray(0, 4).toString()).toBe('CFS1')
    expect(await exportOnce(root, join(dir, 'two.casefile'), { unlock })).toBe(made)
  })
})

import { randomBytes } from 'node:crypto'
import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createKeyFile,
  formatRecoveryKey,
  parseRecoveryKey,
  rewrapPassphrase,
  unlockKeyFile,
} from '@main/storage/crypto/keyfile'
import { NONCE_BYTES, nextNonce, openBytes, openLine, sealBytes, sealLine } from '@main/storage/crypto/seal'
import { sealInto } from '@main/storage/crypto/sealThread'
import { openSealedBlob, SEGMENT_BYTES, sealedSize } from '@main/storage/crypto/segments'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
/** Low scrypt cost, for tests only (the default is N = 2^17). */
const FAST = { N: 2 ** 10, r: 8, p: 1 }
const key = randomBytes(32)

describe('sealed files', () => {
  it('round-trips and hides the text', () => {
    const plain = Buffer.from('{"title":"Consulado — incidente"}')
    const sealed = sealBytes(key, 'cases/c1/case.json', plain)
    expect(sealed.includes(plain)).toBe(false)
    expect(openBytes(key, 'cases/c1/case.json', sealed).equals(plain)).toBe(true)
  })

  it('refuses a changed ciphertext, nonce, tag, version or path, saying damaged or moved', () => {
    const sealed = sealBytes(key, 'cases/c1/case.json', Buffer.from('{"a":1}'))
    const flip = (at: number) => {
      const b = Buffer.from(sealed)
      b[at] ^= 1
      return b
    }
    const cases = {
      version: flip(4),
      nonce: flip(5 + 3),
      ciphertext: flip(5 + NONCE_BYTES + 1),
      tag: flip(sealed.length - 1),
    }
    for (const [what, bytes] of Object.entries(cases))
      expect(() => openBytes(key, 'cases/c1/case.json', bytes), what).toThrow(/damaged or was moved/)
    expect(() => openBytes(key, 'cases/c2/case.json', sealed)).toThrow(/damaged or was moved/)
    expect(() => openBytes(randomBytes(32), 'cases/c1/case.json', sealed)).toThrow(/damaged or was moved/)
    expect(() => openBytes(key, 'cases/c1/case.json', Buffer.from('{"a":1}'))).toThrow(/not sealed/)
  })

  it('seals log lines on their own, bound to the log', () => {
    const line = sealLine(key, 'audit.log.jsonl', '{"seq":0}')
    expect(line).not.toContain('\n')
    expect(openLine(key, 'audit.log.jsonl', line)).toBe('{"seq":0}')
    expect(openLine(key, 'other.jsonl', line)).toBeNull()
  })

  it('never repeats a nonce over a million seals', () => {
    // A million nonces from the very generator every seal draws from (a full AES seal each would only add time).
    const seen = new Set<string>()
    for (let i = 0; i < 1_000_000; i++) seen.add(nextNonce().toString('latin1'))
    expect(seen.size).toBe(1_000_000)
    // And through the sealer itself, on a smaller count: the nonce sits at bytes 5..17.
    const real = new Set<string>()
    for (let i = 0; i < 20_000; i++) real.add(sealBytes(key, 'x', Buffer.alloc(0)).subarray(5, 17).toString('hex'))
    expect(real.size).toBe(20_000)
  })
})

describe('sealed blobs', () => {
  async function sealedBlob(plain: Buffer, rel: string) {
    const dir = await tempDir()
    const path = join(dir, 'blob')
    const all = Buffer.alloc(sealedSize(plain.length), 0xaa)
    // Pushed in odd-sized chunks, as a streamed import does.
    const chunks = Array.from({ length: Math.ceil(plain.length / 100_003) }, (_, i) =>
      plain.subarray(i * 100_003, (i + 1) * 100_003),
    )
    await sealInto(key, rel, chunks, async (bytes, at) => void all.set(bytes, at))
    await writeFile(path, all)
    return { path, all }
  }
  const read = async (path: string, rel: string, start: number, end: number) => {
    const fh = await open(path, 'r')
    try {
      const blob = await openSealedBlob(key, rel, fh)
      const out: Buffer[] = []
      for await (const p of blob.range(start, end)) out.push(p)
      return { size: blob.size, bytes: Buffer.concat(out) }
    } finally {
      await fh.close()
    }
  }

  it('reads any byte range of the original, across segment edges', async () => {
    const plain = randomBytes(3 * SEGMENT_BYTES + 1234)
    const { path, all } = await sealedBlob(plain, 'blobs/abc')
    expect(all.length).toBe(sealedSize(plain.length))
    for (const [s, e] of [
      [0, plain.length - 1],
      [SEGMENT_BYTES - 10, SEGMENT_BYTES + 10],
      [2 * SEGMENT_BYTES, 2 * SEGMENT_BYTES],
      [plain.length - 5, plain.length - 1],
    ]) {
      const got = await read(path, 'blobs/abc', s, e)
      expect(got.size).toBe(plain.length)
      expect(got.bytes.equals(plain.subarray(s, e + 1))).toBe(true)
    }
  })

  it('handles empty blobs and exact multiples of a segment', async () => {
    for (const n of [0, SEGMENT_BYTES, 2 * SEGMENT_BYTES]) {
      const plain = randomBytes(n)
      const { path } = await sealedBlob(plain, 'blobs/x')
      expect((await read(path, 'blobs/x', 0, n - 1)).bytes.equals(plain)).toBe(true)
    }
  })

  it('refuses a blob moved to another name, cut short, or with a changed segment', async () => {
    const plain = randomBytes(2 * SEGMENT_BYTES + 7)
    const { path, all } = await sealedBlob(plain, 'blobs/abc')
    await expect(read(path, 'blobs/def', 0, 10)).rejects.toThrow(/damaged or was moved/)
    await writeFile(path, all.subarray(0, all.length - 1))
    await expect(read(path, 'blobs/abc', 0, 10)).rejects.toThrow(/damaged or was moved/)
    const changed = Buffer.from(all)
    changed[changed.length - 20] ^= 1
    await writeFile(path, changed)
    // The first segment still opens (ranges are independent); the changed one does not.
    expect((await read(path, 'blobs/abc', 0, 10)).bytes.equals(plain.subarray(0, 11))).toBe(true)
    await expect(read(path, 'blobs/abc', 0, plain.length - 1)).rejects.toThrow(/damaged or was moved/)
  })
})

describe('keys', () => {
  it('unlocks with the passphrase or the recovery key, and tells a wrong passphrase from damage', async () => {
    const { file, dataKey, recoveryKey } = await createKeyFile('correct horse battery', FAST)
    expect((await unlockKeyFile(file, { passphrase: 'correct horse battery' })).equals(dataKey)).toBe(true)
    expect((await unlockKeyFile(file, { recoveryKey: recoveryKey.toLowerCase() })).equals(dataKey)).toBe(true)
    await expect(unlockKeyFile(file, { passphrase: 'wrong horse battery' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/passphrase is wrong/),
    })
    const w = Buffer.from(file.passphrase.wrapped, 'base64')
    w[3] ^= 1
    const damaged = { ...file, passphrase: { ...file.passphrase, wrapped: w.toString('base64') } }
    await expect(unlockKeyFile(damaged, { passphrase: 'correct horse battery' })).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/keys.json is damaged/),
    })
  })

  it('changes the passphrase by rewrapping the same data key', async () => {
    const { file, dataKey } = await createKeyFile('first passphrase', FAST)
    const next = await rewrapPassphrase(file, dataKey, 'second passphrase', FAST)
    expect(next.recovery).toEqual(file.recovery)
    expect((await unlockKeyFile(next, { passphrase: 'second passphrase' })).equals(dataKey)).toBe(true)
    await expect(unlockKeyFile(next, { passphrase: 'first passphrase' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('writes recovery keys that read back', () => {
    const raw = randomBytes(32)
    const text = formatRecoveryKey(raw)
    expect(text).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
    expect(parseRecoveryKey(` ${text.replace(/-/g, ' ')} `).equals(raw)).toBe(true)
  })
})

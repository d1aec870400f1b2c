/**
 * The sealed formats pinned by known answers: bytes sealed by this version (a
 * stored file, an audit line, an evidence file, keys.json) must open in every
 * later one, so they are fixed here as they were written on 2026-12-04. A
 * round trip alone would pass with any label, magic or associated data changed
 * on both sides, and leave every existing workspace unreadable.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, open, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bytesOf, hashBlobFile, openBlobFile, readBlobFile } from '@main/storage/crypto/blobFiles'
import {
  assertPassphrase,
  formatRecoveryKey,
  KeyFile,
  parseRecoveryKey,
  unlockKeyFile,
} from '@main/storage/crypto/keyfile'
import { readLogFile } from '@main/storage/crypto/logLines'
import { looksSealed, openBytes, openLine, sealBytes } from '@main/storage/crypto/seal'
import { sealInto } from '@main/storage/crypto/sealThread'
import { openSealedBlob, sealedSize } from '@main/storage/crypto/segments'
import { dropVault, registerVault, vaultFor } from '@main/storage/crypto/vault'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const KEY = Buffer.alloc(32, 0x42)
const BLOB_REL = `blobs/${'ab'.repeat(32)}`

const FILE = 'Q0ZTMQHCbtjeLc/O2x8WH2awzc4j4ywEIh1x+n4CT/li4/ddlF9FAjwoKFaGYAX8iSAgzg=='
const LINE = 'CFL1.Q0ZTMQEh6hO8NVYbey/QYn96Q6EhdjIHzktHmzSvhCqgTU5bpDcBsDAT'
const BLOB =
  'Q0ZCMQESKSbvptb1H6oUZHCfbIfyNvIrok7+BJOsgH+915z+sAAAAAAAAABkUL/7nC7YtPK4mJ2QeWkUa4/hgRl5W7BupbUonQKHZlfojdUJ' +
  'EUVXD1DrxNs1wH4tWDgFVQNTt45PKqsOgKMi5qy35ztWwnn+rVJFidiS9Fn1AbNdsWM3fve7mHIax6/8DDusv/GN/KgqG8JHvU3OIux1uSbi' +
  '5JmjaWrrKsKXcrrkixjb'
const BLOB_PLAIN = Buffer.from(Array.from({ length: 100 }, (_, i) => i))
const KEYS = {
  format: 'casefile-keys',
  version: 1,
  kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: '/ztu+DO56x3hjIFeZK8aug==' },
  passphrase: {
    kcv: 'bxTXTMZGHJDqJj7onkVKbA==',
    nonce: 'HoBgTi8/pt739UUw',
    wrapped: 'ywBD/aPtdZUv0fx5h4f9+UjjwZGB7jr0kRtrAsmbN9CCvtHgjNk3Q8hfh2BxqeJ4',
  },
  recovery: {
    kcv: 'hUsl+BI8CeNg08tBBr9M2g==',
    nonce: 'D0mJA/ViEyIjFGl1',
    wrapped: 'jG9X4eTZHPX4aqsb6RxyyM5+uQBNM3hwZj6I5JLiOMzAXVA8KDqSYlBIn0EnGpv5',
  },
  dataKeyCheck: 'lfezoipGyFc30Ti0Xjkbbw==',
}
const KEYS_DATA_KEY = 'il8LfOoF1fweAVVIhSI1AxRJUmq41AIBHc2qOVGkPbw='
const KEYS_RECOVERY = '3PDQ-Q6ER-R3IZ-JHJQ-LLYZ-S2KP-QYUK-4K4K-6WIJ-VJ45-UNQF-KNFF-PDJQ'

/** A workspace folder holding `files` (relative path: bytes), registered as encrypted under KEY. */
async function sealedFolder(files: Record<string, Buffer | string>, key = KEY) {
  const root = await tempDir()
  for (const [rel, bytes] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true })
    await writeFile(join(root, rel), bytes)
  }
  registerVault(root, key)
  return root
}

describe('what this version sealed opens in every later one', () => {
  it('a stored file: its magic, version, label and path as associated data', () => {
    const sealed = Buffer.from(FILE, 'base64')
    expect(looksSealed(sealed)).toBe(true)
    expect(openBytes(KEY, 'cases/case_1/case.json', sealed).toString()).toBe('{"title":"Ecuador"}')
    // Windows spells the same place with backslashes: the same associated data.
    expect(openBytes(KEY, 'cases\\case_1\\case.json', sealed).toString()).toBe('{"title":"Ecuador"}')
    expect(() => openBytes(KEY, 'cases/case_2/case.json', sealed)).toThrow(expect.objectContaining({ code: 'CORRUPT' }))
    expect(() => openBytes(KEY, 'cases/case_1/case.json', sealed, 'line')).toThrow()
    const newer = Buffer.from(sealed)
    newer[4] = 2
    expect(() => openBytes(KEY, 'cases/case_1/case.json', newer)).toThrow(expect.objectContaining({ code: 'CORRUPT' }))
  })

  it('refuses bytes too short to be sealed, or not sealed at all, by name, whatever they hold', () => {
    const sealed = Buffer.from(FILE, 'base64')
    const plain = Buffer.from('{"title":"Ecuador"}')
    for (const bytes of [plain, sealed.subarray(0, 4 + 1 + 12 + 16 - 1), Buffer.alloc(0), Buffer.from('CFS')])
      expect(() => openBytes(KEY, 'cases/case_1/case.json', bytes)).toThrow(
        expect.objectContaining({
          code: 'CORRUPT',
          text: { key: 'errStorage:sealedThoughWorkspaceEncrypted', values: { aadPath: 'cases/case_1/case.json' } },
        }),
      )
    // Exactly the header and a tag: an empty plaintext, which must still be authentic.
    const empty = sealBytes(KEY, 'x.json', Buffer.alloc(0))
    expect(empty.length).toBe(4 + 1 + 12 + 16)
    expect(openBytes(KEY, 'x.json', empty).length).toBe(0)
    expect(looksSealed(Buffer.from('CFS1'))).toBe(true)
    expect(looksSealed(Buffer.from('CFS'))).toBe(false)
  })

  it('an audit line: its prefix, and the log it belongs to', () => {
    expect(openLine(KEY, 'audit/audit.log', LINE)).toBe('{"seq":1}')
    expect(openLine(KEY, 'audit/other.log', LINE)).toBeNull()
    expect(openLine(KEY, 'audit/audit.log', LINE.slice('CFL1.'.length))).toBeNull()
    expect(openLine(KEY, 'audit/audit.log', '{"seq":1}')).toBeNull()
  })

  it('an evidence file: header, per-file key, segment and its index, bound to the blob path', async () => {
    const root = await sealedFolder({ [BLOB_REL]: Buffer.from(BLOB, 'base64') })
    try {
      const fh = await open(join(root, BLOB_REL), 'r')
      try {
        const blob = await openSealedBlob(KEY, BLOB_REL, fh)
        expect(blob.size).toBe(100)
        const parts: Buffer[] = []
        for await (const p of blob.range(0, 99)) parts.push(p)
        expect(Buffer.concat(parts)).toEqual(BLOB_PLAIN)
        await expect(openSealedBlob(KEY, `blobs/${'cd'.repeat(32)}`, fh)).rejects.toMatchObject({ code: 'CORRUPT' })
      } finally {
        await fh.close()
      }
      expect(await readBlobFile(join(root, BLOB_REL))).toEqual(BLOB_PLAIN)
    } finally {
      dropVault(root)
    }
  })

  it('keys.json: the passphrase, the recovery key and the data key check all reach the same data key', async () => {
    const file = KeyFile.parse(KEYS)
    const dataKey = Buffer.from(KEYS_DATA_KEY, 'base64')
    expect(await unlockKeyFile(file, { passphrase: 'correct horse battery' })).toEqual(dataKey)
    expect(await unlockKeyFile(file, { recoveryKey: KEYS_RECOVERY })).toEqual(dataKey)
    expect(await unlockKeyFile(file, { recoveryKey: KEYS_RECOVERY.toLowerCase().replaceAll('-', ' ') })).toEqual(
      dataKey,
    )
    expect(await unlockKeyFile(file, { dataKey })).toEqual(dataKey)
    await expect(unlockKeyFile(file, { dataKey: Buffer.alloc(32, 1) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      text: { key: 'errStorage:storedKeyDoesOpen' },
    })
    await expect(unlockKeyFile(file, { passphrase: 'correct horse batterY' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    // A data key check that no longer matches what the wraps open: the file was changed.
    const changed = KeyFile.parse({ ...KEYS, dataKeyCheck: Buffer.alloc(16).toString('base64') })
    await expect(unlockKeyFile(changed, { passphrase: 'correct horse battery' })).rejects.toMatchObject({
      code: 'CORRUPT',
    })
    // The schema: base64 only, whole; p at least 1; the OS store's wrap, when present, is base64 too.
    for (const bad of [
      { ...KEYS, dataKeyCheck: `${KEYS.dataKeyCheck}!` },
      { ...KEYS, dataKeyCheck: `!${KEYS.dataKeyCheck}` },
      { ...KEYS, kdf: { ...KEYS.kdf, p: 0 } },
      { ...KEYS, osStore: { wrapped: 'not base64!' } },
    ])
      expect(KeyFile.safeParse(bad).success).toBe(false)
    expect(KeyFile.safeParse({ ...KEYS, kdf: { ...KEYS.kdf, p: 2 } }).success).toBe(true)
  })
})

describe('the recovery key as a person types it', () => {
  it('is base32 in groups of four, and reads back whatever the case, spaces or dashes', () => {
    const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7))
    const text = formatRecoveryKey(raw)
    expect(text).toBe('AADQ-4FI4-EMVD-COB7-IZGV-IW3C-NFYH-O7UF-RSJZ-VINI-V63L-3RGL-2LMQ')
    expect(parseRecoveryKey(text)).toEqual(raw)
    expect(parseRecoveryKey(` ${text.toLowerCase().replaceAll('-', ' ')} `)).toEqual(raw)
    for (const bytes of [Buffer.alloc(32), Buffer.alloc(32, 0xff)])
      expect(parseRecoveryKey(formatRecoveryKey(bytes))).toEqual(bytes)
  })

  it('refuses a letter base32 has not, and a key cut short or too long, by name', () => {
    const text = formatRecoveryKey(Buffer.alloc(32, 9))
    expect(() => parseRecoveryKey(text.replace(/^./, '1'))).toThrow(
      expect.objectContaining({ code: 'VALIDATION', text: { key: 'errStorage:recoveryKeyLettersDigits' } }),
    )
    for (const wrong of [text.slice(0, -5), `${text}-AAAA`])
      expect(() => parseRecoveryKey(wrong)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          text: expect.objectContaining({ key: expect.stringMatching(/recoveryKeyTooShort/) }),
        }),
      )
  })

  it('a passphrase needs eight characters, counted as a person counts them', () => {
    expect(() => assertPassphrase('1234567')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => assertPassphrase('12345678')).not.toThrow()
    // Four emoji are eight UTF-16 units but four characters.
    expect(() => assertPassphrase('🔑🔑🔑🔑')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })
})

describe('which files of an encrypted workspace are sealed', () => {
  it('all but keys.json, the migration record and the lock, and only under the folder as registered', async () => {
    const root = await sealedFolder({})
    const link = join(await tempDir(), 'link')
    await symlink(root, link)
    try {
      for (const rel of ['keys.json', 'encryption-migration.json', '.casefile.lock', '.casefile.lock.holder.json'])
        expect(vaultFor(join(root, rel)), rel).toBeNull()
      for (const rel of ['workspace.json', 'cases/c/keys.json', 'x.casefile.lock', 'blobs/ab'])
        expect(vaultFor(join(root, rel))?.rel, rel).toBe(rel)
      expect(vaultFor(join(link, 'workspace.json'))).toBeNull()
    } finally {
      dropVault(root)
    }
    expect(vaultFor(join(root, 'workspace.json'))).toBeNull()
  })

  it('a key held twice stays until both let go, and is zeroed then; every spelling of the folder goes', async () => {
    const real = await tempDir()
    const link = join(await tempDir(), 'link')
    await symlink(real, link)
    const key = Buffer.alloc(32, 7)
    registerVault(link, key)
    registerVault(link, key)
    const held = vaultFor(join(real, 'workspace.json'))!.key
    expect(vaultFor(join(link, 'workspace.json'))?.key).toBe(held)
    dropVault(link)
    expect(vaultFor(join(real, 'workspace.json'))?.key).toEqual(key)
    dropVault(link)
    expect(vaultFor(join(real, 'workspace.json'))).toBeNull()
    expect(vaultFor(join(link, 'workspace.json'))).toBeNull()
    expect(held.equals(Buffer.alloc(32))).toBe(true)
    dropVault(link) // letting go of nothing is harmless
  })

  it('one folder open through two links: letting go by one leaves the other, and its real path, sealed', async () => {
    const real = await tempDir()
    const [a, b] = [join(await tempDir(), 'a'), join(await tempDir(), 'b')]
    await symlink(real, a)
    await symlink(real, b)
    const key = Buffer.alloc(32, 5)
    registerVault(a, key)
    registerVault(b, key)
    dropVault(a)
    for (const at of [a, b, real]) expect(vaultFor(join(at, 'blobs', 'x'))?.key, at).toEqual(key)
    dropVault(b)
    for (const at of [a, b, real]) expect(vaultFor(join(at, 'blobs', 'x')), at).toBeNull()
  })

  it('every spelling goes with the last holder even when the link was removed before the close', async () => {
    const real = await tempDir()
    const link = join(await tempDir(), 'link')
    await symlink(real, link)
    registerVault(link, Buffer.alloc(32, 9))
    const held = vaultFor(join(real, 'workspace.json'))!.key
    await rm(link)
    dropVault(link)
    expect(vaultFor(join(real, 'workspace.json'))).toBeNull()
    expect(held.equals(Buffer.alloc(32))).toBe(true)
  })
})

describe('a sealed audit log read back', () => {
  it('opens each complete line, marks one that does not open, and passes an unterminated tail on', async () => {
    const second = LINE.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const root = await sealedFolder({ 'audit/audit.log': `${LINE}\n${second}\n${LINE}\npartial` })
    try {
      const { bytes, size } = await readLogFile(join(root, 'audit/audit.log'))
      expect(size).toBe(LINE.length * 3 + 3 + 'partial'.length)
      expect(bytes.toString()).toBe(
        '{"seq":1}\n<a sealed line that does not open: it was changed or moved here>\n{"seq":1}\npartial',
      )
    } finally {
      dropVault(root)
    }
  })
})

describe('a blob file, sealed or plain', () => {
  it('reads any range, clipped to its end, and hashes what it holds', async () => {
    const plainRoot = await tempDir()
    await mkdir(join(plainRoot, 'blobs'))
    await writeFile(join(plainRoot, BLOB_REL), BLOB_PLAIN)
    const sealedRoot = await sealedFolder({ [BLOB_REL]: Buffer.from(BLOB, 'base64') })
    try {
      for (const root of [plainRoot, sealedRoot]) {
        const blob = await openBlobFile(join(root, BLOB_REL))
        try {
          expect(blob.size).toBe(100)
          expect(await bytesOf(blob, 0, 100)).toEqual(BLOB_PLAIN)
          expect(await bytesOf(blob, 10, 20)).toEqual(BLOB_PLAIN.subarray(10, 20))
          expect(await bytesOf(blob, 99, 4096)).toEqual(BLOB_PLAIN.subarray(99))
          expect(await bytesOf(blob, 0, 1)).toEqual(BLOB_PLAIN.subarray(0, 1))
          expect((await bytesOf(blob, 50, 50)).length).toBe(0)
        } finally {
          await blob.close()
        }
        expect(await hashBlobFile(join(root, BLOB_REL))).toBe(createHash('sha256').update(BLOB_PLAIN).digest('hex'))
      }
    } finally {
      dropVault(sealedRoot)
    }
  })

  it('refuses a folder or a FIFO where a blob should be, at once', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'blobs', 'adir'), { recursive: true })
    await expect(openBlobFile(join(root, 'blobs', 'adir'))).rejects.toMatchObject({ code: 'ENOENT' })
    execFileSync('mkfifo', [join(root, 'blobs', 'fifo')])
    await expect(openBlobFile(join(root, 'blobs', 'fifo'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('sealing an evidence file in pieces', () => {
  it('gives the same bytes whatever the chunks, the segment boundary included', async () => {
    const data = Buffer.from(Array.from({ length: 3 * 65536 + 17 }, (_, i) => (i * 31) & 0xff))
    const key = Buffer.alloc(32, 3)
    const opened = async (chunks: number[]) => {
      const file = Buffer.alloc(sealedSize(data.length), 0xaa)
      const pieces: Buffer[] = []
      let at = 0
      for (const n of chunks) {
        pieces.push(data.subarray(at, at + n))
        at += n
      }
      pieces.push(data.subarray(at))
      await sealInto(key, BLOB_REL, pieces, async (bytes, off) => void file.set(bytes, off))
      const root = await sealedFolder({ [BLOB_REL]: file }, key)
      try {
        return await readBlobFile(join(root, BLOB_REL))
      } finally {
        dropVault(root)
      }
    }
    for (const chunks of [[65536], [65535, 1], [1, 65535, 65536], [65536 * 2 + 5], [0, 10, 0]])
      expect((await opened(chunks)).equals(data)).toBe(true)
  })
})

/**
 * Encrypting and decrypting a workspace in place, and what a stop at any point of
 * either leaves: the workspace must open (given its passphrase while keys.json
 * exists), with every case, annotation, blob and audit entry as before.
 * A stop is modelled as every file-system call of the storage layer failing from
 * the n-th on (so not even the cleanup of temp files runs, as after a kill).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { changePassphrase, decryptWorkspace, encryptionState, encryptWorkspace } from '@main/storage/crypto/migrate'
import { realFsIo, replaceFsIo, type FsIo } from '@main/storage/fsio'
import { bundleChild } from '../../../helpers/bundleChild'
import { contents, FAST, PASS, populated as populatedIn } from '../../../helpers/migrationWorkspace'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const populated = () => populatedIn(tempDir)
/** Every fsio call from the n-th on fails, as if the process had stopped there. */
function stopAt(n: number): { calls: () => number; restore: () => void } {
  let calls = 0
  const stop = () => {
    calls++
    if (calls >= n) throw Object.assign(new Error('stopped here'), { code: 'EIO' })
  }
  const wrap = <K extends keyof FsIo>(k: K): FsIo[K] =>
    (async (...args: unknown[]) => {
      // A stopped process's files are closed by the system: close still closes, then fails.
      if (k === 'close') await realFsIo.close(args[0] as never).catch(() => undefined)
      stop()
      return k === 'close' ? undefined : (realFsIo[k] as (...a: unknown[]) => Promise<unknown>)(...args)
    }) as FsIo[K]
  const keys: (keyof FsIo)[] = ['open', 'write', 'sync', 'datasync', 'close', 'rename', 'link', 'unlink', 'syncDir']
  const restore = replaceFsIo(Object.fromEntries(keys.map((k) => [k, wrap(k)])) as Partial<FsIo>)
  return { calls: () => calls, restore }
}

describe('encrypt and decrypt in place', () => {
  it('round-trips a populated workspace, changes the passphrase without touching the data', async () => {
    const root = await populated()
    const before = await contents(root)
    const { recoveryKey } = await encryptWorkspace(root, PASS, { cost: FAST })
    expect(await encryptionState(root)).toBe('encrypted')
    const caseFile = (await readdir(join(root, 'cases')))[0]
    expect((await readFile(join(root, 'cases', caseFile, 'case.json'))).subarray(0, 4).toString()).toBe('CFS1')
    expect(await contents(root)).toEqual(before)

    const sealedBefore = await readFile(join(root, 'cases', caseFile, 'case.json'))
    await changePassphrase(root, { passphrase: PASS }, 'a new passphrase', FAST)
    expect((await readFile(join(root, 'cases', caseFile, 'case.json'))).equals(sealedBefore)).toBe(true)
    await expect(openWorkspace(root, { unlock: { passphrase: PASS } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await contents(root, { passphrase: 'a new passphrase' })).toEqual(before)

    // The recovery key opens it too, and decrypts it.
    await decryptWorkspace(root, { recoveryKey })
    expect(await encryptionState(root)).toBe('plain')
    expect(JSON.parse(await readFile(join(root, 'cases', caseFile, 'case.json'), 'utf8')).schemaVersion).toBeTypeOf(
      'number',
    )
    expect(await contents(root)).toEqual(before)
  })

  it('decrypts a workspace whose search cache was written sealed (records sealed one by one), and searches after', async () => {
    const root = await populated()
    await encryptWorkspace(root, PASS, { cost: FAST })
    let s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      expect((await s.search.query({ query: 'consulate' })).total).toBeGreaterThan(0)
      await s.search.save()
    } finally {
      await s.close()
    }
    expect((await readdir(join(root, 'cache'))).length).toBeGreaterThan(0)
    await decryptWorkspace(root, { passphrase: PASS })
    expect(await encryptionState(root)).toBe('plain')
    s = await openWorkspace(root)
    try {
      expect((await s.search.query({ query: 'consulate' })).total).toBeGreaterThan(0)
    } finally {
      await s.close()
    }
  })

  it('refuses to open (or encrypt again) a sealed workspace whose keys.json is gone, and changes nothing', async () => {
    const root = await populated()
    await encryptWorkspace(root, PASS, { cost: FAST })
    const keys = await readFile(join(root, 'keys.json'))
    await rename(join(root, 'keys.json'), join(root, 'keys.json.lost'))
    const before = await readdir(join(root, 'cases'), { recursive: true })
    await expect(openWorkspace(root)).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/encrypted but its key file keys\.json is missing/),
    })
    await expect(openWorkspace(root, { readOnly: true })).rejects.toMatchObject({ code: 'CORRUPT' })
    await expect(encryptWorkspace(root, 'another passphrase', { cost: FAST })).rejects.toMatchObject({
      code: 'CORRUPT',
    })
    expect(await readdir(join(root, 'cases'), { recursive: true })).toEqual(before)
    expect(await readdir(root)).not.toContain('quarantine')
    // keys.json back: everything opens as it was.
    await writeFile(join(root, 'keys.json'), keys)
    expect((await contents(root)).cases).toHaveLength(2)
  })

  it('refuses a case file swapped with another: set aside unchanged, never overwritten', async () => {
    const root = await populated()
    await encryptWorkspace(root, PASS, { cost: FAST })
    const [a, b] = await readdir(join(root, 'cases'))
    const pa = join(root, 'cases', a, 'case.json')
    const pb = join(root, 'cases', b, 'case.json')
    const [bytesA, bytesB] = [await readFile(pa), await readFile(pb)]
    await rename(pa, join(root, 'tmp'))
    await rename(pb, pa)
    await rename(join(root, 'tmp'), pb)
    const s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      const err = await s.cases.getCase(a).catch((e: Error) => e)
      expect(err).toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/damaged, or was moved here/) })
      const problem = s.ctx.store.problems.all().find((p) => p.file.includes(a))!
      expect(problem.quarantinedTo).toBeTruthy()
      // Set aside byte for byte: B's bytes, which were at A's place.
      expect((await readFile(join(root, problem.quarantinedTo!))).equals(bytesB)).toBe(true)
    } finally {
      await s.close()
    }
    expect((await readFile(pb)).equals(bytesA)).toBe(true)
  })

  it('refuses to decrypt when a sealed file does not open, and changes nothing', async () => {
    const root = await populated()
    await encryptWorkspace(root, PASS, { cost: FAST })
    const blob = (await readdir(join(root, 'blobs'))).find((n) => /^[0-9a-f]{64}$/.test(n))!
    const bytes = await readFile(join(root, 'blobs', blob))
    const damaged = Buffer.from(bytes)
    damaged[100] ^= 1 // the header's salt: the header tag no longer matches
    await chmod(join(root, 'blobs', blob), 0o644)
    await writeFile(join(root, 'blobs', blob), damaged.subarray(0, 50))
    await expect(decryptWorkspace(root, { passphrase: PASS })).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/No file was decrypted/),
    })
    expect(await encryptionState(root)).toBe('encrypted')
  })
})

describe('a stop at any point of a migration', () => {
  async function stopsDuring(direction: 'encrypt' | 'decrypt') {
    const template = await populated()
    if (direction === 'decrypt') await encryptWorkspace(template, PASS, { cost: FAST })
    const before = await contents(template)
    const run = (root: string) =>
      direction === 'encrypt'
        ? encryptWorkspace(root, PASS, { cost: FAST })
        : decryptWorkspace(root, { passphrase: PASS })
    // Count the calls of a whole run, then stop at points spread over it (every one at the start).
    const probe = await tempDir()
    await cp(template, probe, { recursive: true })
    const counter = stopAt(Number.MAX_SAFE_INTEGER)
    try {
      await run(probe)
    } finally {
      counter.restore()
    }
    const total = counter.calls()
    const points = [
      ...new Set([1, 2, 3, 4, 5, 6, ...Array.from({ length: 14 }, (_, i) => Math.ceil(((i + 1) * total) / 15))]),
    ]
    const states = new Set<string>()
    for (const n of points) {
      const root = await tempDir()
      await cp(template, root, { recursive: true })
      const stop = stopAt(n)
      const stopped = await run(root).then(
        () => false,
        () => true,
      )
      stop.restore()
      expect(stopped || n > total, `stop at call ${n} of ${total}`).toBe(true)
      // Reopening finishes (or drops) the migration; nothing is lost either way.
      expect(await contents(root), `after a stop at call ${n} of ${total}`).toEqual(before)
      states.add(await encryptionState(root))
    }
    // Stops before and after the point of no return were both tried.
    expect([...states].sort()).toEqual(['encrypted', 'plain'])
    return total
  }

  it('while encrypting', async () => {
    expect(await stopsDuring('encrypt')).toBeGreaterThan(20)
  }, 240_000)

  it('while decrypting', async () => {
    expect(await stopsDuring('decrypt')).toBeGreaterThan(20)
  }, 240_000)
})

describe("a migration killed while it writes a blob's converted copy", () => {
  let child = ''
  beforeAll(async () => {
    child = await bundleChild(join(import.meta.dirname, '../../../helpers/migrationChild.ts'), 'migrationChild')
  })
  afterAll(async () => {
    if (child) await rm(child, { force: true })
  })

  /** Runs the child until it has written part of a blob's copy, then kills it; returns the copy's name. */
  function killMidBlob(root: string, direction: 'encrypt' | 'decrypt'): Promise<string> {
    return new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [child, root, direction], {
        env: { ...process.env, CHILD_PASSPHRASE: PASS },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      let err = ''
      p.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8')
        if (out.startsWith('PARTIAL ') && out.includes('\n')) p.kill('SIGKILL')
      })
      p.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')))
      p.on('error', reject)
      p.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve(out.slice(8, out.indexOf('\n'))) : reject(new Error(`not killed: ${out}${err}`)),
      )
    })
  }

  /** Every file under the workspace, relative. */
  async function allFiles(root: string): Promise<string[]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true })
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1))
  }

  it('leaves no partial copy behind once resumed, either way, and every blob is its own bytes again', async () => {
    const root = await populated()
    const before = await contents(root)
    // Left by kills before this: a case file's write (plain text) and a blob import's copy (plain bytes).
    const caseId = (await readdir(join(root, 'cases')))[0]
    const write = join('cases', caseId, '.case.json.999999.0123456789ab.tmp')
    await writeFile(join(root, write), '{"title":"CANARY-WRITE a case file half written"')
    await writeFile(join(root, 'blobs', '.incoming-999999-00ff'), 'CANARY-IMPORT bytes of a file being imported')

    const encrypting = await killMidBlob(root, 'encrypt')
    expect(encrypting).toMatch(/[\\/]blobs[\\/]\.[0-9a-f]{64}\.\d+\.[0-9a-f]{12}\.converting$/)
    expect(await allFiles(root)).toContain(encrypting.slice(root.length + 1))
    // Opening resumes the encryption: the partial copy and the import's copy are gone, the write's temp
    // file is kept under quarantine/ and sealed like the rest; nothing under the workspace is in the clear.
    expect(await contents(root)).toEqual(before)
    expect(await encryptionState(root)).toBe('encrypted')
    let files = await allFiles(root)
    expect(files.filter((f) => !f.startsWith('quarantine/') && /\.(converting|tmp)$|\.incoming-/.test(f))).toEqual([])
    const setAside = files.filter((f) => f.startsWith('quarantine/set-aside/'))
    expect(setAside).toEqual([expect.stringMatching(/case\.json\.999999\.0123456789ab\.tmp$/)])
    for (const f of files) expect((await readFile(join(root, f))).toString('latin1'), f).not.toContain('CANARY')

    const decrypting = await killMidBlob(root, 'decrypt')
    expect(await allFiles(root)).toContain(decrypting.slice(root.length + 1))
    expect(await contents(root)).toEqual(before)
    expect(await encryptionState(root)).toBe('plain')
    files = await allFiles(root)
    expect(files.filter((f) => !f.startsWith('quarantine/') && /\.(converting|tmp)$|\.incoming-/.test(f))).toEqual([])
    // Each blob is the original bytes its name hashes; no other file is left in the blob folder.
    for (const f of files.filter((x) => x.startsWith('blobs/')))
      expect(
        createHash('sha256')
          .update(await readFile(join(root, f)))
          .digest('hex'),
      ).toBe(f.slice('blobs/'.length))
    // The set-aside write is plain again, as it was, and still kept.
    expect(await readFile(join(root, setAside[0]), 'utf8')).toContain('CANARY-WRITE')
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  }, 120_000)
})

describe('what a stop left, and quarantine, met by an encryption change', () => {
  const caseFolder = async (root: string) => join(root, 'cases', (await readdir(join(root, 'cases')))[0])

  it("decrypts past a killed write's temp file sealed for the file it was replacing: set aside, opened, kept", async () => {
    const root = await populated()
    const dir = await caseFolder(root)
    const plainCase = await readFile(join(dir, 'case.json'), 'utf8')
    await encryptWorkspace(root, PASS, { cost: FAST })
    await cp(join(dir, 'case.json'), join(dir, '.case.json.31337.0123456789ab.tmp'))
    await decryptWorkspace(root, { passphrase: PASS })
    expect(await encryptionState(root)).toBe('plain')
    const setAside = await readdir(join(root, 'quarantine', 'set-aside'))
    expect(setAside).toEqual([expect.stringMatching(/__cases~case_\w+~\.case\.json\.31337\.0123456789ab\.tmp$/)])
    // Plain again: the case file it was a copy of, readable as it was.
    expect(await readFile(join(root, 'quarantine', 'set-aside', setAside[0]), 'utf8')).toBe(plainCase)
  })

  it('encrypts and decrypts past a leftover whose name leaves no room for the set-aside stamp', async () => {
    const root = await populated()
    const long = `.${'a'.repeat(220)}.4242.abcdef012345.tmp`
    await writeFile(join(await caseFolder(root), long), 'CANARY-LONG half a write')
    await encryptWorkspace(root, PASS, { cost: FAST })
    expect(await encryptionState(root)).toBe('encrypted')
    const [name] = await readdir(join(root, 'quarantine', 'set-aside'))
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
    expect(name).toMatch(/__….*a\.4242\.abcdef012345\.tmp$/)
    expect(await readFile(join(root, 'quarantine', 'set-aside', name), 'latin1')).not.toContain('CANARY')
    await decryptWorkspace(root, { passphrase: PASS })
    expect(await readFile(join(root, 'quarantine', 'set-aside', name), 'utf8')).toBe('CANARY-LONG half a write')
  })

  it('decrypts a workspace with a quarantined file: opened when it opens, kept as it is when damaged', async () => {
    const root = await populated()
    await encryptWorkspace(root, PASS, { cost: FAST })
    const before = await contents(root)
    // A sealed case file damaged, then set aside by the next open; a whole one quarantined by hand.
    const [a, b] = await readdir(join(root, 'cases'))
    const damaged = await readFile(join(root, 'cases', a, 'case.json'))
    damaged[damaged.length - 5] ^= 1
    await writeFile(join(root, 'cases', a, 'case.json'), damaged)
    const s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    await s.cases.getCase(a).catch(() => undefined)
    await s.close()
    await mkdir(join(root, 'quarantine'), { recursive: true })
    await cp(
      join(root, 'cases', b, 'case.json'),
      join(root, 'quarantine', `2026-01-01T00-00-00-000Z__cases~${b}~case.json`),
    )
    await decryptWorkspace(root, { passphrase: PASS })
    expect(await encryptionState(root)).toBe('plain')
    const quarantined = (await readdir(join(root, 'quarantine'))).filter((n) => n.includes('__')).sort()
    expect(quarantined).toHaveLength(2)
    const bytes = await Promise.all(quarantined.map((n) => readFile(join(root, 'quarantine', n))))
    // The whole one opened at the place its name gives; the damaged one kept, byte for byte.
    expect(bytes.some((x) => x.equals(damaged))).toBe(true)
    expect(bytes.map((x) => x.toString('utf8')).filter((t) => t.startsWith('{'))).toHaveLength(1)
    const plain = await openWorkspace(root)
    try {
      expect((await plain.cases.getCase(b)).title).toBe(before.cases.find((c) => c.case.id === b)!.case.title)
    } finally {
      await plain.close()
    }
  })

  it('opens a quarantined blob, audit log and a case folder set aside whole as what they were; keeps the keys for what stays sealed', async () => {
    const root = await populated()
    const before = await contents(root)
    const blob = (await readdir(join(root, 'blobs'))).find((n) => /^[0-9a-f]{64}$/.test(n))!
    const caseId = (await readdir(join(root, 'cases')))[0]
    const plain = {
      blob: await readFile(join(root, 'blobs', blob)),
      audit: await readFile(join(root, 'audit.log.jsonl')),
      caseFile: await readFile(join(root, 'cases', caseId, 'case.json')),
    }
    await encryptWorkspace(root, PASS, { cost: FAST })
    // Sealed copies moved under quarantine/ as they were, as the store and repair move them.
    const q = join(root, 'quarantine')
    await mkdir(join(q, 'set-aside', `2026-01-01T00-00-00-000Z__cases~${caseId}`), { recursive: true })
    await cp(join(root, 'blobs', blob), join(q, `2026-01-01T00-00-00-000Z__blobs~${blob}`))
    await cp(join(root, 'audit.log.jsonl'), join(q, '2026-01-01T00-00-00-000Z__audit.log.jsonl'))
    await cp(
      join(root, 'cases', caseId, 'case.json'),
      join(q, 'set-aside', `2026-01-01T00-00-00-000Z__cases~${caseId}`, 'case.json'),
    )
    const cut = await readFile(join(root, 'cases', caseId, 'case.json'))
    await writeFile(join(q, '2026-01-01T00-00-00-000Z__workspace.json'), cut.subarray(0, 40))
    await decryptWorkspace(root, { passphrase: PASS })
    expect(await contents(root)).toEqual(before)
    expect((await readFile(join(q, `2026-01-01T00-00-00-000Z__blobs~${blob}`))).equals(plain.blob)).toBe(true)
    expect((await readFile(join(q, '2026-01-01T00-00-00-000Z__audit.log.jsonl'))).equals(plain.audit)).toBe(true)
    const inFolder = join(q, 'set-aside', `2026-01-01T00-00-00-000Z__cases~${caseId}`, 'case.json')
    expect((await readFile(inFolder)).equals(plain.caseFile)).toBe(true)
    // The one cut short opens nowhere: kept as it is, and keys.json kept beside it, so it can still be opened.
    expect((await readFile(join(q, '2026-01-01T00-00-00-000Z__workspace.json'))).equals(cut.subarray(0, 40))).toBe(true)
    const keys = (await readdir(join(q, 'set-aside'))).filter((n) => n.endsWith('__keys.json'))
    expect(keys).toHaveLength(1)
    expect(JSON.parse(await readFile(join(q, 'set-aside', keys[0]), 'utf8'))).toMatchObject({ format: 'casefile-keys' })
  })

  it('encrypts and decrypts a file whose name is long in bytes (accents): its converted copy is named within 255', async () => {
    const root = await populated()
    const name = `${'ñ'.repeat(115)}.txt`
    await writeFile(join(root, name), 'nota del despacho')
    await encryptWorkspace(root, PASS, { cost: FAST })
    expect(await readFile(join(root, name), 'latin1')).not.toContain('nota')
    await decryptWorkspace(root, { passphrase: PASS })
    expect(await readFile(join(root, name), 'utf8')).toBe('nota del despacho')
  })
})

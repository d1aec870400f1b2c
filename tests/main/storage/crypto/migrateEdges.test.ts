/**
 * The encryption change at its edges: what keys.json and the journal may say, what is refused and
 * with which words, what it reports while it runs, which files it takes and which it leaves, and a
 * failure at each of its own file steps. The stops at every point are in migration.test.ts.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import {
  changePassphrase,
  decryptWorkspace,
  encryptionState,
  encryptWorkspace,
  newRecoveryKey,
  storedFiles,
} from '@main/storage/crypto/migrate'
import { convertFile } from '@main/storage/crypto/convert'
import { unlockKeyFile } from '@main/storage/crypto/keyfile'
import { LINE_PREFIX, looksSealed, openBytes, sealBytes } from '@main/storage/crypto/seal'
import { pathOf, realFsIo, replaceFsIo, type FsIo } from '@main/storage/fsio'
import { contents, FAST, PASS, populated as populatedIn } from '../../../helpers/migrationWorkspace'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const populated = () => populatedIn(tempDir)
const JOURNAL = 'encryption-migration.json'
const UNLOCK = { passphrase: PASS }

/** Every file under `root` with the SHA-256 of its bytes: what "nothing changed" compares. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const e of await readdir(root, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const abs = join(e.parentPath, e.name)
      out[abs.slice(root.length + 1)] = createHash('sha256')
        .update(await readFile(abs))
        .digest('hex')
    }
  return out
}

async function encrypted(): Promise<string> {
  const root = await populated()
  await encryptWorkspace(root, PASS, { cost: FAST })
  return root
}

/** A plain workspace whose encryption stopped after sealing `after` files: journal, keys, files of both kinds. */
async function halfEncrypted(after = 3): Promise<{ root: string; before: Awaited<ReturnType<typeof contents>> }> {
  const root = await populated()
  const before = await contents(root)
  const stop = new Error('stopped here')
  await expect(
    encryptWorkspace(root, PASS, {
      cost: FAST,
      progress: (done) => {
        if (done === after) throw stop
      },
    }),
  ).rejects.toBe(stop)
  return { root, before }
}

describe('what keys.json and the journal say', () => {
  it('refuses a keys.json that is not JSON, not the expected shape, or not a file, naming it, and changes nothing', async () => {
    for (const [damage, words] of [
      [
        (root: string) => writeFile(join(root, 'keys.json'), '{"version": 1, "wrapped'),
        /keys\.json is damaged \(not JSON\)/,
      ],
      [
        (root: string) => writeFile(join(root, 'keys.json'), '{"version": 1}'),
        /keys\.json is damaged \(not the expected shape\)/,
      ],
      [(root: string) => mkdir(join(root, 'keys.json')), /keys\.json is damaged \(not JSON\)/],
    ] as const) {
      const root = await encrypted()
      await rm(join(root, 'keys.json'))
      await damage(root)
      const before = await snapshot(root)
      const refused = { code: 'CORRUPT', message: expect.stringMatching(words) }
      await expect(encryptionState(root)).rejects.toMatchObject(refused)
      await expect(openWorkspace(root, { unlock: UNLOCK })).rejects.toMatchObject(refused)
      await expect(decryptWorkspace(root, UNLOCK)).rejects.toMatchObject(refused)
      expect(await snapshot(root)).toEqual(before)
    }
  })

  it('refuses each change where it makes no sense, saying why', async () => {
    const plain = await populated()
    await expect(decryptWorkspace(plain, UNLOCK)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This workspace is not encrypted.',
    })
    await expect(changePassphrase(plain, UNLOCK, 'another one', FAST)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This workspace is not encrypted.',
    })
    const root = await encrypted()
    await expect(encryptWorkspace(root, PASS, { cost: FAST })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This workspace is encrypted already.',
    })
  })

  it('sealed files without keys.json: decrypt, passphrase and recovery key say the key file is missing, not "not encrypted"', async () => {
    const root = await encrypted()
    await rm(join(root, 'keys.json'))
    const before = await snapshot(root)
    const missing = {
      code: 'CORRUPT',
      message: expect.stringMatching(/encrypted but its key file keys\.json is missing/),
    }
    await expect(decryptWorkspace(root, UNLOCK)).rejects.toMatchObject(missing)
    await expect(changePassphrase(root, UNLOCK, 'another one', FAST)).rejects.toMatchObject(missing)
    await expect(newRecoveryKey(root, UNLOCK)).rejects.toMatchObject(missing)
    expect(await snapshot(root)).toEqual(before)
    // workspace.json lost as well: the case files and the library still tell it is sealed. An open (repair's
    // too) refuses, setting nothing aside as damaged and writing no plain index.
    await rm(join(root, 'workspace.json'))
    const without = await snapshot(root)
    await expect(openWorkspace(root)).rejects.toMatchObject(missing)
    await expect(openWorkspace(root, { readOnly: true })).rejects.toMatchObject(missing)
    await expect(decryptWorkspace(root, UNLOCK)).rejects.toMatchObject(missing)
    expect(await snapshot(root)).toEqual(without)
  })

  it('a new passphrase that is the current one is refused and keys.json is left as it was, however the current was given', async () => {
    const root = await encrypted()
    const keys = readFileSync(join(root, 'keys.json'))
    const dataKey = await unlockKeyFile(JSON.parse(keys.toString('utf8')), UNLOCK)
    for (const current of [UNLOCK, { dataKey }])
      await expect(changePassphrase(root, current, PASS, FAST)).rejects.toMatchObject({
        code: 'VALIDATION',
        message:
          'The new passphrase is the one this workspace already has; nothing was changed. Choose a different one to change it.',
      })
    expect(readFileSync(join(root, 'keys.json'))).toEqual(keys)
    expect(dataKey.equals(Buffer.alloc(32))).toBe(false)
    await changePassphrase(root, { dataKey }, 'a different passphrase', FAST)
    expect(readFileSync(join(root, 'keys.json'))).not.toEqual(keys)
  })

  it('a passphrase changed while a change is stopped finishes that change first, as an open would', async () => {
    const { root, before } = await halfEncrypted(2)
    await changePassphrase(root, UNLOCK, 'another passphrase', FAST)
    expect(await encryptionState(root)).toBe('encrypted')
    expect(await contents(root, { passphrase: 'another passphrase' })).toEqual(before)

    // A stopped decryption: finished, and then there is no passphrase to change; the journal is gone.
    const stop = new Error('stopped here')
    await expect(
      decryptWorkspace(
        root,
        { passphrase: 'another passphrase' },
        {
          progress: (done) => {
            if (done === 2) throw stop
          },
        },
      ),
    ).rejects.toBe(stop)
    expect(await encryptionState(root)).toBe('migrating')
    await expect(
      changePassphrase(root, { passphrase: 'another passphrase' }, 'a third passphrase', FAST),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This workspace is not encrypted.' })
    expect(await encryptionState(root)).toBe('plain')
    expect(existsSync(join(root, JOURNAL))).toBe(false)
    expect(await contents(root)).toEqual(before)
  })

  it('an interrupted change: reported as migrating, refused by encrypt, decrypt and a read-only open, finished by a writable one', async () => {
    const { root, before } = await halfEncrypted()
    expect(await encryptionState(root)).toBe('migrating')
    const untouched = await snapshot(root)
    const interrupted = {
      code: 'CONFLICT',
      message:
        'An encryption change was interrupted; open the workspace to finish it first (in the window, or with casefile repair).',
    }
    await expect(encryptWorkspace(root, PASS, { cost: FAST })).rejects.toMatchObject(interrupted)
    await expect(decryptWorkspace(root, UNLOCK)).rejects.toMatchObject(interrupted)
    await expect(openWorkspace(root, { readOnly: true, unlock: UNLOCK })).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/^An encryption change of this workspace was interrupted; open it for writing/),
    })
    expect(await snapshot(root)).toEqual(untouched)
    expect(await contents(root)).toEqual(before)
    expect(await encryptionState(root)).toBe('encrypted')
  })

  it('a journal that does not read as one resumes as the encryption it most likely was, losing nothing', async () => {
    for (const journal of ['{"direction": "enc', '{"direction": "sideways", "startedAt": ""}', '[]']) {
      const { root, before } = await halfEncrypted()
      await writeFile(join(root, JOURNAL), journal)
      expect(await encryptionState(root)).toBe('migrating')
      const s = await openWorkspace(root, { unlock: UNLOCK })
      try {
        // Said once, by the session that sealed it again: a decryption it stopped was undone.
        expect(s.workspace.problems()).toEqual([
          expect.objectContaining({ file: JOURNAL, message: expect.stringMatching(/decrypt it again\.$/) }),
        ])
      } finally {
        await s.close()
      }
      expect(await contents(root), journal).toEqual(before)
      expect(await encryptionState(root)).toBe('encrypted')
      for (const rel of await storedFiles(root))
        if (!rel.startsWith('audit.log') && !rel.startsWith('blobs/'))
          expect(looksSealed(await readFile(join(root, rel))), rel).toBe(true)
    }
  })

  it('a journal without keys.json, or something not a file at its path, leaves a plain workspace that opens without a passphrase', async () => {
    for (const journal of ['{"direction": "encrypt", "startedAt": ""}', '', 'a folder']) {
      const root = await populated()
      const before = await contents(root)
      if (journal === 'a folder') await mkdir(join(root, JOURNAL, 'inside'), { recursive: true })
      else await writeFile(join(root, JOURNAL), journal)
      expect(await encryptionState(root), journal).toBe('plain')
      const s = await openWorkspace(root, { readOnly: true })
      try {
        expect((await s.cases.list()).length).toBe(2)
      } finally {
        await s.close()
      }
      expect(await contents(root)).toEqual(before)
      // The writable open in contents() dropped a journal file; a folder is not ours, and stays.
      expect((await readdir(root)).includes(JOURNAL)).toBe(journal === 'a folder')
      if (journal === 'a folder') {
        // Encrypting needs the journal's place: refused, saying so, before anything is sealed.
        await expect(encryptWorkspace(root, PASS, { cost: FAST })).rejects.toThrow(/is a folder, not a regular file/)
        expect(await encryptionState(root)).toBe('plain')
      } else {
        await encryptWorkspace(root, PASS, { cost: FAST })
        expect(await encryptionState(root)).toBe('encrypted')
      }
      expect(await contents(root)).toEqual(before)
    }
  })

  it('read-only, an encrypted workspace opens with its passphrase and nothing is written', async () => {
    const root = await encrypted()
    const before = await snapshot(root)
    const s = await openWorkspace(root, { readOnly: true, unlock: UNLOCK })
    try {
      expect((await s.cases.list()).map((c) => c.title).sort()).toEqual(['Consulate incident', 'Second case'])
    } finally {
      await s.close()
    }
    expect(await snapshot(root)).toEqual(before)
  })
})

describe('the recovery key', () => {
  it('is handed over before a file is sealed; a stopped encryption finished later says how to get a new one', async () => {
    const root = await populated()
    const before = await contents(root)
    const shown: string[] = []
    const stop = new Error('stopped here')
    await expect(
      encryptWorkspace(root, PASS, {
        cost: FAST,
        onRecoveryKey: (key) => shown.push(key),
        progress: (done) => {
          // Handed over before the first file was sealed, and only once.
          expect(shown).toHaveLength(1)
          if (done === 2) throw stop
        },
      }),
    ).rejects.toBe(stop)
    const [first] = shown
    expect(first).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)

    // The next writer finishes the encryption and says so, naming the way to a new recovery key.
    const ws = await openWorkspace(root, { unlock: UNLOCK })
    try {
      const notice = ws.workspace.problems().find((p) => p.file === 'encryption-migration.json')
      expect(notice?.message).toMatch(
        /^An encryption of this workspace that was stopped has been finished: every one of its files is encrypted and nothing was lost\. .*casefile recovery-key\)\.$/,
      )
    } finally {
      await ws.close()
    }
    expect(await encryptionState(root)).toBe('encrypted')
    expect(await contents(root)).toEqual(before)

    // A new recovery key opens it; the one shown before no longer does; the passphrase still does.
    const second = await newRecoveryKey(root, UNLOCK)
    expect(second).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
    expect(second).not.toBe(first)
    await expect(openWorkspace(root, { unlock: { recoveryKey: first } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await (await openWorkspace(root, { unlock: { recoveryKey: second } })).close()
    await (await openWorkspace(root, { unlock: UNLOCK })).close()
    await expect(newRecoveryKey(root, { passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(newRecoveryKey(await populated(), UNLOCK)).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('made while an encryption is still stopped finishes it first, so no notice asks for another one', async () => {
    const { root, before } = await halfEncrypted(2)
    const key = await newRecoveryKey(root, UNLOCK)
    expect(await encryptionState(root)).toBe('encrypted')
    const ws = await openWorkspace(root, { unlock: { recoveryKey: key } })
    try {
      expect(ws.workspace.problems()).toEqual([])
    } finally {
      await ws.close()
    }
    expect(await contents(root)).toEqual(before)
  })

  it('repair says a stopped encryption was finished, as something it did, and leaves nothing to a person', async () => {
    const { root } = await halfEncrypted(2)
    const ws = await openWorkspace(root, { unlock: UNLOCK })
    try {
      const report = await ws.repair.run()
      expect(report.actions).toEqual([
        expect.objectContaining({
          kind: 'encryption change finished',
          file: 'encryption-migration.json',
          message: expect.stringMatching(/^An encryption of this workspace that was stopped has been finished/),
        }),
      ])
      expect(report.remaining).toEqual([])
    } finally {
      await ws.close()
    }
  })

  it('a finished encryption reports nothing', async () => {
    const root = await encrypted()
    const ws = await openWorkspace(root, { unlock: UNLOCK })
    try {
      expect(ws.workspace.problems()).toEqual([])
    } finally {
      await ws.close()
    }
  })
})

describe('while it runs', () => {
  it('reports each file once, in order, with the total, under a journal that says which way it goes', async () => {
    const root = await populated()
    for (const direction of ['encrypt', 'decrypt'] as const) {
      const seen: [number, number, string][] = []
      const journals = new Set<string>()
      const progress = (done: number, total: number, rel: string) => {
        seen.push([done, total, rel])
        journals.add((JSON.parse(readFileSync(join(root, JOURNAL), 'utf8')) as { direction: string }).direction)
      }
      const expected = await storedFiles(root)
      const result =
        direction === 'encrypt'
          ? await encryptWorkspace(root, PASS, { cost: FAST, progress })
          : await decryptWorkspace(root, UNLOCK, { progress })
      expect(result.files).toBe(expected.length)
      expect(expected.length).toBeGreaterThan(4)
      expect(seen).toEqual(expected.map((rel, i) => [i + 1, expected.length, rel]))
      expect([...journals]).toEqual([direction])
      expect(await encryptionState(root)).toBe(direction === 'encrypt' ? 'encrypted' : 'plain')
    }
  })

  it('seals the audit log line by line (so appends stay appends) and drops the derived cache', async () => {
    const root = await populated()
    await mkdir(join(root, 'cache'), { recursive: true })
    await writeFile(join(root, 'cache', 'search.json'), 'Agents at the door')
    await encryptWorkspace(root, PASS, { cost: FAST })
    const log = (await readFile(join(root, 'audit.log.jsonl'), 'utf8')).split('\n').slice(0, -1)
    expect(log.length).toBeGreaterThanOrEqual(2)
    for (const line of log) expect(line.startsWith(LINE_PREFIX), line.slice(0, 20)).toBe(true)
    expect(await readdir(root)).not.toContain('cache')
    const s = await openWorkspace(root, { unlock: UNLOCK })
    try {
      const src = join(await tempDir('casefile-src-'), 'letter.txt')
      await writeFile(src, 'a letter imported after encrypting')
      await s.evidence.importFile((await s.cases.list())[0].id, src, { title: 'Letter' })
      expect((await s.audit.verifyChain()).ok).toBe(true)
    } finally {
      await s.close()
    }
    const after = (await readFile(join(root, 'audit.log.jsonl'), 'utf8')).split('\n').slice(0, -1)
    expect(after.slice(0, log.length)).toEqual(log)
    expect(after.length).toBeGreaterThan(log.length)
  })
})

describe('the audit log, line by line', () => {
  it('seals each whole line, keeps empty lines and a torn tail as they are, and opens back to the same bytes', async () => {
    const root = await tempDir()
    const lines = ['{"n":1,"title":"Consulado — incidente año ñ"}', '', '{"n":2,"note":"日本語 €"}']
    const tail = '{"n":3,"torn'
    const original = Buffer.from(`${lines.join('\n')}\n${tail}`, 'utf8')
    await writeFile(join(root, 'audit.log.jsonl'), original)
    await encryptWorkspace(root, PASS, { cost: FAST })
    const sealed = await readFile(join(root, 'audit.log.jsonl'))
    const parts = sealed.toString('utf8').split('\n')
    expect(parts).toHaveLength(4)
    expect(parts[0].startsWith(LINE_PREFIX)).toBe(true)
    expect(parts[1]).toBe('')
    expect(parts[2].startsWith(LINE_PREFIX)).toBe(true)
    expect(parts[3]).toBe(tail)
    expect(sealed.toString('utf8')).not.toContain('Consulado')
    await decryptWorkspace(root, UNLOCK)
    expect(await readFile(join(root, 'audit.log.jsonl'))).toEqual(original)
  })
})

describe('which files it takes', () => {
  it('every regular file but the keys, the journal, the lock and the cache; no link, no special file', async () => {
    const root = await tempDir()
    const put = async (rel: string, text = 'x') => {
      await mkdir(join(root, rel, '..'), { recursive: true })
      await writeFile(join(root, rel), text)
    }
    for (const rel of [
      'keys.json',
      JOURNAL,
      '.casefile.lock/held',
      '.casefile.lock.holder.json',
      'cache/index.json',
      'workspace.json',
      'cases/a/case.json',
      'cases/a/notes.casefile.lock',
      'cases/cache/case.json',
      'cachet.json',
    ])
      await put(rel)
    await symlink(join(root, 'workspace.json'), join(root, 'cases', 'a', 'link.json'))
    execFileSync('mkfifo', [join(root, 'cases', 'a', 'pipe')])
    expect((await storedFiles(root)).sort()).toEqual(
      [
        'cachet.json',
        'cases/a/case.json',
        'cases/a/notes.casefile.lock',
        'cases/cache/case.json',
        'workspace.json',
      ].sort(),
    )
  })

  it("clears what stops left, but not this process's own writes and imports, nor anything under quarantine", async () => {
    const root = await populated()
    const before = await contents(root)
    const caseId = (await readdir(join(root, 'cases')))[0]
    const sha = (await readdir(join(root, 'blobs'))).find((n) => /^[0-9a-f]{64}$/.test(n))!
    const pid = process.pid
    const left = {
      ownWrite: `cases/${caseId}/.case.json.${pid}.0123456789ab.tmp`,
      otherWrite: `cases/${caseId}/.case.json.999999.0123456789ab.tmp`,
      ownConversion: `blobs/.${sha}.${pid}.0123456789ab.converting`,
      otherConversion: `blobs/.${sha}.999999.0123456789ab.converting`,
      ownImport: `blobs/.incoming-${pid}-00ff`,
      otherImport: 'blobs/.incoming-999999-00ff',
      quarantined: `quarantine/set-aside/2026-01-01T00-00-00-000Z__cases~${caseId}/.case.json.999999.0123456789ab.tmp`,
    }
    for (const rel of Object.values(left)) {
      await mkdir(join(root, rel, '..'), { recursive: true })
      await writeFile(join(root, rel), `left by a stop: ${rel}`)
    }
    await encryptWorkspace(root, PASS, { cost: FAST })
    const files = Object.keys(await snapshot(root))
    // Kept where they are (an own write or import may still be in flight; quarantine is never cleared).
    for (const rel of [left.ownWrite, left.ownImport, left.quarantined]) expect(files, rel).toContain(rel)
    // Removed: copies of files still whole elsewhere.
    for (const rel of [left.ownConversion, left.otherConversion, left.otherImport])
      expect(files, rel).not.toContain(rel)
    // Set aside, sealed like the rest.
    expect(files).not.toContain(left.otherWrite)
    const setAside = files.filter(
      (f) => f.startsWith('quarantine/set-aside/') && f.endsWith('.case.json.999999.0123456789ab.tmp'),
    )
    expect(setAside).toHaveLength(2)
    for (const f of setAside) expect((await readFile(join(root, f))).toString('latin1')).not.toContain('left by a stop')
    expect(await contents(root)).toEqual(before)
  })
})

describe('the place each file is sealed for', () => {
  it("a trashed case's files for their place in cases/; never sealed twice what opens at any of its places", async () => {
    const root = await tempDir()
    const key = randomBytes(32)
    const put = async (rel: string, bytes: string | Buffer) => {
      await mkdir(join(root, rel, '..'), { recursive: true })
      await writeFile(join(root, rel), bytes)
    }
    const read = (rel: string) => readFile(join(root, rel))
    const trashed = 'trash/e1/c1/annotations/ev.json'
    const kept = 'trash/e2/excerpt.json'
    const quarantined = 'quarantine/2026-01-01T00-00-00-000Z__cases~c2~case.json'
    await put(trashed, '{"a":1}')
    await put(kept, '{"k":1}')
    // Moved to quarantine as it was: sealed for where it came from.
    await put(quarantined, sealBytes(key, 'cases/c2/case.json', Buffer.from('{"q":1}')))
    const before = await read(quarantined)
    for (let run = 0; run < 2; run++)
      for (const rel of [trashed, kept, quarantined]) await convertFile(key, root, rel, 'seal')
    expect(openBytes(key, 'cases/c1/annotations/ev.json', await read(trashed)).toString()).toBe('{"a":1}')
    expect(openBytes(key, kept, await read(kept)).toString()).toBe('{"k":1}')
    expect(await read(quarantined)).toEqual(before)
    for (const rel of [trashed, kept, quarantined]) await convertFile(key, root, rel, 'open')
    expect([await read(trashed), await read(kept), await read(quarantined)].map(String)).toEqual([
      '{"a":1}',
      '{"k":1}',
      '{"q":1}',
    ])
  })
})

describe('refused to decrypt when a sealed file does not open', () => {
  /** Flips one character in the middle of `rel` (in its `line`-th line if given) so it no longer opens. */
  async function damage(root: string, rel: string, line?: number): Promise<void> {
    const abs = join(root, rel)
    if (line === undefined) {
      const bytes = await readFile(abs)
      bytes[bytes.length >> 1] ^= 1
      await writeFile(abs, bytes)
      return
    }
    const lines = (await readFile(abs, 'utf8')).split('\n')
    const at = lines[line].length >> 1
    const swapped = lines[line][at] === 'A' ? 'B' : 'A'
    lines[line] = lines[line].slice(0, at) + swapped + lines[line].slice(at + 1)
    await writeFile(abs, lines.join('\n'))
  }

  it('one damaged line of the audit log among good ones, or one damaged sealed file: named, and nothing changed', async () => {
    for (const [rel, line] of [
      ['audit.log.jsonl', 1],
      ['workspace.json', undefined],
    ] as const) {
      const root = await encrypted()
      await damage(root, rel, line)
      const before = await snapshot(root)
      await expect(decryptWorkspace(root, UNLOCK)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(
          new RegExp(`^Not decrypted: 1 file does not open .*: ${rel.replace('.', '\\.')}\\. No file`),
        ),
      })
      expect(await snapshot(root)).toEqual(before)
      expect(await encryptionState(root)).toBe('encrypted')
    }
  })

  it('names the first five of many, and says there are more', async () => {
    for (const count of [5, 6]) {
      const root = await encrypted()
      const caseId = (await readdir(join(root, 'cases')))[0]
      // Sealed for another path: each is a file put there from outside.
      const moved = Array.from({ length: count }, (_, i) => `cases/${caseId}/moved-${i}.json`)
      for (const rel of moved) await cp(join(root, 'workspace.json'), join(root, rel))
      const e = await decryptWorkspace(root, UNLOCK).then(
        () => null,
        (x: Error) => x,
      )
      expect(e?.message).toMatch(new RegExp(`^Not decrypted: ${count} files do not open`))
      const listed = moved.filter((rel) => e!.message.includes(rel))
      expect(listed).toHaveLength(5)
      expect(e!.message.includes(' …. No file')).toBe(count > 5)
    }
  })
})

describe('a failure at one of its own file steps', () => {
  /** Fails the step `fail` names for the converted copies it picks; the rest goes to the real file system. */
  const failing = {
    rename: (): Partial<FsIo> => {
      let renames = 0
      return {
        rename: async (from, to) => {
          if (from.endsWith('.converting') && renames++ === 2)
            throw Object.assign(new Error('EIO: rename'), { code: 'EIO' })
          return realFsIo.rename(from, to)
        },
      }
    },
    sync: (): Partial<FsIo> => ({
      sync: async (fh) => {
        if (pathOf(fh).endsWith('.converting')) throw Object.assign(new Error('EIO: fsync'), { code: 'EIO' })
        return realFsIo.sync(fh)
      },
    }),
  }

  it.each(Object.keys(failing) as (keyof typeof failing)[])(
    'a converted copy whose %s fails is closed and removed; the change stops and resumes on open',
    async (step) => {
      const root = await populated()
      const before = await contents(root)
      const restore = replaceFsIo(failing[step]())
      try {
        await expect(encryptWorkspace(root, PASS, { cost: FAST })).rejects.toMatchObject({ code: 'EIO' })
      } finally {
        restore()
      }
      expect(Object.keys(await snapshot(root)).filter((f) => f.endsWith('.converting'))).toEqual([])
      expect(await encryptionState(root)).toBe('migrating')
      expect(await contents(root)).toEqual(before)
      expect(await encryptionState(root)).toBe('encrypted')
    },
  )

  it('a journal already gone at the end is no failure; one that cannot be removed stops the change, which resumes on open', async () => {
    for (const code of ['ENOENT', 'EACCES']) {
      const root = await populated()
      const before = await contents(root)
      const restore = replaceFsIo({
        unlink: async (path) => {
          if (path.endsWith(JOURNAL)) {
            if (code === 'ENOENT') await realFsIo.unlink(path)
            throw Object.assign(new Error(`${code}: unlink`), { code })
          }
          return realFsIo.unlink(path)
        },
      })
      try {
        const run = encryptWorkspace(root, PASS, { cost: FAST })
        if (code === 'ENOENT') await expect(run).resolves.toMatchObject({ files: expect.any(Number) })
        else await expect(run).rejects.toMatchObject({ code })
      } finally {
        restore()
      }
      expect(await encryptionState(root)).toBe(code === 'ENOENT' ? 'encrypted' : 'migrating')
      expect(await contents(root)).toEqual(before)
      expect(await encryptionState(root)).toBe('encrypted')
    }
  })
})

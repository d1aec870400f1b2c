/**
 * The store at its edges, against real folders: opening what is not a workspace, the document cache,
 * what `loads` says of each kind of damage, a reader's stand-ins, reloading after a failed write,
 * restoring without knowing a file's kind, retiring a folder's documents, staged writes, moves, and
 * what closing waits for. The common paths are in store.test.ts.
 */
import { cp, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { isEncrypted } from '@main/storage/crypto/vault'
import { realFsIo, replaceFsIo } from '@main/storage/fsio'
import { WorkspaceStore } from '@main/storage/store'
import { withStore } from '../../helpers/store'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const Doc = z.object({ schemaVersion: z.number(), items: z.array(z.string()).default([]) })
const fresh = () => ({ schemaVersion: 1, items: [] as string[] })
const FAST = { N: 2 ** 10, r: 8, p: 1 }

const put = async (root: string, rel: string, data: unknown) => {
  await mkdir(join(root, rel, '..'), { recursive: true })
  await writeFile(join(root, rel), typeof data === 'string' ? data : JSON.stringify(data))
}

describe('opening', () => {
  it('a reader refuses a missing folder or a file, and creates nothing', async () => {
    const parent = await tempDir()
    const missing = join(parent, 'nowhere')
    await expect(WorkspaceStore.open(missing, { readOnly: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no workspace folder at ${missing}.`,
    })
    await writeFile(join(parent, 'a-file'), 'x')
    await expect(WorkspaceStore.open(join(parent, 'a-file'), { readOnly: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await readdir(parent)).toEqual(['a-file'])
    // A writer creates the folder.
    await withStore(missing, async (s) => expect(s.readOnly).toBe(false))
    expect((await stat(missing)).isDirectory()).toBe(true)
  })

  it('a refused unlock releases the lock it took, so the next open goes ahead', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      await (await s.document('workspace.json', 'workspace', Doc, fresh)).update((d) => d.items.push('a'))
    })
    await encryptWorkspace(root, 'the passphrase', { cost: FAST })
    await expect(WorkspaceStore.open(root, { unlock: { passphrase: 'wrong' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await withStore(
      root,
      async (s) => {
        expect(isEncrypted(root)).toBe(true)
        expect((await s.document('workspace.json', 'workspace', Doc)).data.items).toEqual(['a'])
      },
      { unlock: { passphrase: 'the passphrase' } },
    )
    // The data key goes with the store that held it.
    expect(isEncrypted(root)).toBe(false)
  })

  it('a stopped encryption that sealed nothing yet: a reader opens the plain workspace and leaves the journal, a writer drops it', async () => {
    const journal = JSON.stringify({ direction: 'encrypt', startedAt: '' })
    const root = await tempDir()
    await put(root, 'encryption-migration.json', journal)
    // No keys.json: nothing was sealed, so no passphrase is asked for.
    await withStore(root, async (s) => expect(s.readOnly).toBe(true), { readOnly: true })
    expect(await readFile(join(root, 'encryption-migration.json'), 'utf8')).toBe(journal)
    await withStore(root, async () => undefined)
    expect(await readdir(root)).not.toContain('encryption-migration.json')
  })

  it('reports a file quarantined earlier, naming where it went, with its backup', async () => {
    const root = await tempDir()
    await put(root, 'x.json', '{')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
    })
    await withStore(root, async (s) => {
      expect(s.problems.all()).toHaveLength(1)
      const [p] = s.problems.all()
      expect(p.message).toBe(
        `x.json failed to load earlier and was set aside as ${p.quarantinedTo}. No good backup of it exists.`,
      )
      expect(p.quarantinedTo).toMatch(/^quarantine[\\/].+__x\.json$/)
      expect(p.backupAvailable).toBeUndefined()
    })
  })
})

describe('files set aside earlier, and folders that leave', () => {
  const BACKUP = '2099-01-01T00-00-00-000Z-periodic.json'
  const storedFile = (rel: string) => (rel === 'x.json' ? { kind: 'case' as const, schema: Doc } : undefined)

  it('judges a backup as the kind the path names: versioned JSON of another shape is no good backup', async () => {
    const root = await tempDir()
    await put(root, 'x.json', '{')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
    })
    await put(root, join('backups', 'x.json', BACKUP), '{"schemaVersion":1,"items":"not a list"}')
    // Told nothing of the path, a versioned JSON object counts.
    await withStore(root, async (s) => {
      expect(s.problems.all()[0].backupAvailable).toBe(join('backups', 'x.json', BACKUP))
    })
    await withStore(
      root,
      async (s) => {
        const [p] = s.problems.all()
        expect(p.backupAvailable).toBeUndefined()
        expect(p.message).toMatch(/No good backup of it exists\.$/)
        await expect(s.restoreBackup('x.json')).rejects.toMatchObject({ code: 'NOT_FOUND' })
        expect(await s.exists('x.json')).toBe(false)
      },
      { storedFile },
    )
  })

  it("keeps a folder's problems aside while it is away (a case in the trash) until it is back, and no others", async () => {
    const root = await tempDir()
    const y = join('c', 'y.json')
    await put(root, y, '{')
    await withStore(root, async (s) => {
      await expect(s.document(y, 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
    })
    await withStore(root, async (s) => {
      // Reported at open whether its folder is there or not: only its owner knows the folder went to the trash.
      expect(s.problems.all().map((p) => p.file)).toEqual([y])
      const quarantined = s.problems.setAsideAs(y)
      expect(quarantined).toMatch(/^quarantine[\\/].+__c~y\.json$/)
      const other = { file: join('cx', 'z.json'), kind: 'unreadable' as const, message: 'next door' }
      s.problems.report(other)
      s.problems.setAwayUnder('c')
      expect(s.problems.all()).toEqual([other])
      expect(s.problems.setAsideAs(y)).toBeUndefined()
      expect(s.problems.setAsideAs(y, { away: true })).toBe(quarantined)
      s.problems.bringBackUnder('cx')
      expect(s.problems.all()).toEqual([other])
      s.problems.bringBackUnder('c')
      expect(s.problems.all().map((p) => p.file)).toEqual([other.file, y])
      expect(s.problems.setAsideAs(y)).toBe(quarantined)
      s.problems.setAwayUnder('c')
      s.problems.bringBackUnder('c')
      s.problems.bringBackUnder('c')
      expect(s.problems.all().map((p) => p.file)).toEqual([other.file, y])
      // Only the folder's problems go aside: one dropped meanwhile does not come back with another folder.
      s.problems.setAwayUnder('c')
      s.problems.drop(other)
      s.problems.bringBackUnder('cx')
      expect(s.problems.all()).toEqual([])
      s.problems.bringBackUnder('c')
      s.problems.setAwayUnder('c')
      expect(s.problems.all()).toEqual([])
    })
  })
})

describe('settling a set-aside file', () => {
  it('only once a good copy loads in its place: its copies go to quarantine/resolved/ and its problems go', async () => {
    const root = await tempDir()
    await put(root, 'x.json', '{')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
    })
    await withStore(root, async (s) => {
      await s.settleSetAside('x.json', 'case', Doc)
      expect(s.problems.all()).toHaveLength(1)
      await put(root, 'x.json', '{"schemaVersion":1,"items":"not a list"}')
      await s.settleSetAside('x.json', 'case', Doc)
      expect(s.problems.all()).toHaveLength(1)
      await put(root, 'x.json', fresh())
      await s.settleSetAside('x.json', 'case', Doc)
      expect(s.problems.all()).toEqual([])
    })
    expect(await readdir(join(root, 'quarantine', 'resolved'))).toEqual([expect.stringMatching(/__x\.json$/)])
    await withStore(root, async (s) => expect(s.problems.all()).toEqual([]))
    await withStore(
      root,
      (s) => expect(s.settleSetAside('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'READ_ONLY' }),
      {
        readOnly: true,
      },
    )
  })
})

describe('paths, problems and the cache', () => {
  it('resolves the root itself and paths inside it, refuses any other, and gives paths back relative', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      expect(s.resolve('.')).toBe(s.root)
      expect(s.resolve('cases/a/case.json')).toBe(join(s.root, 'cases', 'a', 'case.json'))
      expect(s.join('cases', 'a', 'case.json')).toBe(join(s.root, 'cases', 'a', 'case.json'))
      expect(s.rel(join(s.root, 'cases', 'a'))).toBe(join('cases', 'a'))
      expect(() => s.resolve('../elsewhere')).toThrow('../elsewhere is outside the workspace')
      expect(() => s.join('cases', '..', '..', 'x')).toThrow(/outside the workspace/)
      // A sibling whose name starts with the root's is outside too.
      expect(() => s.resolve(`../${root.split(/[\\/]/).pop()}-other/x`)).toThrow(/outside the workspace/)
    })
  })

  it('says whether a file exists, and keeps one write queue and one document per file', async () => {
    const root = await tempDir()
    await put(root, 'x.json', fresh())
    await withStore(root, async (s) => {
      expect(await s.exists('x.json')).toBe(true)
      expect(await s.exists('y.json')).toBe(false)
      expect(s.queueFor('x.json')).toBe(s.queueFor('x.json'))
      expect(s.queueFor('x.json')).not.toBe(s.queueFor('y.json'))
      const a = await s.document('x.json', 'case', Doc)
      expect(await s.document('x.json', 'case', Doc)).toBe(a)
      // A failed load is not kept: once the file is there, it loads.
      await expect(s.document('y.json', 'case', Doc)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'y.json does not exist',
      })
      await put(root, 'y.json', { schemaVersion: 1, items: ['y'] })
      expect((await s.document('y.json', 'case', Doc)).data.items).toEqual(['y'])
      // Forgotten, it is read again from disk.
      await put(root, 'x.json', { schemaVersion: 1, items: ['changed on disk'] })
      s.forget('x.json')
      expect((await s.document('x.json', 'case', Doc)).data.items).toEqual(['changed on disk'])
    })
  })

  it('drops one problem, or every problem of one file, and no other', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      const p = (file: string, message: string) => ({ file, kind: 'unreadable' as const, message })
      const [a1, a2, b] = [p('a.json', 'one'), p('a.json', 'two'), p('b.json', 'three')]
      for (const x of [a1, a2, b]) s.problems.report(x)
      s.problems.drop(p('a.json', 'one'))
      expect(s.problems.all()).toHaveLength(3)
      s.problems.drop(a2)
      expect(s.problems.all()).toEqual([a1, b])
      s.problems.drop(a1)
      expect(s.problems.all()).toEqual([b])
      s.problems.report(a1)
      s.problems.report(a2)
      s.problems.clear('a.json')
      expect(s.problems.all()).toEqual([b])
    })
  })

  it('writes pretty JSON unless told not to', async () => {
    for (const pretty of [undefined, false]) {
      const root = await tempDir()
      await withStore(
        root,
        async (s) => {
          await (await s.document('x.json', 'case', Doc, fresh)).update((d) => d.items.push('a'))
        },
        pretty === undefined ? {} : { pretty },
      )
      const text = await readFile(join(root, 'x.json'), 'utf8')
      expect(text.includes('\n'), String(pretty)).toBe(pretty === undefined)
      expect(JSON.parse(text)).toEqual({ schemaVersion: 1, items: ['a'] })
    }
  })

  it('takes a periodic backup at most once in ten minutes by default', async () => {
    const root = await tempDir()
    let now = new Date('2026-12-04T10:00:00Z')
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, fresh)
        for (const item of ['a', 'b', 'c']) await d.update((x) => x.items.push(item))
        expect(await s.backups.list('x.json')).toHaveLength(1)
        now = new Date('2026-12-04T10:09:59Z')
        await d.update((x) => x.items.push('d'))
        expect(await s.backups.list('x.json')).toHaveLength(1)
        now = new Date('2026-12-04T10:10:01Z')
        await d.update((x) => x.items.push('e'))
        expect(await s.backups.list('x.json')).toHaveLength(2)
      },
      { now: () => now },
    )
  })
})

describe('what loads says of each kind of damage', () => {
  it('true when the file loads, false for damage or a file that cannot be read, and the error itself otherwise', async () => {
    const root = await tempDir()
    await put(root, 'good.json', fresh())
    await put(root, 'bad.json', '{"schemaVersion": 1, "items": [4')
    await mkdir(join(root, 'folder.json'))
    await put(root, 'plainfile', 'x')
    await withStore(root, async (s) => {
      expect(await s.loads('good.json', 'case', Doc)).toBe(true)
      expect(await s.loads('bad.json', 'case', Doc)).toBe(false)
      expect(await s.loads('folder.json', 'case', Doc)).toBe(false)
      // A path through a file (ENOTDIR): damage in the folder layout, reported, never moved.
      expect(await s.loads('plainfile/x.json', 'case', Doc)).toBe(false)
      await expect(s.loads('missing.json', 'case', Doc)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await s.loads('created.json', 'case', Doc, fresh)).toBe(true)
      const byFile = Object.fromEntries(s.problems.all().map((p) => [p.file, p]))
      expect(Object.keys(byFile).sort()).toEqual(['bad.json', 'folder.json', 'plainfile/x.json'].map((f) => join(f)))
      expect(byFile['folder.json'].message).toMatch(/^folder\.json could not be loaded: .*folder/)
      expect(byFile['folder.json'].quarantinedTo).toMatch(/__folder\.json$/)
      expect(byFile[join('plainfile/x.json')].quarantinedTo).toBeUndefined()
    })
    expect(await readFile(join(root, 'plainfile'), 'utf8')).toBe('x')
    await expect(s2Error(root, 'plainfile/x.json')).resolves.toBe('CORRUPT')
  })

  it('a sealed file moved from another path is set aside as one that does not open with the key', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      for (const f of ['a.json', 'b.json'])
        await (await s.document(f, 'case', Doc, fresh)).update((d) => d.items.push(f))
    })
    await encryptWorkspace(root, 'the passphrase', { cost: FAST })
    await cp(join(root, 'a.json'), join(root, 'b.json'))
    await withStore(
      root,
      async (s) => {
        expect((await s.document('a.json', 'case', Doc)).data.items).toEqual(['a.json'])
        const e = await s.document('b.json', 'case', Doc).catch((x: Error) => x)
        expect(e).toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/^b\.json could not be loaded/) })
        expect(s.problems.all().map((p) => [p.file, p.kind])).toEqual([['b.json', 'unreadable']])
        expect(s.problems.all()[0].quarantinedTo).toMatch(/__b\.json$/)
      },
      { unlock: { passphrase: 'the passphrase' } },
    )
  })

  it('a reader sees a missing optional file as its empty form and writes nothing', async () => {
    const root = await tempDir()
    await withStore(
      root,
      async (s) => {
        const d = await s.document('opt/x.json', 'case', Doc, fresh)
        expect(d.data).toEqual(fresh())
      },
      { readOnly: true },
    )
    expect(await readdir(root)).toEqual([])
  })
})

/** The code a fresh store's load of `rel` fails with. */
async function s2Error(root: string, rel: string): Promise<string> {
  return withStore(root, (s) =>
    s.document(rel, 'case', Doc).then(
      () => 'loaded',
      (e: { code: string }) => e.code,
    ),
  )
}

describe("a reader's stand-in", () => {
  it('is served in place of the file, refuses writes, and only a reader may keep one', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      expect(() => s.standIn('x.json', 'case', Doc, fresh())).toThrow(
        'Only a read-only opener keeps a stand-in document.',
      )
    })
    await withStore(
      root,
      async (s) => {
        s.standIn('x.json', 'case', Doc, { schemaVersion: 1, items: ['rebuilt'] })
        const d = await s.document('x.json', 'case', Doc)
        expect(d.data.items).toEqual(['rebuilt'])
        await expect(d.update((x) => x.items.push('no'))).rejects.toMatchObject({ code: 'READ_ONLY' })
        expect(() => s.assertWritable()).toThrow('The workspace is read-only: opened read-only.')
      },
      { readOnly: true },
    )
    expect(await readdir(root)).toEqual([])
  })
})

describe('after a failed write', () => {
  it("memory goes back to what is on disk, and a newer file's document refuses writes in words", async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      const d = await s.document('x.json', 'case', Doc, fresh)
      await d.update((x) => x.items.push('kept'))
      const restore = replaceFsIo({
        open: async (path, flags, mode) => {
          if (String(path).includes('.x.json.')) throw Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC' })
          return realFsIo.open(path, flags, mode)
        },
      })
      try {
        await expect(d.update((x) => x.items.push('lost'))).rejects.toMatchObject({ code: 'ENOSPC' })
      } finally {
        restore()
      }
      expect(d.data.items).toEqual(['kept'])
    })
    await put(root, 'newer.json', { schemaVersion: 999, items: [] })
    await withStore(root, async (s) => {
      const d = await s.document('newer.json', 'case', Doc)
      // Another kind than the workspace's own file: only that file is read-only, not the workspace.
      expect(s.readOnly).toBe(false)
      await expect(d.update((x) => x.items.push('no'))).rejects.toThrow(
        'newer.json was written by a newer version of Casefile and is open read-only',
      )
    })
  })
})

describe('restoring a backup', () => {
  it('of a file whose kind this store never loaded: the newest backup that is a versioned JSON object', async () => {
    const root = await tempDir()
    let now = new Date('2026-12-04T10:00:00Z')
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, fresh)
        await d.update((x) => x.items.push('good'))
      },
      { now: () => now },
    )
    // Newer backups that are no good: not JSON, and JSON without a schema version.
    const dir = join(root, 'backups', 'x.json')
    const names = await readdir(dir)
    expect(names).toHaveLength(1)
    await writeFile(join(dir, '2099-01-01T00-00-00-000Z-periodic.json'), '{"items": ["no version"]}')
    await writeFile(join(dir, '2099-01-02T00-00-00-000Z-periodic.json'), 'not json')
    await put(root, 'x.json', '{')
    now = new Date('2026-12-04T11:00:00Z')
    await withStore(
      root,
      async (s) => {
        await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      },
      { now: () => now },
    )
    // A later open knows the file only from quarantine.
    await withStore(root, async (s) => {
      expect(s.problems.all().map((p) => p.kind)).toEqual(['quarantined'])
      const used = await s.restoreBackup('x.json')
      expect(used).toBe(join('backups', 'x.json', names[0]))
      // The newest good one holds the file as it was before its last write.
      expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8')).items).toEqual([])
      expect(s.problems.all()).toEqual([])
    })
  })

  it('says there is no good backup, and refuses a file whose only problem is being newer', async () => {
    const root = await tempDir()
    await put(root, 'x.json', '{')
    await put(root, 'newer.json', { schemaVersion: 999, items: [] })
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      await expect(s.restoreBackup('x.json')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'There is no good backup of x.json.',
      })
      await s.document('newer.json', 'case', Doc)
      expect(
        s.problems
          .all()
          .map((p) => p.kind)
          .sort(),
      ).toEqual(['newer-version', 'unreadable'])
      await expect(s.restoreBackup('newer.json')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'newer.json has no load problem to repair; nothing was restored.',
      })
    })
  })

  it('sets aside whatever is at the path when restoring, never overwriting it', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      await (await s.document('x.json', 'case', Doc, fresh)).update((d) => d.items.push('good'))
    })
    await put(root, 'x.json', '{"first damage')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      await put(root, 'x.json', '{"second damage')
      await s.restoreBackup('x.json')
    })
    const kept: string[] = []
    for (const e of await readdir(join(root, 'quarantine'), { recursive: true, withFileTypes: true }))
      if (e.isFile()) kept.push(await readFile(join(e.parentPath, e.name), 'utf8'))
    expect(kept.sort()).toEqual(['{"first damage', '{"second damage'])
  })

  it('writes no backup over a damaged file that cannot be moved to quarantine/: it stays as it was, and says so', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      await (await s.document('x.json', 'case', Doc, fresh)).update((d) => d.items.push('good'))
    })
    await put(root, 'x.json', '{"the only copy of this damage')
    await put(root, 'quarantine', 'a file where the folder goes')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      await expect(s.restoreBackup('x.json')).rejects.toMatchObject({
        code: 'IO',
        message: expect.stringMatching(
          /^x\.json could not be moved to quarantine\/ \(.+\), so no backup was written over it; it is where it was\.$/,
        ),
      })
    })
    expect(await readFile(join(root, 'x.json'), 'utf8')).toBe('{"the only copy of this damage')
  })
})

describe('retiring, staging, moving, copying, closing', () => {
  it("retires the documents under a folder only: their writes are refused, the folder's neighbours' are not", async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      const inside = await s.document(join('cases', 'a', 'case.json'), 'case', Doc, fresh)
      const neighbour = await s.document(join('cases', 'ab', 'case.json'), 'case', Doc, fresh)
      await expect(s.document(join('cases', 'a', 'missing.json'), 'case', Doc)).rejects.toBeTruthy()
      await s.retireUnder(join('cases', 'a'))
      await expect(inside.update((d) => d.items.push('x'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await neighbour.update((d) => d.items.push('x'))
      // Forgotten: the next open reads the folder as it then is.
      expect(await s.document(join('cases', 'a', 'case.json'), 'case', Doc)).not.toBe(inside)
    })
  })

  it('writes a staged file under its staging folder only, formatted as the store formats', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      const staging = join(root, 'staging', 'import-1')
      await s.writeStaged(staging, join('cases', 'a', 'case.json'), { schemaVersion: 1, items: ['a'] })
      expect(await readFile(join(staging, 'cases', 'a', 'case.json'), 'utf8')).toBe(
        JSON.stringify({ schemaVersion: 1, items: ['a'] }, null, 1),
      )
      await expect(s.writeStaged(staging, join('..', 'escaped.json'), {})).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: `${join('..', 'escaped.json')} is outside the staging folder`,
      })
      await expect(s.writeStaged(join(root, '..'), 'x.json', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })
    expect(await readdir(join(root, 'staging'))).toEqual(['import-1'])
    await withStore(
      root,
      async (s) => {
        await s.writeStaged(join(root, 'staging'), 'compact.json', { a: 1 })
      },
      { pretty: false },
    )
    expect(await readFile(join(root, 'staging', 'compact.json'), 'utf8')).toBe('{"a":1}')
  })

  it('moves a folder to a new place, making its parents, and never over something there', async () => {
    const root = await tempDir()
    await put(root, 'staging/c1/case.json', 'one')
    await put(root, 'staging/c2/case.json', 'two')
    await withStore(root, async (s) => {
      await s.move(join(root, 'staging', 'c1'), join('cases', 'deep', 'c1'))
      expect(await readFile(join(root, 'cases', 'deep', 'c1', 'case.json'), 'utf8')).toBe('one')
      await expect(s.move(join(root, 'staging', 'c2'), join('cases', 'deep', 'c1'))).rejects.toMatchObject({
        code: 'CONFLICT',
        message: `${join('cases', 'deep', 'c1')} already exists.`,
      })
      expect(await readFile(join(root, 'cases', 'deep', 'c1', 'case.json'), 'utf8')).toBe('one')
      expect(await readFile(join(root, 'staging', 'c2', 'case.json'), 'utf8')).toBe('two')
      await expect(s.move(join(root, '..', 'x'), 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })
  })

  it('copies a file in, making its folders', async () => {
    const root = await tempDir()
    const src = join(await tempDir(), 'src.bin')
    await writeFile(src, 'bytes')
    await withStore(root, async (s) => {
      await s.copyIn(src, join('blobs', 'new', 'x.bin'))
      await expect(s.copyIn(src, join('..', 'x.bin'))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })
    expect(await readFile(join(root, 'blobs', 'new', 'x.bin'), 'utf8')).toBe('bytes')
  })

  it('closing waits for the updates under way (a backup first, then the write), then refuses new ones, saying why', async () => {
    const root = await tempDir()
    const s = await WorkspaceStore.open(root)
    const d = await s.document('x.json', 'case', Doc, fresh)
    const pending = Array.from({ length: 5 }, (_, i) => d.update((x) => x.items.push(String(i))))
    await s.close()
    expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8')).items).toEqual(['0', '1', '2', '3', '4'])
    await Promise.all(pending)
    expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8')).items).toEqual(['0', '1', '2', '3', '4'])
    expect(s.readOnlyReason).toBe('the workspace was closed')
    await expect(d.update((x) => x.items.push('late'))).rejects.toThrow(
      'The workspace is read-only: the workspace was closed.',
    )
  })
})

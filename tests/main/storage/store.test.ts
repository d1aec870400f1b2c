import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION, StatuteLibraryFile } from '@shared/domain'
import { say, type CatalogueKey } from '@shared/i18n'
import { localMessage } from '@shared/i18n/appError'
import type { AppError } from '@shared/ipc/result'
import { WorkspaceStore } from '@main/storage/store'
import { withStore } from '../../helpers/store'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const Doc = z.object({ schemaVersion: z.number(), items: z.array(z.string()).default([]) })

describe('WorkspaceStore', () => {
  it('creates a missing file from its defaults and persists updates', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      const d = await s.document('statutes.json', 'statutes', StatuteLibraryFile, () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        excerpts: [],
      }))
      expect(d.data.excerpts).toEqual([])
    })
    await withStore(root, async (s) => {
      const d = await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] }))
      await d.update((x) => x.items.push('a'))
    })
    expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8')).items).toEqual(['a'])
  })

  it('quarantines a truncated file unchanged, reports it, and never overwrites it', async () => {
    const root = await tempDir()
    const truncated = '{"schemaVersion":1,"items":["a","b'
    await writeFile(join(root, 'x.json'), truncated)
    await withStore(root, async (s) => {
      const err = await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] })).catch((e) => e)
      expect(err.code).toBe('CORRUPT')
      expect(err.message).toMatch(/x\.json could not be loaded: it is not valid JSON/)
      expect(s.problems.all()).toHaveLength(1)
      expect(s.problems.all()[0].kind).toBe('unreadable')
      const moved = s.problems.all()[0].quarantinedTo!
      expect(await readFile(join(root, moved), 'utf8')).toBe(truncated)
    })
    // Reported again on the next open, from the quarantine folder.
    await withStore(root, async (s) => {
      expect(s.problems.all().map((p) => p.kind)).toEqual(['quarantined'])
    })
  })

  it('names a quarantined file by its original path, even when an id holds "__"', async () => {
    const root = await tempDir()
    const rel = join('cases', 'case__x', 'case.json')
    await mkdir(join(root, 'cases', 'case__x'), { recursive: true })
    await writeFile(join(root, rel), '{')
    await withStore(root, async (s) => {
      await expect(s.document(rel, 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
    })
    await withStore(root, async (s) => {
      expect(s.problems.all().map((p) => [p.kind, p.file])).toEqual([['quarantined', rel]])
    })
  })

  it('quarantines a file that parses but does not validate', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'x.json'), JSON.stringify({ schemaVersion: 1, items: [42] }))
    await withStore(root, async (s) => {
      const err = await s.document('x.json', 'case', Doc).catch((e) => e)
      expect(err.code).toBe('CORRUPT')
      expect(err.message).toMatch(/does not match the expected shape at items\.0/)
      expect((await readdir(join(root, 'quarantine'))).length).toBe(1)
    })
  })

  it('in read-only mode reports a bad file but leaves it in place', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'x.json'), '{oops')
    await withStore(
      root,
      async (s) => {
        const err = await s.document('x.json', 'case', Doc).catch((e) => e)
        expect(err.code).toBe('CORRUPT')
      },
      { readOnly: true },
    )
    expect(await readFile(join(root, 'x.json'), 'utf8')).toBe('{oops')
  })

  it('opens a file from a newer version read-only', async () => {
    const root = await tempDir()
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, items: ['a'] })
    await writeFile(join(root, 'x.json'), newer)
    await withStore(root, async (s) => {
      const d = await s.document('x.json', 'case', Doc)
      expect(d.data.items).toEqual(['a'])
      const err = await d.update((x) => x.items.push('b')).catch((e) => e)
      expect(err.code).toBe('READ_ONLY')
      expect(s.problems.all()[0].kind).toBe('newer-version')
    })
    expect(await readFile(join(root, 'x.json'), 'utf8')).toBe(newer)
  })

  it('says why it is read-only, in either language, the first reason kept', async () => {
    const root = await tempDir()
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, items: [] })
    await writeFile(join(root, 'workspace.json'), newer)
    const s = await WorkspaceStore.open(root)
    expect(s.readOnlyReason).toBeUndefined()
    expect(s.readOnlyText).toBeUndefined()
    await s.document('workspace.json', 'workspace', Doc)
    const later = CURRENT_SCHEMA_VERSION + 1
    expect(s.readOnlyReason).toBe(`it was written by a newer version of Casefile (schema ${later})`)
    const err = (() => {
      try {
        s.assertWritable()
      } catch (e) {
        return e as AppError
      }
    })()!
    expect(err).toMatchObject({
      code: 'READ_ONLY',
      message: `The workspace is read-only: it was written by a newer version of Casefile (schema ${later}).`,
    })
    expect(localMessage(err, 'es')).toBe(
      `El espacio de trabajo es de solo lectura: lo escribió una versión más reciente de Casefile (esquema ${later}).`,
    )
    expect(say('es', s.readOnlyText!.key as CatalogueKey, s.readOnlyText!.values)).toBe(
      `lo escribió una versión más reciente de Casefile (esquema ${later})`,
    )
    await s.close()
    expect(s.readOnlyReason).toMatch(/newer version/)

    const opened = await WorkspaceStore.open(root, { readOnly: true })
    expect(opened.readOnlyReason).toBe('opened read-only')
    await opened.close()
    const closed = await WorkspaceStore.open(await tempDir())
    await closed.close()
    expect(closed.readOnlyReason).toBe('the workspace was closed')
    expect(say('es', closed.readOnlyText!.key as CatalogueKey, closed.readOnlyText!.values)).toBe(
      'el espacio de trabajo se cerró',
    )
    closed.setReadOnly({ why: 'lockLost', detail: 'ENOENT' })
    expect(closed.readOnlyReason).toBe('the workspace was closed')
  })

  it('migrates an old file forward after taking a backup of it', async () => {
    const root = await tempDir()
    const old = JSON.stringify({ schemaVersion: 0, list: ['a'] })
    await writeFile(join(root, 'x.json'), old)
    const migrations = {
      workspace: {},
      annotations: {},
      briefing: {},
      statutes: {},
      keys: {},
      trash: {},
      case: { 0: (d: Record<string, unknown>) => ({ items: d.list }) },
    }
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc)
        expect(d.data).toEqual({ schemaVersion: 1, items: ['a'] })
        const backups = await s.backups.list('x.json')
        expect(backups).toHaveLength(1)
        expect(backups[0]).toMatch(/before-migration-v0/)
        expect(await readFile(backups[0], 'utf8')).toBe(old)
      },
      { migrations },
    )
    expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8'))).toEqual({ schemaVersion: 1, items: ['a'] })
  })

  it('a read-only opener migrates in memory only: no write, no backup', async () => {
    const root = await tempDir()
    const old = JSON.stringify({ schemaVersion: 0, list: ['a'] })
    await writeFile(join(root, 'x.json'), old)
    const migrations = {
      workspace: {},
      annotations: {},
      briefing: {},
      statutes: {},
      keys: {},
      trash: {},
      case: { 0: (d: Record<string, unknown>) => ({ items: d.list }) },
    }
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc)
        expect(d.data).toEqual({ schemaVersion: 1, items: ['a'] })
      },
      { migrations, readOnly: true },
    )
    expect(await readFile(join(root, 'x.json'), 'utf8')).toBe(old)
    expect(await readdir(root)).toEqual(['x.json'])
  })

  it('moves a damaged file to quarantine: the original name is free, the bytes are kept once', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'x.json'), '{"schemaVersion":1,')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect(await readdir(join(root, 'quarantine'))).toHaveLength(1)
    })
    // Moved, not copied: nothing is left under the original name to be read as good next time.
    expect((await readdir(root)).filter((n) => n !== 'quarantine')).toEqual([])
  })

  it('keeps a few rotating backups and can restore the newest', async () => {
    const root = await tempDir()
    let t = Date.parse('2026-01-01T00:00:00Z')
    const now = () => new Date((t += 60_000))
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] }))
        for (let i = 0; i < 8; i++) await d.update((x) => x.items.push(String(i)))
        expect(await s.backups.list('x.json')).toHaveLength(3)
      },
      { now, backupIntervalMs: 0, backupGenerations: 3 },
    )

    await writeFile(join(root, 'x.json'), 'garbage')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect(s.problems.all()[0].backupAvailable).toBeTruthy()
      await s.restoreBackup('x.json')
      const d = await s.document('x.json', 'case', Doc)
      // The newest backup was taken before the last write: it holds items 0..6.
      expect(d.data.items).toEqual(['0', '1', '2', '3', '4', '5', '6'])
      expect(s.problems.all()).toEqual([])
    })
  })

  it('names no backup as available when every backup of a damaged file is damaged too, this session or the next', async () => {
    const root = await tempDir()
    let t = Date.parse('2026-01-01T00:00:00Z')
    const now = () => new Date((t += 60_000))
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] }))
        for (let i = 0; i < 3; i++) await d.update((x) => x.items.push(String(i)))
      },
      { now, backupIntervalMs: 0 },
    )
    const dir = join(root, 'backups', 'x.json')
    const taken = await readdir(dir)
    expect(taken.length).toBeGreaterThan(0)
    // Valid JSON, but not this kind of file: it would not load either, so it is no backup to offer.
    for (const name of taken) await writeFile(join(dir, name), '{"schemaVersion":1,"items":7}')
    await writeFile(join(root, 'x.json'), 'garbage')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect(s.problems.all()[0].backupAvailable).toBeUndefined()
      expect(s.problems.all()[0].message).toMatch(/ No good backup of it exists\.$/)
    })
    // The next session knows only that it was set aside, not its kind: the same backups are still not JSON objects it could load.
    for (const name of taken) await writeFile(join(dir, name), 'truncat')
    await withStore(root, async (s) => {
      expect(s.problems.all()[0].backupAvailable).toBeUndefined()
      expect(s.problems.all()[0].message).toMatch(/ No good backup of it exists\.$/)
    })
  })

  it('does not make a set-aside file again empty while a good backup of it waits, this session or the next', async () => {
    const root = await tempDir()
    let t = Date.parse('2026-01-01T00:00:00Z')
    const now = () => new Date((t += 60_000))
    const empty = () => ({ schemaVersion: 1, items: [] })
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, empty)
        for (let i = 0; i < 3; i++) await d.update((x) => x.items.push(String(i)))
      },
      { now, backupIntervalMs: 0 },
    )
    await writeFile(join(root, 'x.json'), 'garbage')
    for (const session of ['this', 'next']) {
      await withStore(root, async (s) => {
        if (session === 'this')
          await expect(s.document('x.json', 'case', Doc, empty)).rejects.toMatchObject({ code: 'CORRUPT' })
        const again = await s.document('x.json', 'case', Doc, empty).catch((e: AppError) => e)
        expect(again).toMatchObject({
          code: 'CORRUPT',
          message: expect.stringMatching(
            /^x\.json failed to load and was set aside unchanged as quarantine\/.*Restore its backup \(backups\/x\.json\/.*\) first/,
          ),
        })
        const problem = s.problems.all().find((p) => p.file === 'x.json')
        expect(problem?.backupAvailable).toMatch(/^backups\/x\.json\//)
        expect(problem?.message).toMatch(/ A good backup is available \(backups\/x\.json\/.+\)\.$/)
        // Nothing was written in its place, and nothing keeps from putting the backup back.
        await expect(readFile(join(root, 'x.json'))).rejects.toMatchObject({ code: 'ENOENT' })
      })
    }
    await withStore(root, async (s) => {
      await s.restoreBackup('x.json')
      expect((await s.document('x.json', 'case', Doc, empty)).data.items).toEqual(['0', '1'])
    })
  })

  it('makes a set-aside file again when no good backup of it exists; one never made again says where it went', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'x.json'), 'garbage')
    await writeFile(join(root, 'y.json'), 'garbage')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] }))).rejects.toMatchObject({
        code: 'CORRUPT',
      })
      await expect(s.document('y.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
    })
    await withStore(root, async (s) => {
      expect(
        (await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: ['new'] }))).data.items,
      ).toEqual(['new'])
      await expect(s.document('y.json', 'case', Doc)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(/y\.json failed to load and was set aside .*No good backup of it exists\./),
      })
      expect(s.problems.all().find((p) => p.file === 'y.json')?.backupAvailable).toBeUndefined()
    })
  })

  it('restores a backup only over a file that failed to load, never over a healthy one', async () => {
    const root = await tempDir()
    let t = Date.parse('2026-01-01T00:00:00Z')
    const now = () => new Date((t += 60_000))
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] }))
        for (let i = 0; i < 3; i++) await d.update((x) => x.items.push(String(i)))
        expect(await s.backups.newest('x.json')).toBeTruthy()
        // A (compromised) renderer asks to roll the healthy file back: refused, nothing changes.
        await expect(s.restoreBackup('x.json')).rejects.toMatchObject({ code: 'NOT_FOUND' })
        await expect(s.restoreBackup('../x.json')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      },
      { now, backupIntervalMs: 0 },
    )
    expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8')).items).toEqual(['0', '1', '2'])
  })

  it('restores the newest backup that is good, not a damaged newer one, and then stops reporting the file', async () => {
    const root = await tempDir()
    let t = Date.parse('2026-01-01T00:00:00Z')
    const now = () => new Date((t += 60_000))
    await withStore(
      root,
      async (s) => {
        const d = await s.document('x.json', 'case', Doc, () => ({ schemaVersion: 1, items: [] }))
        for (let i = 0; i < 3; i++) await d.update((x) => x.items.push(String(i)))
      },
      { now, backupIntervalMs: 0 },
    )
    const backups = (await readdir(join(root, 'backups', 'x.json'))).sort()
    // The newest backup is itself damaged (a disk error after it was taken).
    await writeFile(join(root, 'backups', 'x.json', backups.at(-1)!), '{"schemaVersion":1,"items":[')
    await writeFile(join(root, 'x.json'), 'garbage')
    await withStore(root, async (s) => {
      await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect(await s.restoreBackup('x.json')).toBe(join('backups', 'x.json', backups.at(-2)!))
      expect((await s.document('x.json', 'case', Doc)).data.items).toEqual(['0'])
    })
    // The damaged copy is kept under quarantine/resolved/ and no longer reported.
    await withStore(root, async (s) => {
      expect(s.problems.all()).toEqual([])
      expect(
        await readFile(
          join(root, 'quarantine', 'resolved', (await readdir(join(root, 'quarantine', 'resolved')))[0]),
          'utf8',
        ),
      ).toBe('garbage')
    })
  })

  it('never overwrites a quarantined file with another set aside in the same millisecond', async () => {
    const root = await tempDir()
    const now = () => new Date('2026-01-01T00:00:00Z')
    await withStore(
      root,
      async (s) => {
        for (const text of ['{first', '{second']) {
          await writeFile(join(root, 'x.json'), text)
          s.forget('x.json')
          await expect(s.document('x.json', 'case', Doc)).rejects.toMatchObject({ code: 'CORRUPT' })
        }
      },
      { now },
    )
    const kept = await readdir(join(root, 'quarantine'))
    expect(kept).toHaveLength(2)
    expect((await Promise.all(kept.map((n) => readFile(join(root, 'quarantine', n), 'utf8')))).sort()).toEqual([
      '{first',
      '{second',
    ])
  })

  it('detects invalid UTF-8 in a stored file (never read as U+FFFD) and sets the original bytes aside', async () => {
    const root = await tempDir()
    const bytes = Buffer.concat([
      Buffer.from('{"schemaVersion":1,"items":["caf'),
      Buffer.from([0xe9]),
      Buffer.from('"]}'),
    ])
    await writeFile(join(root, 'x.json'), bytes)
    await withStore(root, async (s) => {
      const err = await s.document('x.json', 'case', Doc).catch((e) => e)
      expect(err.message).toMatch(/not valid UTF-8/)
      expect(await readFile(join(root, s.problems.all()[0].quarantinedTo!))).toEqual(bytes)
    })
  })

  it('refuses paths that leave the workspace', async () => {
    const root = await tempDir()
    await withStore(root, async (s) => {
      expect(() => s.resolve('../etc/passwd')).toThrow(/outside the workspace/)
    })
  })

  it('lets one process write a workspace at a time and names the holder', async () => {
    const root = await tempDir()
    const first = await WorkspaceStore.open(root, { app: 'Casefile window' })
    try {
      const err = await WorkspaceStore.open(root).catch((e) => e)
      expect(err.code).toBe('LOCKED')
      expect(err.message).toMatch(new RegExp(`in use by Casefile window \\(process ${process.pid} on `))
      // A read-only opener is not blocked.
      const ro = await WorkspaceStore.open(root, { readOnly: true })
      expect(ro.readOnly).toBe(true)
      await ro.close()
    } finally {
      await first.close()
    }
    const again = await WorkspaceStore.open(root)
    await again.close()
  })
})

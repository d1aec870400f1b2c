/**
 * Rotating backups of one file (backups.ts): named by the time and the reason,
 * never overwriting one another, the oldest beyond the kept number removed, at most
 * one per interval before writes, and read back newest first.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Backups } from '@main/storage/backups'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

/** A workspace with cases/c1/case.json, and Backups over it whose clock the test sets. */
async function setUp(generations = 3, intervalMs = 60_000) {
  const root = await tempDir()
  await mkdir(join(root, 'cases', 'c1'), { recursive: true })
  await writeFile(join(root, 'cases', 'c1', 'case.json'), '{"v":1}')
  let now = new Date('2026-12-04T10:20:30.456Z')
  const backups = new Backups(root, 'backups', generations, intervalMs, () => now)
  const dir = join(root, 'backups', 'cases', 'c1', 'case.json')
  return {
    root,
    backups,
    dir,
    at: (iso: string) => (now = new Date(iso)),
    names: async () => (await readdir(dir)).sort(),
    write: (text: string) => writeFile(join(root, 'cases', 'c1', 'case.json'), text),
  }
}

describe('Backups', () => {
  it('names a copy by its time (no colon or dot) and its reason, periodic by default, and copies the bytes', async () => {
    const { backups, dir, names } = await setUp()
    const taken = await backups.take('cases/c1/case.json')
    expect(taken).toBe(join(dir, '2026-12-04T10-20-30-456Z-periodic.json'))
    await backups.take('cases/c1/case.json', 'before-migration-v1')
    expect(await names()).toEqual([
      '2026-12-04T10-20-30-456Z-before-migration-v1.json',
      '2026-12-04T10-20-30-456Z-periodic.json',
    ])
    expect(await readFile(taken, 'utf8')).toBe('{"v":1}')
  })

  it('never overwrites a copy taken at the same moment: -1, -2 …', async () => {
    const { backups, names, write } = await setUp(10)
    for (const v of [1, 2, 3]) {
      await write(`{"v":${v}}`)
      await backups.take('cases/c1/case.json')
    }
    expect(await names()).toEqual([
      '2026-12-04T10-20-30-456Z-periodic-1.json',
      '2026-12-04T10-20-30-456Z-periodic-2.json',
      '2026-12-04T10-20-30-456Z-periodic.json',
    ])
  })

  it('keeps the newest copies only, as many as asked', async () => {
    const { backups, names, at } = await setUp(2)
    for (const t of ['2026-12-04T10:00:00.000Z', '2026-12-04T11:00:00.000Z', '2026-12-04T12:00:00.000Z']) {
      at(t)
      await backups.take('cases/c1/case.json')
    }
    expect(await names()).toEqual(['2026-12-04T11-00-00-000Z-periodic.json', '2026-12-04T12-00-00-000Z-periodic.json'])
  })

  it('lists only the copies it took, oldest first; the newest is the last; none for a file never backed up', async () => {
    const { backups, dir, at } = await setUp()
    expect(await backups.list('cases/c1/case.json')).toEqual([])
    expect(await backups.newest('cases/c1/case.json')).toBeUndefined()
    at('2026-12-04T12:00:00.000Z')
    await backups.take('cases/c1/case.json')
    at('2026-12-04T09:00:00.000Z')
    await backups.take('cases/c1/case.json')
    await writeFile(join(dir, 'notes.txt'), 'x')
    await mkdir(join(dir, 'folder.json'))
    await symlink(join(dir, 'notes.txt'), join(dir, 'link.json'))
    // Put there by hand, named as no copy of ours is: not a backup, and not the newest by sorting last.
    for (const name of ['mine.json', 'zz.json', '2026-12-04.json', '2026-12-04T13-00-00-000Z.json'])
      await writeFile(join(dir, name), '{"v":1}')
    expect(await backups.list('cases/c1/case.json')).toEqual([
      join(dir, '2026-12-04T09-00-00-000Z-periodic.json'),
      join(dir, '2026-12-04T12-00-00-000Z-periodic.json'),
    ])
    expect(await backups.newest('cases/c1/case.json')).toBe(join(dir, '2026-12-04T12-00-00-000Z-periodic.json'))
  })

  it('lists none when a folder on the way is a file, and says so when the folder cannot be listed', async () => {
    const { root, backups } = await setUp()
    await writeFile(join(root, 'backups'), 'not a folder')
    expect(await backups.list('cases/c1/case.json')).toEqual([])
    const other = await setUp()
    await mkdir(join(other.root, 'backups', 'cases', 'c1'), { recursive: true })
    await symlink('case.json', join(other.root, 'backups', 'cases', 'c1', 'case.json')) // a link to itself
    await expect(other.backups.list('cases/c1/case.json')).rejects.toMatchObject({ code: 'ELOOP' })
  })

  it('gives the newest copy the check accepts, passing over damaged ones', async () => {
    const { backups, at, write } = await setUp(5)
    for (const [t, text] of [
      ['2026-12-04T09:00:00.000Z', '{"v":1}'],
      ['2026-12-04T10:00:00.000Z', '{"v":2}'],
      ['2026-12-04T11:00:00.000Z', '{"v":'],
    ]) {
      at(t)
      await write(text)
      await backups.take('cases/c1/case.json')
    }
    const good = await backups.newestGood('cases/c1/case.json', (b) => {
      try {
        JSON.parse(b.toString())
        return true
      } catch {
        return false
      }
    })
    expect(good?.path).toMatch(/2026-12-04T10-00-00-000Z-periodic\.json$/)
    expect(good?.bytes.toString()).toBe('{"v":2}')
    expect(await backups.newestGood('cases/c1/case.json', () => false)).toBeNull()
  })

  it('with a time, gives none taken after it (to the millisecond)', async () => {
    const { backups, at, write } = await setUp(5)
    for (const [t, text] of [
      ['2026-12-04T09:00:00.000Z', '{"v":1}'],
      ['2026-12-04T10:00:00.000Z', '{"v":2}'],
    ]) {
      at(t)
      await write(text)
      await backups.take('cases/c1/case.json')
    }
    const any = () => true
    const by = (iso: string) => backups.newestGood('cases/c1/case.json', any, new Date(iso))
    expect((await by('2026-12-04T10:00:00.000Z'))?.bytes.toString()).toBe('{"v":2}')
    expect((await by('2026-12-04T09:59:59.999Z'))?.bytes.toString()).toBe('{"v":1}')
    expect(await by('2026-12-04T08:59:59.999Z')).toBeNull()
  })

  it('takes at most one copy per interval before writes, counted per file from the last one taken', async () => {
    const { root, backups, names, at } = await setUp(10, 60_000)
    await writeFile(join(root, 'workspace.json'), '{}')
    await backups.maybeTake('cases/c1/case.json')
    expect(await names()).toHaveLength(1)
    at('2026-12-04T10:21:30.455Z') // one millisecond short of the interval
    await backups.maybeTake('cases/c1/case.json')
    expect(await names()).toHaveLength(1)
    // Another file has its own count.
    await backups.maybeTake('workspace.json')
    expect(await readdir(join(root, 'backups', 'workspace.json'))).toHaveLength(1)
    at('2026-12-04T10:21:30.456Z') // the interval, to the millisecond
    await backups.maybeTake('cases/c1/case.json')
    expect(await names()).toHaveLength(2)
    // A copy taken on purpose starts the count again.
    at('2026-12-04T10:30:00.000Z')
    await backups.take('cases/c1/case.json', 'before-restore')
    at('2026-12-04T10:30:59.999Z')
    await backups.maybeTake('cases/c1/case.json')
    expect(await names()).toHaveLength(3)
  })
})

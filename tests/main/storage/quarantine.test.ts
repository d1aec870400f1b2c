/** quarantine.ts on real folders: names, collisions, what is listed, what resolving moves. */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listQuarantined, quarantineFile, resolveQuarantined } from '@main/storage/quarantine'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const now = new Date('2026-01-02T03:04:05.678Z')
const STAMP = '2026-01-02T03-04-05-678Z'

async function damaged(root: string, rel: string, text = 'damaged') {
  await mkdir(join(root, rel, '..'), { recursive: true })
  await writeFile(join(root, rel), text)
}

describe('quarantine', () => {
  it('moves a file under a name of its time and flattened path; a second in the same millisecond gets -1, -2', async () => {
    const root = await tempDir()
    const rel = join('cases', 'case_1', 'case.json')
    for (const text of ['first', 'second', 'third']) {
      await damaged(root, rel, text)
      await quarantineFile(root, 'quarantine', rel, now)
    }
    expect((await readdir(join(root, 'quarantine'))).sort()).toEqual([
      `${STAMP}-1__cases~case_1~case.json`,
      `${STAMP}-2__cases~case_1~case.json`,
      `${STAMP}__cases~case_1~case.json`,
    ])
    expect(await readFile(join(root, 'quarantine', `${STAMP}-2__cases~case_1~case.json`), 'utf8')).toBe('third')
    await damaged(root, 'statutes.json')
    expect(await quarantineFile(root, 'quarantine', 'statutes.json', now, 'set-aside')).toBe(
      join('quarantine', 'set-aside', `${STAMP}__statutes.json`),
    )
  })

  it('lists what failed to load, sorted, with the original path; not what was resolved or set aside', async () => {
    const root = await tempDir()
    await damaged(root, join('cases', 'b', 'case.json'))
    await damaged(root, 'workspace.json')
    await quarantineFile(root, 'quarantine', join('cases', 'b', 'case.json'), now)
    await quarantineFile(root, 'quarantine', 'workspace.json', new Date('2025-01-01T00:00:00Z'))
    await damaged(root, 'statutes.json')
    await quarantineFile(root, 'quarantine', 'statutes.json', now, 'set-aside')
    await mkdir(join(root, 'quarantine', 'resolved'), { recursive: true })
    await writeFile(join(root, 'quarantine', 'notes.txt'), 'a file without the separator')
    await mkdir(join(root, 'quarantine', 'x__y'))
    expect(await listQuarantined(root, 'quarantine')).toEqual([
      { file: join('quarantine', '2025-01-01T00-00-00-000Z__workspace.json'), original: 'workspace.json' },
      { file: join('quarantine', `${STAMP}__cases~b~case.json`), original: join('cases', 'b', 'case.json') },
      // A folder named like an entry is listed: only resolved/ and set-aside/ are ours.
      { file: join('quarantine', 'x__y'), original: 'y' },
    ])
  })

  it('lists nothing when there is no quarantine folder, or a file in its place; fails on a link loop', async () => {
    const root = await tempDir()
    expect(await listQuarantined(root, 'quarantine')).toEqual([])
    await writeFile(join(root, 'quarantine'), 'not a folder')
    expect(await listQuarantined(root, 'quarantine')).toEqual([])
    const loop = await tempDir()
    await symlink(join(loop, 'quarantine'), join(loop, 'quarantine'))
    await expect(listQuarantined(loop, 'quarantine')).rejects.toMatchObject({ code: 'ELOOP' })
  })

  it('resolving moves only the copies of that file to resolved/, and says which', async () => {
    const root = await tempDir()
    for (const rel of ['workspace.json', 'statutes.json', 'workspace.json']) {
      await damaged(root, rel)
      await quarantineFile(root, 'quarantine', rel, now)
    }
    const moved = await resolveQuarantined(root, 'quarantine', 'workspace.json')
    expect(moved).toEqual([
      join('quarantine', 'resolved', `${STAMP}-1__workspace.json`),
      join('quarantine', 'resolved', `${STAMP}__workspace.json`),
    ])
    expect(await listQuarantined(root, 'quarantine')).toEqual([
      { file: join('quarantine', `${STAMP}__statutes.json`), original: 'statutes.json' },
    ])
    expect(await resolveQuarantined(root, 'quarantine', 'nothing.json')).toEqual([])
  })
})

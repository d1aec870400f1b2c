/**
 * Dropping a trash entry of which nothing is left (its folder removed, or put back, by hand): never anything
 * the trash still holds, and in the same session a folder at the case's place is then taken as it is.
 */
import { mkdir, readdir, rename, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function demo() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const caseId = await s.demo.install()
  return { root, s, caseId }
}

describe('trash forget', () => {
  it('a case put back by hand: its entry dropped, repair lists it again in the same session', async () => {
    const { root, s, caseId } = await demo()
    try {
      const entry = await s.trashBin.removeCase(caseId)
      await rename(join(root, 'trash', entry.id, caseId), join(root, 'cases', caseId))
      expect((await s.check.run()).problems).toEqual([
        expect.objectContaining({
          file: join('cases', caseId),
          message: expect.stringMatching(/If it is that case, put back by hand, drop its trash entry/),
        }),
      ])
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({ details: { nothingHeld: true } })
      await s.trashBin.forget(entry.id)
      await s.repair.run()
      expect((await s.cases.list()).map((c) => c.id)).toEqual([caseId])
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a folder of empty folders is nothing left; a file, or a link wherever it leads, is something', async () => {
    const { root, s, caseId } = await demo()
    try {
      const entry = await s.trashBin.removeCase(caseId)
      const held = join(root, 'trash', entry.id, caseId)
      // Everything in it moved out by hand, its folders left: nothing to restore, and it can go.
      const moved = await tempDir()
      for (const name of await readdir(held)) await rename(join(held, name), join(moved, name))
      await mkdir(join(held, 'annotations', 'deeper'), { recursive: true })
      await writeFile(join(held, 'annotations', 'deeper', 'note.txt'), 'kept')
      await expect(s.trashBin.forget(entry.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      await rename(join(held, 'annotations', 'deeper', 'note.txt'), join(moved, 'note.txt'))
      await symlink(moved, join(held, 'link'))
      await expect(s.trashBin.forget(entry.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      await rename(join(held, 'link'), join(moved, 'link'))
      await symlink(join(root, 'nowhere'), join(held, 'dangling'))
      await expect(s.trashBin.forget(entry.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      await rename(join(held, 'dangling'), join(moved, 'dangling'))

      expect(await s.trashBin.forget(entry.id)).toMatchObject({ id: entry.id })
      expect(await readdir(join(root, 'trash'))).toEqual(['trash.json'])
      expect((await readdir(moved)).sort()).toContain('note.txt')
    } finally {
      await s.close()
    }
  })

  it('an entry folder that is a link to an empty folder is kept, link and all', async () => {
    const { root, s, caseId } = await demo()
    try {
      const entry = await s.trashBin.removeCase(caseId)
      const elsewhere = await tempDir()
      await rename(join(root, 'trash', entry.id), join(elsewhere, 'held'))
      await mkdir(join(elsewhere, 'empty'))
      await symlink(join(elsewhere, 'empty'), join(root, 'trash', entry.id))
      await expect(s.trashBin.forget(entry.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await readdir(join(root, 'trash'))).toContain(entry.id)
    } finally {
      await s.close()
    }
  })

  it("an excerpt's copy removed by hand: restore says nothing is left, and offers to drop the entry", async () => {
    const { root, s } = await demo()
    try {
      const [excerpt] = await s.statutes.list()
      const { entry } = await s.trashBin.removeStatute(excerpt!.id, { force: true })
      await rename(join(root, 'trash', entry.id), join(await tempDir(), 'gone'))
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        details: { nothingHeld: true },
        message: expect.stringMatching(
          /^The trash holds nothing of .+ If it was removed by hand, its entry can be dropped\.$/,
        ),
      })
      await s.trashBin.forget(entry.id)
      expect(await s.trashBin.list()).toEqual([])
    } finally {
      await s.close()
    }
  })
})

/**
 * A case back from the trash whose case file is missing or damaged: everything is put right where the case
 * lies, before it moves, so what cannot be done leaves it in the trash as it was; no damaged file is ever
 * written over; only a backup of this case, taken before it left, is put back.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { withFault } from '../../../helpers/faults'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const CASE = 'case_ecu_mpls_2026'
const FILE = join('cases', CASE, 'case.json')

/** The demo workspace with backups of the case file, each taken a second after the last, in February 2026. */
async function withBackups() {
  const root = await tempDir()
  let t = Date.parse('2026-02-01T10:00:00Z')
  const s = await openWorkspace(root, {
    newId: sequentialIds(),
    backupIntervalMs: 0,
    now: () => new Date((t += 1_000)),
  })
  await s.demo.install()
  await s.cases.update(CASE, { summary: 'Second version.' })
  await s.close()
  const backups = join(root, 'backups', FILE)
  return { root, backups, names: async () => (await readdir(backups)).sort() }
}

/** Opens the workspace, sends the case to the trash, and hands over where its case file lies there. */
async function trashed(root: string) {
  const s = await openWorkspace(root)
  const entry = await s.trashBin.removeCase(CASE)
  return { s, entry, held: join(root, 'trash', entry.id, CASE, 'case.json') }
}

describe('a case back from the trash with a missing or damaged case file', () => {
  it('is never written over when quarantine/ cannot take the damaged file: the case stays in the trash as it was', async () => {
    const { root } = await withBackups()
    const { s, entry, held } = await trashed(root)
    try {
      await writeFile(held, 'damaged, and all there is of it')
      await rm(join(root, 'quarantine'), { recursive: true, force: true })
      await writeFile(join(root, 'quarantine'), 'a file where the folder goes')
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'IO',
        message: expect.stringMatching(
          new RegExp(
            `^The damaged case file of "${entry.title}" could not be moved to quarantine/ \\(.+\\), so nothing was put over it and the case stays in the trash as it was\\.$`,
          ),
        ),
      })
      expect(await readFile(held, 'utf8')).toBe('damaged, and all there is of it')
      expect(await s.trashBin.list()).toEqual([entry])
      expect(await s.cases.list()).toEqual([])

      // Once quarantine/ can take it: back from its backup, the damaged file kept.
      await rm(join(root, 'quarantine'))
      expect(await s.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', fromBackup: expect.any(String) })
      const kept = await readdir(join(root, 'quarantine', 'resolved'))
      expect(kept).toHaveLength(1)
      expect(await readFile(join(root, 'quarantine', 'resolved', kept[0]), 'utf8')).toBe(
        'damaged, and all there is of it',
      )
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a backup that cannot be written leaves the case in the trash, its damaged file kept; a second try brings it back', async () => {
    const { root } = await withBackups()
    const { s, entry, held } = await trashed(root)
    try {
      await writeFile(held, '{"schemaVersion":1')
      const intoTrash = (p: string) => p.startsWith(join(root, 'trash', entry.id, CASE))
      await withFault({ step: 'write', fault: 'ENOSPC', match: intoTrash, sticky: true }, async (inj) => {
        await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
          code: 'IO',
          message: expect.stringMatching(
            /^The backup backups\/.+ could not be put in place of the case file of ".+" \(.*ENOSPC.*\), so the case stays in the trash; a damaged case file it held is kept under quarantine\/\.$/,
          ),
        })
        expect(inj.hits).toBeGreaterThan(0)
      })
      expect(await s.trashBin.list()).toEqual([entry])
      expect(await s.cases.list()).toEqual([])
      const quarantined = (await readdir(join(root, 'quarantine'))).filter((n) => n.endsWith('case.json'))
      expect(quarantined).toHaveLength(1)
      expect(await readFile(join(root, 'quarantine', quarantined[0]), 'utf8')).toBe('{"schemaVersion":1')
      // Nothing half-written was left where the case file goes.
      expect(await readdir(join(root, 'trash', entry.id, CASE))).not.toContain('case.json')

      expect(await s.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', fromBackup: expect.any(String) })
      expect((await s.cases.list()).map((c) => c.id)).toEqual([CASE])
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  })

  it("puts back no other case's file from its backups, though it is named as the newest taken before", async () => {
    const { root, backups, names } = await withBackups()
    const [older, newer] = (await names()).slice(-2)
    const own = await readFile(join(backups, older!))
    // The newer backup replaced by another case's file (valid, same schema, another id).
    const other = JSON.parse(await readFile(join(backups, newer!), 'utf8'))
    other.case.id = 'case_someone_else'
    await writeFile(join(backups, newer!), JSON.stringify(other))
    const { s, entry, held } = await trashed(root)
    try {
      await rm(held)
      expect(await s.trashBin.restore(entry.id)).toMatchObject({ fromBackup: join('backups', FILE, older!) })
      expect(await readFile(join(root, FILE))).toEqual(own)
      expect((await s.cases.getCase(CASE)).id).toBe(CASE)
    } finally {
      await s.close()
    }
  })

  it('says so when every good backup was taken after the case left (of what had its place since), and stays', async () => {
    const { root, backups, names } = await withBackups()
    const { s, entry, held } = await trashed(root)
    try {
      for (const n of await names()) await rename(join(backups, n), join(backups, n.replace(/^2026/, '2999')))
      await rm(held)
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: `The case file of "${entry.title}" is missing or damaged, and every good backup of it was taken after the case went to the trash (${entry.at}): those are of what had its place since, not of it, so the case stays in the trash.`,
      })
      expect(await s.trashBin.list()).toEqual([entry])
    } finally {
      await s.close()
    }
  })

  it('a trash entry saying it came from a path like its folder written another way: nothing is put back', async () => {
    const { root } = await withBackups()
    let { s, entry } = await trashed(root)
    await s.close()
    const list = join(root, 'trash', 'trash.json')
    const edited = JSON.parse(await readFile(list, 'utf8')) as { entries: { from: string }[] }
    for (const from of [`cases/${CASE}/`, `./cases/${CASE}`, `cases//${CASE}`, `cases\\${CASE}\\`]) {
      edited.entries[0].from = from
      await writeFile(list, JSON.stringify(edited))
      s = await openWorkspace(root)
      try {
        entry = (await s.trashBin.list())[0]!
        await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
          code: 'CORRUPT',
          message: `The trash entry of "${entry.title}" says it came from ${from}, which is not its case folder, so nothing is put back.`,
        })
        expect(await s.trashBin.list()).toEqual([entry])
      } finally {
        await s.close()
      }
    }
  })

  it('comes back from an entry written on Windows (cases\\<id>) to its folder here', async () => {
    const { root } = await withBackups()
    const { s, entry } = await trashed(root)
    await s.close()
    const list = join(root, 'trash', 'trash.json')
    const edited = JSON.parse(await readFile(list, 'utf8')) as { entries: { from: string }[] }
    edited.entries[0].from = `cases\\${CASE}`
    await writeFile(list, JSON.stringify(edited))
    const again = await openWorkspace(root)
    try {
      expect(await again.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', case: { id: CASE } })
      expect((await stat(join(root, FILE))).isFile()).toBe(true)
      expect(await readdir(root)).not.toContain(`cases\\${CASE}`)
      expect((await again.check.run()).problems).toEqual([])
    } finally {
      await again.close()
    }
  })

  it('something left at its place refuses before the file is put right: nothing set aside, nothing written', async () => {
    const { root } = await withBackups()
    const { s, entry, held } = await trashed(root)
    try {
      await writeFile(held, 'damaged')
      await mkdir(join(root, 'cases', CASE))
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: `Something is already at ${join('cases', CASE)}, where "${entry.title}" would go back, so nothing was changed and the case stays in the trash. Move that away (it is not the case in the trash) and try again.`,
      })
      expect(await readFile(held, 'utf8')).toBe('damaged')
      expect(await readdir(join(root, 'quarantine')).catch(() => [])).toEqual([])
      expect(await s.trashBin.list()).toEqual([entry])

      await rmdir(join(root, 'cases', CASE))
      expect(await s.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', fromBackup: expect.any(String) })
    } finally {
      await s.close()
    }
  })

  it('a folder that cannot move back after its file was put right says so, and the next restore still names the backup', async () => {
    const { root, names } = await withBackups()
    const newest = join('backups', FILE, (await names()).at(-1)!)
    const { s, entry, held } = await trashed(root)
    try {
      await writeFile(held, 'damaged')
      // cases/ is a file: the folder cannot go back under it.
      await rm(join(root, 'cases'), { recursive: true })
      await writeFile(join(root, 'cases'), 'not a folder')
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        message: expect.stringMatching(
          new RegExp(
            `^The case file of "${entry.title}" was put right in the trash from the backup ${newest.replace(/[.\\\\/]/g, '.')} \\(a damaged one is kept under quarantine/\\), but its folder could not be moved back \\(.+\\)\\. The case stays in the trash; restoring it again says it came back from that backup\\.$`,
          ),
        ),
      })
      expect(await s.trashBin.list()).toEqual([{ ...entry, putBackFrom: newest }])
      await s.close()

      await rm(join(root, 'cases'))
      await mkdir(join(root, 'cases'))
      const again = await openWorkspace(root)
      try {
        expect(await again.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', fromBackup: newest })
        expect(await again.trashBin.list()).toEqual([])
        expect((await again.check.run()).problems).toEqual([])
      } finally {
        await again.close()
      }
    } finally {
      await s.close()
    }
  })

  it('restored twice at once: one brings it back, the other finds nothing to restore', async () => {
    const { root } = await withBackups()
    const { s, entry } = await trashed(root)
    try {
      const [a, b] = await Promise.allSettled([s.trashBin.restore(entry.id), s.trashBin.restore(entry.id)])
      expect(a).toMatchObject({ status: 'fulfilled', value: { kind: 'case', case: { id: CASE } } })
      expect(b).toMatchObject({
        status: 'rejected',
        reason: { code: 'NOT_FOUND', message: `Nothing in the trash with id "${entry.id}".` },
      })
      expect((await s.cases.list()).map((c) => c.id)).toEqual([CASE])
    } finally {
      await s.close()
    }
  })

  it('the record of a file set aside in the trash names the backup put in its place', async () => {
    const { root, names } = await withBackups()
    const newest = join('backups', FILE, (await names()).at(-1)!)
    const { s, entry, held } = await trashed(root)
    try {
      await writeFile(held, 'damaged')
      // quarantine/resolved a file: the record cannot be settled and stays listed, so what it says counts.
      await mkdir(join(root, 'quarantine'), { recursive: true })
      await writeFile(join(root, 'quarantine', 'resolved'), 'not a folder')
      expect(await s.trashBin.restore(entry.id)).toMatchObject({ fromBackup: newest })
      const problem = s.workspace.problems().find((p) => p.file === FILE)
      expect(problem?.message).toMatch(
        new RegExp(
          `^${FILE.replace(/[.\\\\/]/g, '.')} would not load and was set aside as .+; the backup ${newest.replace(/[.\\\\/]/g, '.')} was put in its place\\.$`,
        ),
      )
    } finally {
      await s.close()
    }
  })

  it("a folder left by hand at a trashed case's place takes no backup meant for the case in the trash", async () => {
    const { root } = await withBackups()
    // Damaged before it left: set aside on open, then sent to the trash with its problem.
    await writeFile(join(root, FILE), 'damaged before it left')
    let s = await openWorkspace(root)
    await s.cases.list()
    await s.check.run()
    const entry = await s.trashBin.removeCase(CASE)
    await s.close()
    await mkdir(join(root, 'cases', CASE))
    s = await openWorkspace(root)
    try {
      expect(s.workspace.problems().filter((p) => p.file === FILE)).toEqual([])
      await s.repair.run({ restoreBackups: true })
      // (The empty folder itself is set aside by repair, as any case folder holding no case file.)
      await expect(stat(join(root, FILE))).rejects.toMatchObject({ code: 'ENOENT' })
      expect(await s.cases.list()).toEqual([])
      expect((await s.trashBin.list()).map((e) => e.id)).toEqual([entry.id])
    } finally {
      await s.close()
    }
  })

  it('a folder left by hand at its place, holding a damaged or a good case file: never repaired into, nor listed', async () => {
    for (const stray of ['stray damaged', 'good copy']) {
      const { root } = await withBackups()
      const { s, entry, held } = await trashed(root)
      try {
        await mkdir(join(root, 'cases', CASE))
        await writeFile(join(root, FILE), stray === 'good copy' ? await readFile(held) : stray)
        const problems = (await s.check.run()).problems
        expect(problems).toEqual([
          expect.objectContaining({
            file: join('cases', CASE),
            kind: 'inconsistent',
            message: expect.stringMatching(
              /is at the place of a case that is in the trash, so nothing in it is loaded/,
            ),
          }),
        ])
        const report = await s.repair.run({ restoreBackups: true })
        expect(report.actions).toEqual([])
        expect(await s.cases.list()).toEqual([])
        expect((await s.trashBin.list()).map((e) => e.id)).toEqual([entry.id])
        expect(await readFile(join(root, FILE), 'utf8')).toBe(
          stray === 'good copy' ? await readFile(held, 'utf8') : 'stray damaged',
        )
        await expect(s.cases.reindex(CASE)).rejects.toMatchObject({ code: 'CONFLICT' })
        await expect(s.repair.restoreBackup(FILE)).rejects.toMatchObject({ code: 'CONFLICT' })

        // Moved away by the person: the case comes back from the trash, whole.
        await rm(join(root, 'cases', CASE), { recursive: true })
        expect(await s.trashBin.restore(entry.id)).toMatchObject({ kind: 'case', case: { id: CASE } })
        expect((await s.check.run()).problems).toEqual([])
      } finally {
        await s.close()
      }
    }
  })

  it('a backup name edited into its trash entry is not said back unless it names a backup of its file', async () => {
    const { root, names } = await withBackups()
    const { s, entry } = await trashed(root)
    await s.close()
    const list = join(root, 'trash', 'trash.json')
    const own = join('backups', FILE, (await names()).at(-1)!)
    for (const [putBackFrom, said] of [
      ['../../../etc/passwd', undefined],
      [join('backups', 'cases', 'case_other', 'case.json', (await names()).at(-1)!), undefined],
      [`${own}\nforged line`, undefined],
      [own, own],
    ] as const) {
      const edited = JSON.parse(await readFile(list, 'utf8')) as { entries: { putBackFrom?: string }[] }
      edited.entries[0].putBackFrom = putBackFrom
      await writeFile(list, JSON.stringify(edited))
      const again = await openWorkspace(root)
      try {
        const back = await again.trashBin.restore(entry.id)
        expect(back).toMatchObject({ kind: 'case' })
        expect((back as { fromBackup?: string }).fromBackup).toBe(said)
        await again.trashBin.removeCase(CASE)
        const [next] = await again.trashBin.list()
        // The next round edits the entry of this removal.
        Object.assign(entry, { id: next!.id })
      } finally {
        await again.close()
      }
    }
  })

  it('a link that leads nowhere at its place refuses before the file is put right', async () => {
    const { root } = await withBackups()
    const { s, entry, held } = await trashed(root)
    try {
      await writeFile(held, 'damaged')
      await symlink(join(root, 'nowhere'), join(root, 'cases', CASE))
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await readFile(held, 'utf8')).toBe('damaged')
      expect(await s.trashBin.list()).toEqual([entry])
    } finally {
      await s.close()
    }
  })

  it('back in its folder but the case list cannot be written: says so, names the backup, and repair lists it', async () => {
    const { root, names } = await withBackups()
    const newest = join('backups', FILE, (await names()).at(-1)!)
    const { s, entry, held } = await trashed(root)
    try {
      await rm(held)
      const intoIndex = (p: string) => p.startsWith(join(root, '.workspace.json.'))
      await withFault({ step: 'write', fault: 'ENOSPC', match: intoIndex, sticky: true }, async () => {
        await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
          message: expect.stringMatching(
            new RegExp(
              `^The folder of "${entry.title}" is back at cases/${CASE}, its case file put back from the backup ${newest.replace(/[.\\/]/g, '.')}, but the case list could not be written \\(.*ENOSPC.*\\)\\. Run repair`,
            ),
          ),
        })
      })
      expect(await readFile(join(root, FILE))).toBeTruthy()
    } finally {
      await s.close()
    }
    const again = await openWorkspace(root)
    try {
      await again.repair.run()
      expect((await again.cases.list()).map((c) => c.id)).toEqual([CASE])
      expect((await again.check.run()).problems).toEqual([])
    } finally {
      await again.close()
    }
  })

  it('a healthy case whose folder cannot move back: the error is the move itself, no backup named', async () => {
    const { root } = await withBackups()
    const { s, entry } = await trashed(root)
    try {
      await rm(join(root, 'cases'), { recursive: true })
      await writeFile(join(root, 'cases'), 'not a folder')
      const e = (await s.trashBin.restore(entry.id).catch((x: unknown) => x)) as Error
      expect(e).toBeInstanceOf(Error)
      expect(e.message).not.toMatch(/backup|put right/)
      expect(await s.trashBin.list()).toEqual([entry])
    } finally {
      await s.close()
    }
  })

  it('a case file that is a folder in the trash, no backup: stays, and says what it is', async () => {
    const { root, backups } = await withBackups()
    const { s, entry, held } = await trashed(root)
    try {
      await rm(backups, { recursive: true })
      await rm(held)
      await mkdir(held)
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: `The case file of "${entry.title}" could not be loaded and has no good backup, so the case stays in the trash: it is a folder, not a regular file`,
      })
      expect(await s.trashBin.list()).toEqual([entry])
    } finally {
      await s.close()
    }
  })

  it('only a listed case goes to the trash: another id is refused, nothing moves', async () => {
    const { root } = await withBackups()
    const s = await openWorkspace(root)
    try {
      await mkdir(join(root, 'cases', 'case_unlisted'))
      for (const id of ['case_unlisted', 'case_none', '../x'])
        await expect(s.trashBin.removeCase(id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await s.trashBin.list()).toEqual([])
      expect((await stat(join(root, 'cases', 'case_unlisted'))).isDirectory()).toBe(true)
    } finally {
      await s.close()
    }
  })
})

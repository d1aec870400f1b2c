/**
 * workspace.json lost from a folder of cases: a writable open never recreates it
 * empty (every case would drop out of the list and `evidence verify` would find
 * "all 0 blobs" fine); it is rebuilt from the case folders and the user is told.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localMessage } from '@shared/i18n/appError'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { runCli } from '../../../helpers/cli'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function workspaceWithBlob() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds(), backupIntervalMs: 0 })
  await s.workspace.setName('Quito desk')
  await s.workspace.setUserName('M. Andrade')
  await s.settings.update({ defaultTimeZone: 'America/Guayaquil', memoLanguage: 'es' })
  const c = await s.cases.create({ title: 'Visa dispute', reference: 'REF-2' })
  const src = join(await tempDir(), 'letter.pdf')
  await writeFile(src, '%PDF-1.4 letter')
  await s.evidence.importFile(c.id, src, { title: 'Letter' })
  await s.close()
  return { root, caseId: c.id }
}

describe('a missing workspace.json', () => {
  it('is rebuilt from the case folders (names from the newest good backup), said, and written once', async () => {
    const { root, caseId } = await workspaceWithBlob()
    await rm(join(root, 'workspace.json'))
    const s = await openWorkspace(root)
    try {
      expect((await s.cases.list()).map((c) => [c.id, c.reference])).toEqual([[caseId, 'REF-2']])
      const info = await s.workspace.info()
      // The newest backup was taken before the last change to the file (the case's entry in the index); the
      // settings come back with the names: a default zone in their place would change how every date is read.
      expect(info).toMatchObject({ name: 'Quito desk', userName: 'M. Andrade' })
      expect(await s.settings.get()).toMatchObject({ defaultTimeZone: 'America/Guayaquil', memoLanguage: 'es' })
      expect(info.problems).toEqual([
        expect.objectContaining({
          file: 'workspace.json',
          kind: 'missing',
          message: expect.stringMatching(
            /rebuilt from the 1 case folder on disk, the workspace name, user name and settings from backups\/.+ \(a change to them made after that backup is not in it\)\./,
          ),
        }),
      ])
      // The same in Spanish, worded from what the problem carries.
      expect(localMessage(info.problems[0], 'es')).toMatch(
        /^workspace\.json faltaba: el índice de expedientes se reconstruyó a partir de 1 carpeta de expediente del disco, y el nombre del espacio de trabajo, el de usuario y los ajustes a partir de backups\/.+\. Revise la lista de expedientes\.$/,
      )
    } finally {
      await s.close()
    }
    expect(JSON.parse(await readFile(join(root, 'workspace.json'), 'utf8')).cases).toHaveLength(1)
  })

  it('a reader rebuilds it in memory only and check says so', async () => {
    const { root } = await workspaceWithBlob()
    await rm(join(root, 'workspace.json'))
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect(await s.cases.list()).toHaveLength(1)
      expect((await s.check.run()).problems.map((p) => p.message).join()).toMatch(
        /rebuilt in memory \(nothing written\)/,
      )
    } finally {
      await s.close()
    }
    await expect(readFile(join(root, 'workspace.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('a damaged one is set aside and rebuilt the same way', async () => {
    const { root } = await workspaceWithBlob()
    await writeFile(join(root, 'workspace.json'), '{"schemaVersion":1,"cases":[{')
    const s = await openWorkspace(root)
    try {
      expect(await s.cases.list()).toHaveLength(1)
      expect(
        s.workspace
          .problems()
          .map((p) => p.kind)
          .sort(),
      ).toEqual(['missing', 'unreadable'])
    } finally {
      await s.close()
    }
  })

  it('set aside, then gone, with no case folder to rebuild from: rebuilt all the same, never locked out', async () => {
    const root = await tempDir()
    const first = await openWorkspace(root, { backupIntervalMs: 0 })
    await first.workspace.setName('Quito desk')
    await first.workspace.setUserName('M. Andrade')
    await first.close()
    await writeFile(join(root, 'workspace.json'), 'garbage')
    // Set aside (and rebuilt) by one session; the rebuilt file then lost (a stop before it was written).
    await (await openWorkspace(root)).close()
    await rm(join(root, 'workspace.json'))
    const s = await openWorkspace(root)
    try {
      const info = await s.workspace.info()
      // The newest backup was taken before the last change (the user name).
      expect(info).toMatchObject({ name: 'Quito desk' })
      expect(info.problems.map((p) => p.file)).toContain('workspace.json')
      expect(await s.cases.list()).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a new, empty folder still starts an empty workspace', async () => {
    const root = await tempDir()
    const s = await openWorkspace(root)
    try {
      expect(await s.cases.list()).toEqual([])
      expect(s.workspace.problems()).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('evidence verify after the loss counts the real blobs, and the command line says the index was rebuilt', async () => {
    const { root } = await workspaceWithBlob()
    await rm(join(root, 'workspace.json'))
    const r = await runCli(['evidence', 'verify', '--workspace', root])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/The blob matches; audit log intact/)
    expect(r.stderr).toMatch(
      /casefile: warning: workspace\.json was missing: the case index was rebuilt from the 1 case folder/,
    )
  })
})

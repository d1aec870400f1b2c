import { access, copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { decryptWorkspace, encryptWorkspace } from '@main/storage/crypto/migrate'
import { openBytes, sealBytes } from '@main/storage/crypto/seal'
import { keyOf } from '@main/storage/crypto/vault'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
type S = Awaited<ReturnType<typeof openWorkspace>>

async function withDemo(fn: (s: S, root: string, caseId: string) => Promise<void>) {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  try {
    await fn(s, root, await s.demo.install())
  } finally {
    await s.close()
  }
}
const PASS = 'correct horse battery staple'
/** Low scrypt cost for tests only. */
const FAST = { N: 2 ** 10, r: 8, p: 1 }

/** A new workspace, encrypted, opened with its passphrase. */
async function encrypted(options: Parameters<typeof openWorkspace>[1] = {}): Promise<{ root: string; s: S }> {
  const root = await tempDir()
  await encryptWorkspace(root, PASS, { cost: FAST })
  return { root, s: await openWorkspace(root, { ...options, unlock: { passphrase: PASS } }) }
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  )

describe('trash', () => {
  it('sets a removed case aside whole and puts it back as it was, blobs untouched', async () => {
    await withDemo(async (s, root, caseId) => {
      const before = await s.caseDetail.get(caseId)
      const blobs = before.evidence.flatMap((e) => (e.file ? [e.file.sha256] : []))
      expect(blobs.length).toBeGreaterThan(0)

      const entry = await s.trashBin.removeCase(caseId)
      expect(entry).toMatchObject({ kind: 'case', itemId: caseId, title: before.case.title, from: `cases/${caseId}` })
      expect(await s.cases.list()).toEqual([])
      await expect(s.caseDetail.get(caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await exists(join(root, 'cases', caseId))).toBe(false)
      expect(await exists(join(root, 'trash', entry.id, caseId, 'case.json'))).toBe(true)
      expect(await s.trashBin.list()).toEqual([entry])
      // The blob store still holds every file the trashed case refers to.
      for (const sha of blobs) expect(await exists(join(root, 'blobs', sha))).toBe(true)
      expect((await s.check.run()).problems).toEqual([])

      const restored = await s.trashBin.restore(entry.id)
      expect(restored).toMatchObject({ kind: 'case', case: { id: caseId, title: before.case.title } })
      expect(await s.trashBin.list()).toEqual([])
      expect(await s.caseDetail.get(caseId)).toEqual(before)
      expect(await readdir(join(root, 'trash'))).toEqual(['trash.json'])
      // Writes work again on the restored case.
      await s.cases.update(caseId, { summary: 'after the restore' })
      expect((await s.cases.getCase(caseId)).summary).toBe('after the restore')
      expect((await s.check.run()).problems).toEqual([])
    })
  })

  it('in an encrypted workspace: a case comes back from the trash; a case file swapped in from another case does not', async () => {
    const { root, s } = await encrypted({ newId: sequentialIds() })
    try {
      const a = await s.cases.create({ title: 'Alpha' })
      const b = await s.cases.create({ title: 'Beta' })
      const entryA = await s.trashBin.removeCase(a.id)
      expect(await s.trashBin.restore(entryA.id)).toMatchObject({ kind: 'case', case: { id: a.id, title: 'Alpha' } })
      // Beta's sealed file in Alpha's folder: sealed for another path, so it does not open there.
      const again = await s.trashBin.removeCase(a.id)
      const held = join(root, 'trash', again.id, a.id, 'case.json')
      await copyFile(join(root, 'cases', b.id, 'case.json'), held)
      await expect(s.trashBin.restore(again.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(
          /"Alpha" could not be loaded and has no good backup, so the case stays in the trash/,
        ),
      })
      expect(await s.trashBin.list()).toEqual([again])
      expect((await s.cases.list()).map((c) => c.title)).toEqual(['Beta'])
    } finally {
      await s.close()
    }
  })

  it('a case file missing from the trash comes back from a backup of that case, not of a later one with its id', async () => {
    const root = await tempDir()
    let t = Date.parse('2026-12-01T10:00:00Z')
    const s = await openWorkspace(root, { backupIntervalMs: 0, now: () => new Date((t += 1_000)) })
    try {
      await s.cases.create({ title: 'First' }, 'dup')
      await s.cases.update('dup', { summary: 'first, kept in a backup' })
      await s.cases.update('dup', { summary: 'first, last edit' })
      const first = await s.trashBin.removeCase('dup')
      // Another case made since with the same id: its backups are newer, and not the first case's.
      await s.cases.create({ title: 'Second' }, 'dup')
      await s.cases.update('dup', { summary: 'second' })
      await s.cases.update('dup', { summary: 'second, again' })
      await s.trashBin.removeCase('dup')
      await rm(join(root, 'trash', first.id, 'dup', 'case.json'))
      expect(await s.trashBin.restore(first.id)).toMatchObject({ kind: 'case', case: { title: 'First' } })
      expect((await s.cases.getCase('dup')).summary).toBe('first, kept in a backup')
    } finally {
      await s.close()
    }
  })

  it('in an encrypted workspace: a case file missing from the trash is put back from its sealed backup', async () => {
    const { root, s } = await encrypted({ backupIntervalMs: 0 })
    try {
      const a = await s.cases.create({ title: 'Alpha' })
      await s.cases.update(a.id, { summary: 'Kept in a backup.' })
      await s.cases.update(a.id, { summary: 'Newer.' })
      const entry = await s.trashBin.removeCase(a.id)
      await rm(join(root, 'trash', entry.id, a.id, 'case.json'))
      const back = await s.trashBin.restore(entry.id)
      expect(back).toMatchObject({ kind: 'case', fromBackup: expect.stringMatching(/^backups[\\/]cases[\\/]/) })
      expect((await s.cases.getCase(a.id)).summary).toBe('Kept in a backup.')
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('in an encrypted workspace: a case whose trashed files were sealed for their trash paths (by an older version) comes back whole', async () => {
    const root = await tempDir()
    let s = await openWorkspace(root, { newId: sequentialIds() })
    const caseId = await s.demo.install()
    const before = await s.caseDetail.get(caseId)
    const entry = await s.trashBin.removeCase(caseId)
    await s.close()
    await encryptWorkspace(root, PASS, { cost: FAST })
    s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      const key = keyOf(root)!
      const folder = `trash/${entry.id}/${caseId}`
      const files = (await readdir(join(root, folder), { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      )
      expect(files.length).toBeGreaterThan(2)
      for (const e of files) {
        const rel = join(e.parentPath, e.name).slice(root.length + 1)
        const plain = openBytes(key, rel.replace(folder, `cases/${caseId}`), await readFile(join(root, rel)))
        await writeFile(join(root, rel), sealBytes(key, rel, plain))
      }
      await s.trashBin.restore(entry.id)
      expect(await s.caseDetail.get(caseId)).toEqual(before)
      expect((await s.check.run()).problems).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('in an encrypted workspace: a statute excerpt comes back from the trash with its links', async () => {
    const { s } = await encrypted({ newId: sequentialIds() })
    try {
      const caseId = await s.demo.install()
      const [excerpt] = (await s.caseDetail.get(caseId)).statutes
      const { entry } = await s.trashBin.removeStatute(excerpt.id, { force: true })
      expect(await s.trashBin.restore(entry.id)).toMatchObject({ kind: 'statute', statute: { id: excerpt.id } })
      expect((await s.caseDetail.get(caseId)).statutes.map((x) => x.id)).toContain(excerpt.id)
    } finally {
      await s.close()
    }
  })

  it('a case in the trash through encryption and decryption comes back whole each time', async () => {
    const root = await tempDir()
    let s = await openWorkspace(root, { newId: sequentialIds() })
    const caseId = await s.demo.install()
    const before = await s.caseDetail.get(caseId)
    let entry = await s.trashBin.removeCase(caseId)
    await s.close()
    // Trashed while plain, then encrypted: its files are sealed for where a restore puts them.
    await encryptWorkspace(root, PASS, { cost: FAST })
    s = await openWorkspace(root, { unlock: { passphrase: PASS } })
    try {
      await s.trashBin.restore(entry.id)
      expect(await s.caseDetail.get(caseId)).toEqual(before)
      expect((await s.check.run()).problems).toEqual([])
      entry = await s.trashBin.removeCase(caseId)
    } finally {
      await s.close()
    }
    // Trashed while encrypted, then decrypted: every file opens, and comes back plain.
    await decryptWorkspace(root, { passphrase: PASS })
    s = await openWorkspace(root)
    try {
      await s.trashBin.restore(entry.id)
      expect(await s.caseDetail.get(caseId)).toEqual(before)
      expect((await s.check.run()).problems).toEqual([])
      expect(JSON.parse(await readFile(join(root, 'cases', caseId, 'case.json'), 'utf8')).case.id).toBe(caseId)
    } finally {
      await s.close()
    }
  })

  it('keeps a removed excerpt with its links and puts both back', async () => {
    await withDemo(async (s, root, caseId) => {
      const [excerpt] = (await s.caseDetail.get(caseId)).statutes
      await expect(s.trashBin.removeStatute(excerpt.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      const { entry } = await s.trashBin.removeStatute(excerpt.id, { force: true })
      expect(entry).toMatchObject({ kind: 'statute', itemId: excerpt.id, from: 'statutes.json' })
      await expect(s.statutes.get(excerpt.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await s.cases.linkedStatuteIds(caseId)).not.toContain(excerpt.id)
      expect(await exists(join(root, 'trash', entry.id, 'statute.json'))).toBe(true)

      const restored = await s.trashBin.restore(entry.id)
      expect(restored).toEqual({ kind: 'statute', statute: excerpt, notRelinked: [] })
      expect(await s.statutes.get(excerpt.id)).toEqual(excerpt)
      expect(await s.cases.linkedStatuteIds(caseId)).toContain(excerpt.id)
      expect(await s.trashBin.list()).toEqual([])
      expect(await exists(join(root, 'trash', entry.id))).toBe(false)
    })
  })

  it('an excerpt restored while a case it linked is in the trash: that link is named, not dropped unsaid', async () => {
    await withDemo(async (s, _root, caseId) => {
      const [excerpt] = (await s.caseDetail.get(caseId)).statutes
      const other = await s.cases.create({ title: 'Second case' })
      await s.statutes.link(other.id, excerpt.id)
      const { entry } = await s.trashBin.removeStatute(excerpt.id, { force: true })
      const caseEntry = await s.trashBin.removeCase(caseId)
      const back = await s.trashBin.restore(entry.id)
      expect(back).toEqual({ kind: 'statute', statute: excerpt, notRelinked: [{ caseId, inTrash: true }] })
      expect(await s.cases.linkedStatuteIds(other.id)).toContain(excerpt.id)
      // What the message says to do, once the case is back, links it again.
      await s.trashBin.restore(caseEntry.id)
      await s.statutes.link(caseId, excerpt.id)
      expect(await s.cases.linkedStatuteIds(caseId)).toContain(excerpt.id)
    })
  })

  it('refuses to restore over a case that came back another way', async () => {
    await withDemo(async (s, _root, caseId) => {
      const entry = await s.trashBin.removeCase(caseId)
      await s.trashBin.restore(entry.id)
      await expect(s.trashBin.restore(entry.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const again = await s.trashBin.removeCase(caseId)
      await s.cases.create({ title: 'Another' }, caseId)
      await expect(s.trashBin.restore(again.id)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await s.trashBin.list()).toEqual([again])
    })
  })

  it('search forgets a trashed case and finds it again once restored', async () => {
    await withDemo(async (s, _root, caseId) => {
      const title = (await s.cases.getCase(caseId)).title
      const find = async () =>
        (await s.search.query({ query: title.split(' ').slice(0, 3).join(' '), limit: 20 })).hits.filter(
          (h) => h.kind === 'case',
        ).length
      expect(await find()).toBe(1)
      const entry = await s.trashBin.removeCase(caseId)
      expect(await find()).toBe(0)
      await s.trashBin.restore(entry.id)
      expect(await find()).toBe(1)
    })
  })
})

describe('undoing a removal within a case', () => {
  it('puts an actor back in its place with its event links', async () => {
    await withDemo(async (s, _root, caseId) => {
      const before = await s.cases.content(caseId)
      const index = 1
      const actor = before.actors[index]
      const linked = before.events.filter((e) => e.actorIds.includes(actor.id)).map((e) => e.id)
      expect(linked.length).toBeGreaterThan(0)
      await s.cases.removeActor(caseId, actor.id)
      await s.cases.restoreActor(caseId, actor, { index, eventIds: linked })
      const after = await s.cases.content(caseId)
      expect(after.actors).toEqual(before.actors)
      for (const id of linked)
        expect(after.events.find((e) => e.id === id)!.actorIds).toEqual(
          expect.arrayContaining(before.events.find((e) => e.id === id)!.actorIds),
        )
      await expect(s.cases.restoreActor(caseId, actor)).rejects.toMatchObject({ code: 'CONFLICT' })
    })
  })

  it('puts an event back with its id', async () => {
    await withDemo(async (s, _root, caseId) => {
      const before = await s.cases.content(caseId)
      const event = before.events[2]
      await s.cases.removeEvent(caseId, event.id)
      await s.cases.restoreEvent(caseId, event)
      expect((await s.cases.content(caseId)).events).toEqual(before.events)
      await expect(s.cases.restoreEvent(caseId, event)).rejects.toMatchObject({ code: 'CONFLICT' })
    })
  })
})

import { randomBytes } from 'node:crypto'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

async function setup(pick: string[] | null = null) {
  const root = await tempDir()
  const h = await ipcHarness({ userData: await tempDir(), workspace: root }, { chooseFiles: async () => pick })
  const c = await h.session.current().cases.create({ title: 'Case' })
  return { ...h, root, caseId: c.id }
}

async function file(name: string, size: number) {
  const p = join(await tempDir(), name)
  await writeFile(p, randomBytes(size))
  return p
}

describe('evidence channels', () => {
  it('imports with progress pushes, picks several files, and plays them back by URL', async () => {
    const path = await file('clip.mov', 3_000_000)
    const { session, dispatch, progress, caseId } = await setup([path])
    try {
      const r = await dispatch('evidence:pickAndImport', { caseId, taskId: 'task-1' })
      expect(r).toMatchObject({
        ok: true,
        value: {
          items: [{ kind: 'video', title: 'clip.mov', file: { mediaType: 'video/quicktime', size: 3_000_000 } }],
        },
      })
      expect(progress.at(-1)).toMatchObject({ taskId: 'task-1', done: 3_000_000, total: 3_000_000 })
      expect(progress[0].label).toMatch(/clip\.mov/)
      const id = (r as { value: { items: { id: string }[] } }).value.items[0].id
      const url = await dispatch('evidence:blobUrl', { caseId, evidenceId: id })
      expect(url).toMatchObject({
        ok: true,
        value: { url: expect.stringMatching(/^casefile-blob:\/\/blob\/[0-9a-f]{64}\?type=video%2Fquicktime$/) },
      })
      // No channel accepts a file path from the page.
      expect(await dispatch('evidence:import', { caseId, path: '/etc/passwd' })).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      })
      expect(await dispatch('evidence:pickAndImport', { caseId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      const v = await dispatch('evidence:verify', {})
      expect(v).toMatchObject({ ok: true, value: { ok: true, checked: 1, audit: { ok: true } } })
      expect(await dispatch('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true } })
    } finally {
      await session.close()
    }
  })

  it('pickAndImport imports every chosen file, or reports a dismissed dialog', async () => {
    const picked = [await file('a.jpg', 1000), await file('b.pdf', 2000)]
    const { session, dispatch, caseId } = await setup(picked)
    try {
      const r = await dispatch('evidence:pickAndImport', { caseId, taskId: 'p' })
      expect(r).toMatchObject({
        ok: true,
        value: { cancelled: false, items: [{ kind: 'image' }, { kind: 'document' }] },
      })
    } finally {
      await session.close()
    }
    const none = await setup(null)
    try {
      expect(await none.dispatch('evidence:pickAndImport', { caseId: none.caseId })).toEqual({
        ok: true,
        value: { cancelled: true, items: [] },
      })
    } finally {
      await none.session.close()
    }
  })

  it('tasks:cancel stops an import in flight and leaves nothing behind', async () => {
    const path = await file('big.mp4', 48 * 1024 * 1024)
    const { session, root, dispatch, caseId, setOnProgress } = await setup([path])
    try {
      setOnProgress((p) => void dispatch('tasks:cancel', { taskId: p.taskId }))
      const r = await dispatch('evidence:pickAndImport', { caseId, taskId: 'big' })
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      expect(await readdir(join(root, 'blobs'))).toEqual([])
      expect((await session.current().caseDetail.get(caseId)).evidence).toEqual([])
      expect(await dispatch('tasks:cancel', { taskId: 'big' })).toEqual({ ok: true, value: { cancelled: false } })
    } finally {
      await session.close()
    }
  })

  it('drives add / update / annotations / notes through the contract', async () => {
    const { session, dispatch, caseId } = await setup()
    try {
      const added = await dispatch('evidence:add', {
        caseId,
        item: { kind: 'video', title: 'Video', sourceUrl: 'https://e.org/v' },
      })
      const evidenceId = (added as { value: { id: string } }).value.id
      const upd = await dispatch('evidence:update', {
        caseId,
        evidenceId,
        patch: { verification: { status: 'disputed', reasoning: 'Two accounts differ' } },
      })
      expect(upd).toMatchObject({ ok: true, value: { verification: { status: 'disputed' } } })
      expect(
        await dispatch('evidence:update', { caseId, evidenceId, patch: { verification: { status: 'maybe' } } }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      const ann = await dispatch('annotations:add', {
        caseId,
        evidenceId,
        annotation: { target: { type: 'time', start: 3, end: 9 }, text: 'Door' },
      })
      expect(ann).toMatchObject({ ok: true, value: { text: 'Door', target: { start: 3, end: 9 } } })
      expect(
        await dispatch('annotations:add', {
          caseId,
          evidenceId,
          annotation: { target: { type: 'time', start: 9, end: 3 } },
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      expect(await dispatch('annotations:list', { caseId, evidenceId })).toMatchObject({
        ok: true,
        value: [{ text: 'Door' }],
      })
      const note = await dispatch('notes:add', { caseId, note: { title: 'N', body: { type: 'doc', content: [] } } })
      expect(note).toMatchObject({ ok: true, value: { title: 'N' } })
      expect(await dispatch('audit:list', { target: `evidence:${caseId}/${evidenceId}` })).toMatchObject({
        ok: true,
        value: [{ action: 'referenced' }, { action: 'status changed', detail: { from: 'unverified', to: 'disputed' } }],
      })
      expect(await dispatch('evidence:remove', { caseId, evidenceId })).toEqual({ ok: true, value: { removed: true } })
    } finally {
      await session.close()
    }
  })
})

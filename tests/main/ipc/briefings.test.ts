import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()
const BRIEFING = 'briefing_minister_note'

async function setup(savePath: string) {
  const h = await ipcHarness(
    { userData: await tempDir(), workspace: await tempDir() },
    { chooseSavePath: async () => savePath },
  )
  return { ...h, caseId: await h.session.current().demo.install() }
}

describe('briefing export channel', () => {
  it('exports to the chosen file with progress, and records it', async () => {
    const out = join(await tempDir(), 'memo')
    const { session, dispatch, caseId, progress } = await setup(out)
    try {
      const r = await dispatch('briefings:export', { caseId, briefingId: BRIEFING, taskId: 'export-1' })
      expect(r).toMatchObject({ ok: true, value: { path: `${out}.pdf` } })
      expect(existsSync(`${out}.pdf`)).toBe(true)
      expect(progress.every((p) => p.taskId === 'export-1')).toBe(true)
      expect(progress.at(-1)).toMatchObject({ label: 'Done', done: 1, total: 1 })
      expect((await session.current().briefings.get(caseId, BRIEFING)).exports).toHaveLength(1)
    } finally {
      await session.close()
    }
  })

  it('is cancelled by tasks:cancel with its task id: no file, no record, and the id is free again', async () => {
    const out = join(await tempDir(), 'memo.pdf')
    const { session, dispatch, caseId, setOnProgress } = await setup(out)
    try {
      let cancel: Promise<unknown> | undefined
      setOnProgress((p) => {
        if (p.done >= 1 && !cancel) cancel = dispatch('tasks:cancel', { taskId: 'export-2' })
      })
      const r = await dispatch('briefings:export', { caseId, briefingId: BRIEFING, taskId: 'export-2' })
      expect(await cancel).toEqual({ ok: true, value: { cancelled: true } })
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      expect(existsSync(out)).toBe(false)
      expect((await session.current().briefings.get(caseId, BRIEFING)).exports).toHaveLength(0)
      expect(await dispatch('tasks:cancel', { taskId: 'export-2' })).toEqual({ ok: true, value: { cancelled: false } })
    } finally {
      await session.close()
    }
  })

  it('exports a Word release copy where the dialog says, and brings an edited copy back as a new version', async () => {
    let out = join(await tempDir(), 'memo for release')
    let chosen: string[] | null = null
    const opened: string[] = []
    const h = await ipcHarness(
      { userData: await tempDir(), workspace: await tempDir() },
      {
        chooseSavePath: async () => out,
        chooseFiles: async () => chosen,
        openPath: async (path: string) => void opened.push(path),
      },
    )
    const caseId = await h.session.current().demo.install()
    try {
      const r = await h.dispatch('briefings:export', {
        caseId,
        briefingId: BRIEFING,
        taskId: 'export-3',
        format: 'docx',
        release: true,
      })
      expect(r).toMatchObject({ ok: true, value: { path: `${out}.docx` } })
      const record = (await h.session.current().briefings.get(caseId, BRIEFING)).exports.at(-1)
      expect(record).toMatchObject({ format: 'docx', file: `${out}.docx`, release: { reasons: expect.any(Array) } })
      // A Word copy it exported can be opened (to edit it for clearance); nothing else can.
      expect(await h.dispatch('briefings:openExport', { path: `${out}.docx` })).toMatchObject({ ok: true })
      expect(opened).toEqual([`${out}.docx`])
      expect(await h.dispatch('briefings:openExport', { path: `${out}.doc` })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })

      expect(await h.dispatch('briefings:importClearance', { caseId })).toMatchObject({
        ok: false,
        error: { code: 'CANCELLED' },
      })
      // A release copy names nothing of the workspace, so it cannot come back; a clearance copy can.
      chosen = [`${out}.docx`]
      expect(await h.dispatch('briefings:importClearance', { caseId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringContaining('is a release copy') },
      })
      out = join(dirname(out), 'clearance-copy')
      expect(
        await h.dispatch('briefings:export', { caseId, briefingId: BRIEFING, taskId: 'export-4', format: 'docx' }),
      ).toMatchObject({ ok: true, value: { path: `${out}.docx` } })
      chosen = [`${out}.docx`]
      const back = await h.dispatch('briefings:importClearance', { caseId })
      expect(back).toMatchObject({ ok: true, value: { clearance: { fromBriefingId: BRIEFING } } })
      expect((await h.session.current().briefings.list(caseId)).length).toBe(2)
    } finally {
      await h.session.close()
    }
  })

  it('keeps a memo language set by a patch', async () => {
    const h = await ipcHarness({ userData: await tempDir(), workspace: await tempDir() })
    const caseId = await h.session.current().demo.install()
    try {
      const r = await h.dispatch('briefings:update', { caseId, briefingId: BRIEFING, patch: { language: 'es' } })
      expect(r).toMatchObject({ ok: true, value: { language: 'es' } })
      expect((await h.session.current().briefings.get(caseId, BRIEFING)).language).toBe('es')
    } finally {
      await h.session.close()
    }
  })
})

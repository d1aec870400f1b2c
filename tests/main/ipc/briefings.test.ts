import { existsSync } from 'node:fs'
import { join } from 'node:path'
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
})

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

describe('bundle and key channels', () => {
  it('exports through the save dialog, inspects through the open dialog (a ticket, never a path), imports by ticket', async () => {
    const media = await tempDir()
    const out = join(media, 'case.casefile')
    let offered = ''
    const sender = await ipcHarness(
      { userData: await tempDir(), workspace: await tempDir() },
      {
        chooseSavePath: async (_title, name) => {
          offered = name
          return out
        },
      },
    )
    let pick: string[] | null = null
    const receiver = await ipcHarness(
      { userData: await tempDir(), workspace: await tempDir() },
      { chooseFiles: async () => pick },
    )
    try {
      const caseId = await sender.session.current().demo.install()
      const ex = await sender.dispatch('bundles:export', { caseId, taskId: 'exp-1' })
      expect(ex).toMatchObject({ ok: true, value: { cancelled: false, result: { path: out, evidence: 5 } } })
      expect(offered).toBe('ECU-USA-2026-001 Attempted ICE entry into the Consulate of Ecuador in Minneapolis.casefile')
      expect(sender.progress.at(-1)).toMatchObject({ taskId: 'exp-1', label: 'Writing the case bundle' })
      const fingerprint = (ex as { value: { result: { fingerprint: string } } }).value.result.fingerprint

      expect(await receiver.dispatch('bundles:inspect', {})).toEqual({ ok: true, value: { cancelled: true } })
      pick = [out]
      const seen = await receiver.dispatch('bundles:inspect', { taskId: 'insp-1' })
      expect(seen).toMatchObject({
        ok: true,
        value: {
          cancelled: false,
          ticket: expect.any(String),
          inspection: { signer: { fingerprint, trust: 'new' }, clash: null },
        },
      })
      expect(JSON.stringify(seen)).not.toContain(media)
      // Reading the bundle is shown on the task that asked.
      expect(receiver.progress.filter((p) => p.taskId === 'insp-1').length).toBeGreaterThan(0)
      const ticket = (seen as { value: { ticket: string } }).value.ticket
      expect(await receiver.dispatch('bundles:import', { ticket: 'made-up' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      const im = await receiver.dispatch('bundles:import', { ticket, taskId: 'imp-1' })
      expect(im).toMatchObject({ ok: true, value: { caseId, clash: 'none', signer: { trust: 'new' } } })
      expect(receiver.progress.some((p) => p.taskId === 'imp-1')).toBe(true)

      // Again: the clash comes back as CONFLICT with its details, and the answer imports.
      const again = await receiver.dispatch('bundles:inspect', {})
      const ticket2 = (again as { value: { ticket: string } }).value.ticket
      expect(await receiver.dispatch('bundles:import', { ticket: ticket2 })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { clash: { caseId } } },
      })
      expect(await receiver.dispatch('bundles:import', { ticket: ticket2, onClash: 'keep-both' })).toMatchObject({
        ok: true,
        value: { clash: 'keep-both' },
      })

      // Keys.
      expect(await receiver.dispatch('keys:trust', { fingerprint })).toMatchObject({
        ok: true,
        value: { trusted: true },
      })
      expect(await receiver.dispatch('keys:list', {})).toMatchObject({
        ok: true,
        value: { keys: [{ fingerprint, trusted: true }] },
      })
      expect(await receiver.dispatch('keys:remove', { fingerprint })).toEqual({ ok: true, value: { removed: true } })
      expect(await receiver.dispatch('keys:trust', { fingerprint: 'zz' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      // The private key never crosses: keys:list carries public keys only.
      expect(JSON.stringify(await sender.dispatch('keys:list', {}))).not.toMatch(/PRIVATE KEY/)

      // A damaged bundle: refused, as a Result with the reason.
      const bad = join(media, 'bad.casefile')
      await writeFile(bad, 'not a zip')
      pick = [bad]
      expect(await receiver.dispatch('bundles:inspect', {})).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/^The bundle was refused: /) },
      })
      // A dismissed save dialog exports nothing.
      offered = ''
      const none = await ipcHarness(
        { userData: await tempDir(), workspace: await tempDir() },
        { chooseSavePath: async () => null },
      )
      try {
        const id = await none.session.current().demo.install()
        expect(await none.dispatch('bundles:export', { caseId: id })).toEqual({ ok: true, value: { cancelled: true } })
      } finally {
        await none.session.close()
      }
    } finally {
      await sender.session.close()
      await receiver.session.close()
    }
  }, 120_000)
})

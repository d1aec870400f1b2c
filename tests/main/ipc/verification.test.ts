import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { patternJpeg, withExif } from '../../helpers/media'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

describe('verification channels', () => {
  it('inspect, duplicates, reread with progress, and the sun, through the contract', async () => {
    const root = await tempDir()
    const h = await ipcHarness({ userData: await tempDir(), workspace: root })
    try {
      const s = h.session.current()
      const c = await s.cases.create({ title: 'Case' })
      const media = await tempDir()
      const photo = withExif(await patternJpeg(11), { make: 'Casefile Cam', dateTimeOriginal: '2026:01:27 11:00:00' })
      await writeFile(join(media, 'a.jpg'), photo)
      const a = await s.evidence.importFile(c.id, join(media, 'a.jpg'))
      await writeFile(join(media, 'b.jpg'), await patternJpeg(11)) // the same picture, no metadata
      const b = await s.evidence.importFile(c.id, join(media, 'b.jpg'))

      const r = await h.dispatch('verification:inspect', { caseId: c.id, evidenceId: b.id })
      expect(r).toMatchObject({
        ok: true,
        value: {
          evidenceId: b.id,
          analysis: { metadata: { status: 'none' } },
          warnings: [{ code: 'metadata-stripped' }],
          duplicates: [{ evidenceId: a.id, how: 'same picture' }],
          settings: { timeMarginMinutes: 120, placeRadiusKm: 5 },
        },
      })
      expect(await h.dispatch('verification:duplicates', { caseId: c.id })).toMatchObject({
        ok: true,
        value: [{ a: { evidenceId: a.id }, matches: [{ evidenceId: b.id }] }],
      })
      const reread = await h.dispatch('verification:reread', { caseId: c.id, taskId: 'reread-1' })
      expect(reread).toMatchObject({ ok: true, value: { items: [{ status: 'read' }, { status: 'read' }] } })
      expect(h.progress.filter((p) => p.taskId === 'reread-1').at(-1)).toMatchObject({ done: 2, total: 2 })
      // One item named: only that one.
      const one = await h.dispatch('verification:reread', { caseId: c.id, evidenceId: b.id })
      expect(one).toMatchObject({ ok: true, value: { items: [{ evidenceId: b.id, status: 'read' }] } })
      expect((one as { value: { items: unknown[] } }).value.items).toHaveLength(1)
      expect(
        await h.dispatch('verification:sun', { at: '2026-01-27T17:00:00.000Z', latitude: 44.9778, longitude: -93.265 }),
      ).toMatchObject({ ok: true, value: { zone: 'America/Chicago', localTime: '2026-01-27T11:00:00-06:00' } })
      expect(await h.dispatch('verification:sun', { at: 'yesterday', latitude: 200, longitude: 0 })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      expect(await h.dispatch('verification:inspect', { caseId: c.id, evidenceId: 'ev_nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      await h.session.close()
    }
  }, 60_000)
})

/**
 * A large file is examined after its import returns (issue 16's benchmark aim):
 * the item comes back at once, its examination is recorded when done (its own
 * audit entry, the technical check, the warnings against the claims as they
 * stand then), closing the workspace waits for it, and an encrypted workspace
 * reads the source, not the sealed blob. The threshold is lowered here so
 * small test files take that road.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { EvidenceItem, FileAnalysis } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { createBackgroundExaminations, EXAMINE_INLINE_UP_TO } from '@main/services/evidence/backgroundExaminations'
import { openWorkspace } from '@main/services/index'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import { hasFfmpeg, makeVideo, patternJpeg, withExif } from '../../../helpers/media'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const FAST = { N: 2 ** 10, r: 8, p: 1 }

describe('examination after the import returns', () => {
  it('is the road of files over 256 MiB only; a smaller file arrives examined', async () => {
    expect(EXAMINE_INLINE_UP_TO).toBe(256 * 1024 * 1024)
    const root = await tempDir()
    const media = await tempDir('casefile-media-')
    await writeFile(join(media, 'a.jpg'), withExif(await patternJpeg(3), { make: 'Small Cam' }))
    const s = await openWorkspace(root, { newId: sequentialIds() })
    try {
      const c = await s.cases.create({ title: 'Small' })
      const item = await s.evidence.importFile(c.id, join(media, 'a.jpg'))
      expect(item.analysis?.metadata.status).toBe('found')
      expect(s.evidence.examiningLater(c.id, item.id)).toBe(false)
    } finally {
      await s.close()
    }
  })

  it.skipIf(!hasFfmpeg)(
    'returns the item unexamined, then records the examination, weighed against the claims as they stand then',
    async () => {
      const root = await tempDir()
      const media = await tempDir('casefile-media-')
      const src = join(media, 'clip.mp4')
      makeVideo(src, { seconds: 2, creationTime: '2026-01-27T17:00:00Z' })
      const s = await openWorkspace(root, { newId: sequentialIds(), examineInlineUpTo: 0 })
      try {
        const c = await s.cases.create({ title: 'Large files' })
        const item = await s.evidence.importFile(c.id, src, { details: { eventDate: '2026-01-27T17:00:00.000Z' } })
        expect(item.analysis).toBeUndefined()
        expect(s.evidence.examiningLater(c.id, item.id)).toBe(true)
        // The claim changes while the file is read: the warning is against the new one.
        await s.evidence.update(c.id, item.id, { eventDate: '2026-01-28T17:00:00.000Z' })
        await s.evidence.examinationsSettled()

        expect(s.evidence.examiningLater(c.id, item.id)).toBe(false)
        const after = await s.evidence.get(c.id, item.id)
        expect(after.analysis?.sha256).toBe(item.file!.sha256)
        expect(after.analysis?.fingerprint).toMatchObject({ status: 'done', kind: 'video' })
        expect(after.analysis?.warnings.map((w) => w.code)).toEqual(['capture-time-differs'])
        expect(after.verification.technical.reasoning).toMatch(
          /^\[Casefile examination .*ffprobe.*warnings: capture-time-differs\.$/,
        )
        const audit = await s.audit.list({ target: `evidence:${c.id}/${item.id}` })
        expect(audit.map((e) => e.action)).toEqual(['imported', 'hashed', 'edited', 'examined'])
        expect(audit[0].detail).not.toHaveProperty('examined')
        const inspection = await s.verification.inspect(c.id, item.id)
        expect(inspection.examining).toBe(false)
        expect(inspection.analysis?.metadata.status).toBe('found')

        // Asked to wait (the command line), the import returns the examined item.
        const waited = await s.evidence.importFile(c.id, src, { title: 'Again', awaitExamination: true })
        expect(waited.analysis?.fingerprint.status).toBe('done')
        expect(s.evidence.examiningLater(c.id, waited.id)).toBe(false)
      } finally {
        await s.close()
      }
    },
    120_000,
  )

  it.skipIf(!hasFfmpeg)(
    'closing the workspace waits for it, so what it found is kept',
    async () => {
      const root = await tempDir()
      const media = await tempDir('casefile-media-')
      const src = join(media, 'clip.mp4')
      makeVideo(src, { seconds: 2, creationTime: '2026-01-27T17:00:00Z' })
      let s = await openWorkspace(root, { newId: sequentialIds(), examineInlineUpTo: 0 })
      const c = await s.cases.create({ title: 'Closing' })
      const item = await s.evidence.importFile(c.id, src)
      expect(item.analysis).toBeUndefined()
      await s.close()
      s = await openWorkspace(root, { analysis: false })
      try {
        const kept = await s.evidence.get(c.id, item.id)
        expect(kept.analysis?.metadata.status).toBe('found')
        expect((await s.check.run()).problems).toEqual([])
      } finally {
        await s.close()
      }
    },
    120_000,
  )

  it.skipIf(!hasFfmpeg)(
    'an encrypted workspace reads the source file after the import, and reads the sealed blob again to the same result',
    async () => {
      const root = await tempDir()
      const media = await tempDir('casefile-media-')
      const src = join(media, 'clip.mp4')
      makeVideo(src, { seconds: 2, creationTime: '2026-01-27T17:00:00Z' })
      await encryptWorkspace(root, 'a long enough passphrase', { cost: FAST })
      const s = await openWorkspace(root, {
        newId: sequentialIds(),
        examineInlineUpTo: 0,
        unlock: { passphrase: 'a long enough passphrase' },
      })
      try {
        const c = await s.cases.create({ title: 'Sealed' })
        const item = await s.evidence.importFile(c.id, src)
        await s.evidence.examinationsSettled()
        const after = await s.evidence.get(c.id, item.id)
        expect(after.analysis?.metadata.status).toBe('found')
        expect(after.analysis?.fingerprint.status).toBe('done')
        // Read again, from the sealed blob's original bytes (fileSources.ts), it finds the same.
        const outcome = await s.verification.reread({ caseId: c.id })
        expect(outcome.items).toMatchObject([{ status: 'read' }])
        const { analysedAt: _then, ...before } = after.analysis!
        const { analysedAt: _now, ...again } = (await s.evidence.get(c.id, item.id)).analysis!
        expect(again).toEqual(before)
      } finally {
        await s.close()
      }
    },
    120_000,
  )
})

describe('the examinations running after imports', () => {
  const item = { id: 'ev_1', file: { sha256: 'a'.repeat(64), size: 4 } } as EvidenceItem
  const found = { sha256: 'a'.repeat(64) } as FileAnalysis
  type Deps = Parameters<typeof createBackgroundExaminations>[0]

  /** The examinations over stand-in deps: every file readable and read unless `deps` say otherwise; `kept` and `ended` list what was recorded and what ended. */
  function runsWith(deps: Partial<Deps>) {
    const kept: string[] = []
    const ended: string[] = []
    const runs = createBackgroundExaminations({
      examine: async () => found,
      keep: async (_caseId, evidenceId) => void kept.push(evidenceId),
      over: (_caseId, evidenceId) => void ended.push(evidenceId),
      ...deps,
    })
    return { runs, kept, ended }
  }

  it('reads the stored file instead when the source changed after the copy', async () => {
    const read: (string | undefined)[] = []
    const examine: Deps['examine'] = async (_caseId, _item, _signal, path) => {
      read.push(path)
      return found
    }
    const changed = { path: '/src/clip.mp4', unchanged: async () => false }
    const plain = runsWith({ examine })
    plain.runs.schedule('c1', item, changed)
    await plain.runs.settled()
    expect(read).toEqual(['/src/clip.mp4', undefined])
    expect(plain.kept).toEqual(['ev_1'])
  })

  it('one at a time; a failure leaves the item unexamined and the rest going, each announced as over; none starts once closing', async () => {
    let reading = 0
    let most = 0
    const {
      runs,
      kept,
      ended: over,
    } = runsWith({
      examine: async (_caseId, it) => {
        most = Math.max(most, ++reading)
        await new Promise((r) => setImmediate(r))
        reading--
        if (it.id === 'ev_bad') throw new Error('ffmpeg crashed')
        return found
      },
    })
    runs.schedule('c1', { ...item, id: 'ev_bad' })
    runs.schedule('c1', item)
    expect(runs.examining('c1', 'ev_bad')).toBe(true)
    await runs.finish()
    expect(kept).toEqual(['ev_1'])
    expect(over).toEqual(['ev_bad', 'ev_1'])
    expect(most).toBe(1)
    expect(runs.examining('c1', 'ev_bad')).toBe(false)
    runs.schedule('c1', { ...item, id: 'ev_late' })
    expect(runs.examining('c1', 'ev_late')).toBe(false)
    await runs.settled()
    expect(kept).toEqual(['ev_1'])
  })

  it('reads the source alone while it is unchanged; a source that gave nothing is not asked whether it changed', async () => {
    const read: (string | undefined)[] = []
    let asked = 0
    const same = { path: '/src/a.jpg', unchanged: async () => (asked++, true) }
    const once = runsWith({ examine: async (_c, _i, _s, path) => (read.push(path), found) })
    once.runs.schedule('c1', item, same)
    await once.runs.settled()
    expect([read, asked, once.kept]).toEqual([['/src/a.jpg'], 1, ['ev_1']])

    read.length = 0
    asked = 0
    const nothing = runsWith({ examine: async (_c, _i, _s, path) => (read.push(path), path ? undefined : found) })
    nothing.runs.schedule('c1', item, same)
    await nothing.runs.settled()
    expect([read, asked, nothing.kept]).toEqual([['/src/a.jpg', undefined], 0, ['ev_1']])
  })

  it('keeps nothing when nothing examines files, and never examines an item without a file', async () => {
    const examined: string[] = []
    const none = runsWith({ examine: async (_c, it) => void examined.push(it.id) })
    none.runs.schedule('c1', item)
    none.runs.schedule('c1', { id: 'ev_note' } as EvidenceItem)
    await none.runs.settled()
    expect(examined).toEqual(['ev_1'])
    expect(none.kept).toEqual([])
    expect(none.ended).toEqual(['ev_1', 'ev_note'])
  })

  it('tells the items apart, and an item scheduled again stays under way until its second reading ends', async () => {
    const gates = new Map<string, () => void>()
    const started: string[] = []
    const { runs, kept } = runsWith({
      examine: (_c, it) =>
        new Promise((resolve) => {
          const n = started.push(it.id)
          gates.set(`${it.id}#${n}`, () => resolve(found))
        }),
    })
    runs.schedule('c1', item)
    expect(runs.examining('c1', 'ev_1')).toBe(true)
    expect(runs.examining('c1', 'ev_2')).toBe(false)
    expect(runs.examining('c2', 'ev_1')).toBe(false)
    await runs.done('c1', 'ev_2') // nothing under way for it: at once
    runs.schedule('c1', item)
    await vi.waitFor(() => expect(gates.has('ev_1#1')).toBe(true), { timeout: 10_000, interval: 5 })
    gates.get('ev_1#1')!()
    await vi.waitFor(() => expect(gates.has('ev_1#2')).toBe(true), { timeout: 10_000, interval: 5 })
    // The first reading is over; the second still runs.
    expect(runs.examining('c1', 'ev_1')).toBe(true)
    gates.get('ev_1#2')!()
    await runs.done('c1', 'ev_1')
    expect(runs.examining('c1', 'ev_1')).toBe(false)
    expect(kept).toEqual(['ev_1', 'ev_1'])
  })

  it('a reading that ends after the lock stopped it is not kept', async () => {
    let finishReading!: () => void
    let started!: () => void
    const reading = new Promise<void>((r) => (started = r))
    const { runs, kept, ended } = runsWith({
      // Ignores the signal and answers anyway, as a reader that does not look at it would.
      examine: () =>
        new Promise((resolve) => {
          started()
          finishReading = () => resolve(found)
        }),
    })
    runs.schedule('c1', item)
    await reading
    const stopping = runs.finish({ stop: true })
    finishReading()
    await stopping
    expect(kept).toEqual([])
    expect(ended).toEqual(['ev_1'])
  })

  it('the app lock stops them instead of waiting: nothing is recorded', async () => {
    let started!: () => void
    const reading = new Promise<void>((r) => (started = r))
    const { runs, kept } = runsWith({
      // Reads until stopped, as ffmpeg on a long video would.
      examine: (_caseId, _item, signal) =>
        new Promise((resolve, reject) => {
          started()
          signal.addEventListener('abort', () => reject(new Error('stopped')))
        }),
    })
    runs.schedule('c1', item)
    await reading
    await runs.finish({ stop: true })
    expect(runs.examining('c1', item.id)).toBe(false)
    expect(kept).toEqual([])
  })
})

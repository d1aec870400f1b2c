/**
 * Evidence channels not driven elsewhere (get, the drag-and-drop upload, stills and clips, verify by case,
 * annotations edited, exported and imported) through the real dispatcher and handlers on an empty
 * workspace: values checked exactly, progress pushes checked for their task, effects read back.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { Annotation, Case, EvidenceItem, VerifyReport } from '@shared/domain'
import { hasFfmpeg, makeVideo } from '../../helpers/media'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function setup(platform: Parameters<typeof ipcHarness>[1] = {}) {
  const h = await ipcHarness({ userData: await tempDir(), workspace: await tempDir() }, platform)
  const { value } = h
  /** A file dropped on the window: sent in two chunks as the renderer sends them. */
  const upload = async (caseId: string, taskId: string, name: string, bytes: Buffer, extra: object = {}) => {
    const { uploadId } = await value<{ uploadId: string }>('evidence:uploadBegin', {
      caseId,
      taskId,
      name,
      size: bytes.length,
      ...extra,
    })
    const half = Math.floor(bytes.length / 2)
    expect(
      await value('evidence:uploadChunk', { uploadId, offset: 0, data: bytes.subarray(0, half).toString('base64') }),
    ).toEqual({ received: half })
    expect(
      await value('evidence:uploadChunk', { uploadId, offset: half, data: bytes.subarray(half).toString('base64') }),
    ).toEqual({ received: bytes.length })
    return value<EvidenceItem>('evidence:uploadFinish', { uploadId })
  }
  const a = await value<Case>('cases:create', { title: 'Consulate incident' })
  const b = await value<Case>('cases:create', { title: 'Visa refusal' })
  return { ...h, value, upload, a: a.id, b: b.id }
}

describe('evidence channels', () => {
  it('uploads into the case named with progress for its task, gets an item, verifies one case with or without a task', async () => {
    const { session, dispatch, value, upload, progress, a, b } = await setup()
    try {
      const door = randomBytes(40_000)
      const item = await upload(a, 'up-1', 'door.mov', door, { title: 'Door camera' })
      expect(item).toMatchObject({
        kind: 'video',
        title: 'Door camera',
        file: { sha256: sha256(door), size: door.length, originalName: 'door.mov', mediaType: 'video/quicktime' },
      })
      const mine = progress.filter((p) => p.taskId === 'up-1')
      expect(mine.length).toBeGreaterThan(0)
      expect(mine.at(-1)).toEqual({
        taskId: 'up-1',
        label: 'Importing door.mov',
        text: { key: 'errMedia:progress.importing', values: { name: 'door.mov' } },
        done: door.length,
        total: door.length,
      })
      const report = randomBytes(3_000)
      const pdf = await upload(b, 'up-2', 'scan.pdf', report, { kind: 'document' })
      expect(pdf).toMatchObject({ kind: 'document', title: 'scan.pdf', file: { sha256: sha256(report) } })
      expect((await value<{ evidence: EvidenceItem[] }>('cases:get', { caseId: a })).evidence.map((e) => e.id)).toEqual(
        [item.id],
      )

      // A cancelled upload is gone: its id answers no more.
      const { uploadId } = await value<{ uploadId: string }>('evidence:uploadBegin', {
        caseId: a,
        taskId: 'up-3',
        name: 'late.mov',
        size: 10,
      })
      expect(await dispatch('tasks:cancel', { taskId: 'up-3' })).toEqual({ ok: true, value: { cancelled: true } })
      expect(await dispatch('evidence:uploadFinish', { uploadId })).toMatchObject({ ok: false })

      const note = await value<EvidenceItem>('evidence:add', { caseId: a, item: { kind: 'note', title: 'Call log' } })
      expect(await value('evidence:get', { caseId: a, evidenceId: note.id })).toEqual(note)
      expect(await value<EvidenceItem>('evidence:get', { caseId: b, evidenceId: pdf.id })).toMatchObject({
        id: pdf.id,
        title: 'scan.pdf',
      })
      expect(await dispatch('evidence:get', { caseId: b, evidenceId: note.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })

      const before = progress.length
      const v = await value<VerifyReport>('evidence:verify', { caseId: a, taskId: 'verify-1' })
      expect(v).toMatchObject({ ok: true, checked: 1, items: [{ evidenceId: item.id, status: 'ok' }] })
      const pushed = progress.slice(before)
      expect(pushed.length).toBeGreaterThan(0)
      expect(pushed.every((p) => p.taskId === 'verify-1')).toBe(true)
      expect(pushed.at(-1)).toEqual({
        taskId: 'verify-1',
        label: 'Verifying stored files',
        text: { key: 'errMedia:progress.verifying' },
        done: door.length,
        total: door.length,
      })
      const quiet = progress.length
      expect(await value<VerifyReport>('evidence:verify', { caseId: b })).toMatchObject({
        checked: 1,
        items: [{ evidenceId: pdf.id, status: 'ok' }],
      })
      expect(progress.length).toBe(quiet)
    } finally {
      await session.close()
    }
  })

  it('a still from the PNG the player grabbed becomes an exhibit of the item named, titled as asked', async () => {
    const { session, dispatch, value, upload, a } = await setup()
    try {
      const video = await upload(a, 'up-v', 'door.mov', randomBytes(20_000))
      const png = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#336699' } })
        .png()
        .toBuffer()
      const still = await value<EvidenceItem>('evidence:still', {
        caseId: a,
        evidenceId: video.id,
        at: 4,
        png: png.toString('base64'),
        title: 'Agents at the door',
      })
      expect(still).toMatchObject({
        kind: 'image',
        title: 'Agents at the door',
        file: { sha256: sha256(png), mediaType: 'image/png', originalName: 'door.mov @ 00:00:04.png' },
        derivedFrom: { evidenceId: video.id, kind: 'still', at: 4 },
      })
      const untitled = await value<EvidenceItem>('evidence:still', {
        caseId: a,
        evidenceId: video.id,
        at: 2.5,
        png: png.toString('base64'),
      })
      expect(untitled).toMatchObject({ title: 'Still of “door.mov” at 00:00:02.5', derivedFrom: { at: 2.5 } })
      expect(await dispatch('cases:links', { caseId: a })).toMatchObject({
        ok: true,
        value: { evidence: { [video.id]: { derivedIds: [still.id, untitled.id] } } },
      })
      expect(
        await dispatch('evidence:still', { caseId: a, evidenceId: still.id, at: 1, png: png.toString('base64') }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    } finally {
      await session.close()
    }
  })

  it.skipIf(!hasFfmpeg)(
    'a clip of the range asked, titled as asked; tasks:cancel stops one by its task id',
    async () => {
      const { session, dispatch, value, upload, a } = await setup()
      try {
        const path = join(await tempDir(), 'street.mp4')
        makeVideo(path, { seconds: 2 })
        const video = await upload(a, 'up-c', 'street.mp4', await readFile(path))
        const clip = await value<EvidenceItem>('evidence:clip', {
          caseId: a,
          evidenceId: video.id,
          from: 0,
          to: 1,
          title: 'First second',
          taskId: 'clip-1',
        })
        expect(clip).toMatchObject({
          title: 'First second',
          file: { mediaType: 'video/webm' },
          derivedFrom: { evidenceId: video.id, kind: 'clip', at: 0, to: 1 },
        })
        // Registered as the request arrives: a cancel sent right after it reaches it.
        const pending = dispatch('evidence:clip', { caseId: a, evidenceId: video.id, from: 0, to: 2, taskId: 'clip-2' })
        expect(await dispatch('tasks:cancel', { taskId: 'clip-2' })).toEqual({ ok: true, value: { cancelled: true } })
        expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
        expect(
          (await value<{ evidence: EvidenceItem[] }>('cases:get', { caseId: a })).evidence.map((e) => e.id),
        ).toEqual([video.id, clip.id])
      } finally {
        await session.close()
      }
    },
  )
})

describe('annotation channels', () => {
  it('update and remove the annotation named, on the item named', async () => {
    const { session, dispatch, value, a } = await setup()
    try {
      const add = (evidenceId: string, start: number, text: string) =>
        value<Annotation>('annotations:add', {
          caseId: a,
          evidenceId,
          annotation: { target: { type: 'time', start, end: start + 2 }, text },
        })
      const one = await value<EvidenceItem>('evidence:add', { caseId: a, item: { kind: 'video', title: 'One' } })
      const two = await value<EvidenceItem>('evidence:add', { caseId: a, item: { kind: 'video', title: 'Two' } })
      const knock = await add(one.id, 1, 'Knock')
      const gate = await add(one.id, 5, 'Gate')
      const other = await add(two.id, 1, 'Elsewhere')

      const changed = await value<Annotation>('annotations:update', {
        caseId: a,
        evidenceId: one.id,
        annotationId: gate.id,
        patch: { text: 'Gate opens', tier: 'speech', tags: ['entry'] },
      })
      expect(changed).toEqual({
        ...gate,
        text: 'Gate opens',
        tier: 'speech',
        tags: ['entry'],
        updatedAt: expect.any(String),
      })
      expect(await value('annotations:list', { caseId: a, evidenceId: one.id })).toEqual([knock, changed])

      expect(await dispatch('annotations:remove', { caseId: a, evidenceId: one.id, annotationId: knock.id })).toEqual({
        ok: true,
        value: { removed: true },
      })
      expect(await value('annotations:list', { caseId: a, evidenceId: one.id })).toEqual([changed])
      expect(await value('annotations:list', { caseId: a, evidenceId: two.id })).toEqual([other])
      expect(
        await dispatch('annotations:remove', { caseId: a, evidenceId: two.id, annotationId: knock.id }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    } finally {
      await session.close()
    }
  })

  it('exports a tier (or all) where the save dialog says, and imports subtitles onto the tier asked', async () => {
    const out = await tempDir()
    let savePath: string | null = null
    let pick: string[] | null = null
    const asked: [string, string, string?][] = []
    const { session, dispatch, value, a } = await setup({
      chooseSavePath: async (title: string, name: string) => {
        asked.push(['save', title, name])
        return savePath
      },
      chooseFiles: async (title: string) => {
        asked.push(['open', title])
        return pick
      },
    })
    try {
      const one = await value<EvidenceItem>('evidence:add', {
        caseId: a,
        item: { kind: 'video', title: 'Door camera' },
      })
      const two = await value<EvidenceItem>('evidence:add', { caseId: a, item: { kind: 'audio', title: 'Call' } })
      for (const [start, tier, text] of [
        [1, 'speech', 'Open the door'],
        [4, 'speech', 'We have a warrant'],
        [6, 'actions', 'Door stays shut'],
      ] as const)
        await value('annotations:add', {
          caseId: a,
          evidenceId: one.id,
          annotation: { target: { type: 'time', start, end: start + 1 }, tier, text },
        })

      expect(
        await dispatch('annotations:export', { caseId: a, evidenceId: one.id, format: 'vtt', tier: 'speech' }),
      ).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      savePath = join(out, 'speech')
      expect(
        await dispatch('annotations:export', { caseId: a, evidenceId: one.id, format: 'vtt', tier: 'speech' }),
      ).toEqual({ ok: true, value: { path: join(out, 'speech.vtt'), format: 'vtt', cues: 2 } })
      const vtt = await readFile(join(out, 'speech.vtt'), 'utf8')
      expect(vtt).toMatch(/^WEBVTT/)
      expect(vtt).toContain('We have a warrant')
      expect(vtt).not.toContain('Door stays shut')
      // Two tiers in one subtitle file: refused; every tier as CSV.
      expect(await dispatch('annotations:export', { caseId: a, evidenceId: one.id, format: 'srt' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      savePath = join(out, 'all.csv')
      expect(await dispatch('annotations:export', { caseId: a, evidenceId: one.id, format: 'csv' })).toEqual({
        ok: true,
        value: { path: join(out, 'all.csv'), format: 'csv', cues: 3 },
      })
      expect(await readFile(join(out, 'all.csv'), 'utf8')).toContain('Door stays shut')

      const srt = join(out, 'call.srt')
      await writeFile(
        srt,
        '1\n00:00:01,000 --> 00:00:02,500\nHello?\n\n2\n00:00:03,000 --> 00:00:04,000\nWho is this?\n',
      )
      expect(await dispatch('annotations:import', { caseId: a, evidenceId: two.id })).toMatchObject({
        ok: false,
        error: { code: 'CANCELLED' },
      })
      pick = [srt]
      const imported = await value<{ added: Annotation[]; problems: unknown[] }>('annotations:import', {
        caseId: a,
        evidenceId: two.id,
        tier: 'interpreter',
      })
      expect(imported.problems).toEqual([])
      expect(imported.added.map((x) => [x.evidenceId, x.tier, x.text, x.target])).toEqual([
        [two.id, 'interpreter', 'Hello?', { type: 'time', start: 1, end: 2.5 }],
        [two.id, 'interpreter', 'Who is this?', { type: 'time', start: 3, end: 4 }],
      ])
      expect(await value('annotations:list', { caseId: a, evidenceId: two.id })).toEqual(imported.added)
      expect(await value<Annotation[]>('annotations:list', { caseId: a, evidenceId: one.id })).toHaveLength(3)

      expect(asked).toEqual([
        ['save', 'Export the annotations', 'Door camera speech.vtt'],
        ['save', 'Export the annotations', 'Door camera speech.vtt'],
        ['save', 'Export the annotations', 'Door camera.srt'],
        ['save', 'Export the annotations', 'Door camera.csv'],
        ['open', 'Import subtitles or an ELAN file (.vtt, .srt, .eaf)'],
        ['open', 'Import subtitles or an ELAN file (.vtt, .srt, .eaf)'],
      ])
    } finally {
      await session.close()
    }
  })
})

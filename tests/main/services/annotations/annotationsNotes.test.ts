import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Change } from '@main/services/changes'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function setup() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const c = await s.cases.create({ title: 'Case' })
  const video = await s.evidence.add(c.id, { kind: 'video', title: 'Video', sourceUrl: 'https://example.org/v' })
  const image = await s.evidence.add(c.id, { kind: 'image', title: 'Photo' })
  const doc = await s.evidence.add(c.id, { kind: 'document', title: 'Protest note' })
  const changes: Change[] = []
  s.ctx.changes.on((ch) => changes.push(ch))
  return { root, s, caseId: c.id, video, image, doc, changes }
}

describe('annotations service', () => {
  it('keeps time-coded annotations sorted in their own file', async () => {
    const { root, s, caseId, video, changes } = await setup()
    try {
      expect(await s.annotations.list(caseId, video.id)).toEqual([])
      const late = await s.annotations.add(caseId, video.id, {
        target: { type: 'time', start: 75.5, end: 80 },
        text: 'Agent steps back',
        eventIds: ['event_1'],
      })
      const early = await s.annotations.add(caseId, video.id, {
        target: { type: 'time', start: 12, end: 19 },
        text: 'Door blocked',
        tags: ['door'],
      })
      expect((await s.annotations.list(caseId, video.id)).map((a) => a.id)).toEqual([early.id, late.id])
      const file = JSON.parse(await readFile(join(root, 'cases', caseId, 'annotations', `${video.id}.json`), 'utf8'))
      expect(file).toMatchObject({ schemaVersion: 1, evidenceId: video.id })
      expect(file.annotations.map((a: { id: string }) => a.id)).toEqual([early.id, late.id])

      const moved = await s.annotations.update(caseId, video.id, early.id, {
        target: { type: 'time', start: 90, end: 95 },
        statuteIds: ['vccr-31'],
      })
      expect(moved).toMatchObject({ text: 'Door blocked', tags: ['door'], statuteIds: ['vccr-31'] })
      expect((await s.annotations.list(caseId, video.id)).map((a) => a.id)).toEqual([late.id, early.id])
      await s.annotations.remove(caseId, video.id, late.id)
      expect((await s.annotations.list(caseId, video.id)).map((a) => a.id)).toEqual([early.id])
      expect(changes.filter((c) => c.kind === 'annotation').map((c) => c.op)).toEqual([
        'upsert',
        'upsert',
        'upsert',
        'remove',
      ])
    } finally {
      await s.close()
    }
  })

  it('validates targets: end >= start, page >= 1, regions inside 0..1, and the target fits the kind', async () => {
    const { s, caseId, video, image, doc } = await setup()
    try {
      await expect(s.annotations.add(caseId, video.id, { target: { type: 'time', start: 5, end: 4 } })).rejects.toThrow(
        /end before it starts/,
      )
      await expect(
        s.annotations.add(caseId, video.id, { target: { type: 'time', start: -1, end: 4 } }),
      ).rejects.toThrow()
      await expect(s.annotations.add(caseId, doc.id, { target: { type: 'page', page: 0 } })).rejects.toThrow()
      await expect(
        s.annotations.add(caseId, image.id, { target: { type: 'region', x: 0.5, y: 0, width: 0.6, height: 0.1 } }),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      await expect(
        s.annotations.add(caseId, image.id, { target: { type: 'region', x: 1.2, y: 0, width: 0, height: 0 } }),
      ).rejects.toThrow()
      await expect(
        s.annotations.add(caseId, image.id, { target: { type: 'time', start: 1, end: 2 } }),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      const q = await s.annotations.add(caseId, doc.id, { target: { type: 'page', page: 2, quote: 'inviolable' } })
      const r = await s.annotations.add(caseId, image.id, {
        target: { type: 'region', x: 0.1, y: 0.2, width: 0.5, height: 0.5 },
      })
      expect(q.target).toEqual({ type: 'page', page: 2, quote: 'inviolable' })
      expect(r.target).toMatchObject({ type: 'region', width: 0.5 })
      await expect(s.annotations.update(caseId, video.id, 'nope', { text: 'x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      await expect(s.annotations.list(caseId, '../../etc')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(s.annotations.list(caseId, 'ev_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    } finally {
      await s.close()
    }
  })
})

describe('notes service', () => {
  it('adds, edits, lists newest first and removes rich-text notes in case.json', async () => {
    const { root, s, caseId, changes } = await setup()
    try {
      const body = {
        type: 'doc' as const,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Call the consul' }] }],
      }
      const a = await s.notes.add(caseId, { title: 'To do', body, tags: ['urgent'] })
      const b = await s.notes.add(caseId, { title: 'Second', body: { type: 'doc', content: [] } })
      const edited = await s.notes.update(caseId, a.id, { title: 'To do today' })
      expect(edited.body).toEqual(body)
      expect(edited.tags).toEqual(['urgent']) // a patch changes only what it names
      expect((await s.notes.list(caseId)).map((n) => n.id)).toEqual([a.id, b.id])
      const file = JSON.parse(await readFile(join(root, 'cases', caseId, 'case.json'), 'utf8'))
      expect(file.notes.find((n: { id: string }) => n.id === a.id).title).toBe('To do today')
      await s.notes.remove(caseId, b.id)
      expect((await s.caseDetail.get(caseId)).notes.map((n) => n.id)).toEqual([a.id])
      await expect(s.notes.remove(caseId, b.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(changes.filter((c) => c.kind === 'note').map((c) => c.op)).toEqual([
        'upsert',
        'upsert',
        'upsert',
        'remove',
      ])
    } finally {
      await s.close()
    }
  })
})

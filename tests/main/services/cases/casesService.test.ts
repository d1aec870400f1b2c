import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function open(root: string) {
  return openWorkspace(root, { newId: sequentialIds() })
}

describe('cases service', () => {
  it('creates, edits and lists cases, keeping the index in step with each case file', async () => {
    const root = await tempDir()
    const s = await open(root)
    try {
      const c = await s.cases.create({ title: 'Border incident', reference: 'REF-1', classification: 'CONFIDENTIAL' })
      expect(c.id).toBe('case_0001')
      await s.cases.update(c.id, { summary: 'What happened', tags: ['border'] })
      await s.cases.update(c.id, { status: 'archived' })
      const [listed] = await s.cases.list()
      expect(listed).toMatchObject({ id: c.id, status: 'archived', classification: 'CONFIDENTIAL', tags: ['border'] })
      const onDisk = JSON.parse(await readFile(join(root, 'cases', c.id, 'case.json'), 'utf8'))
      expect(onDisk.case.summary).toBe('What happened')
      const index = JSON.parse(await readFile(join(root, 'workspace.json'), 'utf8'))
      expect(index.cases[0].summary).toBeUndefined() // the index holds only what the list shows
      expect(await s.cases.resolve('ref-1')).toBe(c.id)
      await expect(s.cases.resolve('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(s.cases.update(c.id, { title: '' })).rejects.toThrow(/a case needs a title/)
    } finally {
      await s.close()
    }
  })

  it('keeps actors and a timeline sorted by instant', async () => {
    const root = await tempDir()
    const s = await open(root)
    try {
      const { id } = await s.cases.create({ title: 'T' })
      const agent = await s.cases.addActor(id, { name: 'Agent' })
      await s.cases.addEvent(id, {
        at: '2026-01-27T23:00:00.000Z',
        tz: 'America/Guayaquil',
        title: 'Later',
        actorIds: [agent.id],
      })
      await s.cases.addEvent(id, {
        at: '2026-01-27T17:00:00.000Z',
        tz: 'America/Chicago',
        precision: 'approximate',
        title: 'Earlier',
      })
      const detail = await s.caseDetail.get(id)
      expect(detail.events.map((e) => e.title)).toEqual(['Earlier', 'Later'])
      // A one-field edit keeps every other field (zod's partial() would reset defaults).
      const later = detail.events[1]
      const edited = await s.cases.updateEvent(id, later.id, { title: 'Later, renamed' })
      expect(edited).toMatchObject({ title: 'Later, renamed', actorIds: [agent.id], tz: 'America/Guayaquil' })
      const earlier = await s.cases.updateEvent(id, detail.events[0].id, { location: 'Minneapolis' })
      expect(earlier.precision).toBe('approximate')
      await s.cases.updateActor(id, agent.id, { affiliation: 'ICE' })
      await s.cases.updateActor(id, agent.id, { role: 'officer' })
      expect((await s.caseDetail.get(id)).actors[0]).toMatchObject({
        name: 'Agent',
        affiliation: 'ICE',
        role: 'officer',
      })
      await s.cases.removeActor(id, agent.id)
      expect((await s.caseDetail.get(id)).events[1].actorIds).toEqual([])
      await expect(s.cases.addEvent(id, { at: 'yesterday', tz: 'America/Chicago', title: 'x' })).rejects.toThrow()
    } finally {
      await s.close()
    }
  })

  it('tells listeners about each saved change', async () => {
    const root = await tempDir()
    const s = await open(root)
    const seen: string[] = []
    s.ctx.changes.on((c) => seen.push(`${c.kind}:${c.op}`))
    try {
      const { id } = await s.cases.create({ title: 'T' })
      await s.cases.addEvent(id, { at: '2026-01-27T17:00:00.000Z', tz: 'UTC', title: 'E' })
      expect(seen).toContain('case:upsert')
      expect(seen).toContain('event:upsert')
    } finally {
      await s.close()
    }
  })

  it('reports a corrupt case file, leaves it untouched, and still lists the other cases', async () => {
    const root = await tempDir()
    let s = await open(root)
    const a = await s.cases.create({ title: 'A' })
    const b = await s.cases.create({ title: 'B' })
    await s.close()
    const file = join(root, 'cases', a.id, 'case.json')
    const broken = (await readFile(file, 'utf8')).slice(0, 40)
    await writeFile(file, broken)

    s = await open(root)
    try {
      await expect(s.caseDetail.get(a.id)).rejects.toMatchObject({ code: 'CORRUPT' })
      expect((await s.caseDetail.get(b.id)).case.title).toBe('B')
      expect((await s.cases.list()).length).toBe(2)
      const info = await s.workspace.info()
      expect(info.problems[0]).toMatchObject({ file: join('cases', a.id, 'case.json'), kind: 'unreadable' })
      expect(await readFile(join(root, info.problems[0].quarantinedTo!), 'utf8')).toBe(broken)
    } finally {
      await s.close()
    }
  })

  it('installs the demo case with its actors, zoned timeline, evidence, linked Art. 31 and a draft briefing', async () => {
    const root = await tempDir()
    const s = await open(root)
    try {
      const id = await s.demo.install()
      const d = await s.caseDetail.get(id)
      expect(d.case.reference).toBe('ECU-USA-2026-001')
      expect(d.actors.map((a) => a.name)).toContain('Gabriela Sommerfeld')
      expect(d.events[0]).toMatchObject({ tz: 'America/Chicago', at: '2026-01-27T17:00:00.000Z' })
      expect(d.evidence.find((e) => e.kind === 'video')?.verification.status).toBe('unverified')
      expect(d.statutes[0]).toMatchObject({ shortName: 'VCCR', article: '31', year: 1963 })
      expect(d.briefings[0]).toMatchObject({ status: 'draft' })
      await expect(s.demo.install()).rejects.toMatchObject({ code: 'CONFLICT' })
    } finally {
      await s.close()
    }
  })
})

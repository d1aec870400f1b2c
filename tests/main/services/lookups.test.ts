import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const open = (root: string) => openWorkspace(root, { newId: sequentialIds() })

describe('finding a record by its id alone', () => {
  it('cases.locate names the case holding an actor, event, evidence item or note', async () => {
    const s = await open(await tempDir())
    try {
      const a = await s.cases.create({ title: 'A' })
      const b = await s.cases.create({ title: 'B' })
      const actor = await s.cases.addActor(b.id, { name: 'Consul' })
      const event = await s.cases.addEvent(a.id, { at: '2026-01-27T17:00:00.000Z', tz: 'UTC', title: 'E' })
      const item = await s.evidence.add(b.id, { kind: 'web page', title: 'Page', sourceUrl: 'https://example.org' })
      const note = await s.notes.add(a.id, { body: { type: 'doc', content: [] } })
      expect(await s.cases.locate('actor', actor.id)).toBe(b.id)
      expect(await s.cases.locate('event', event.id)).toBe(a.id)
      expect(await s.cases.locate('evidence', item.id)).toBe(b.id)
      expect(await s.cases.locate('note', note.id)).toBe(a.id)
      // Right id, wrong kind; an id that could leave its folder; nothing at all.
      await expect(s.cases.locate('event', actor.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(s.cases.locate('actor', '../../etc')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(s.cases.locate('note', 'note_9999')).rejects.toThrow(
        'No note with id "note_9999" in this workspace.',
      )
      // The same id in two cases (a case copied by hand): ambiguous, and said so.
      await s.cases.addActor(a.id, { name: 'Twin' }, actor.id)
      await expect(s.cases.locate('actor', actor.id)).rejects.toMatchObject({ code: 'CONFLICT' })
    } finally {
      await s.close()
    }
  })

  it('cases.locate looks past a case whose file is damaged', async () => {
    const root = await tempDir()
    let ids: { bad: string; good: string; actor: string }
    {
      const s = await open(root)
      const bad = await s.cases.create({ title: 'Damaged' })
      const good = await s.cases.create({ title: 'Fine' })
      const actor = await s.cases.addActor(good.id, { name: 'Consul' })
      ids = { bad: bad.id, good: good.id, actor: actor.id }
      await s.close()
    }
    await writeFile(join(root, 'cases', ids.bad, 'case.json'), '{"schemaVersion": 1, "ca')
    const s = await openWorkspace(root, { readOnly: true })
    try {
      expect(await s.cases.locate('actor', ids.actor)).toBe(ids.good)
    } finally {
      await s.close()
    }
  })

  it('briefings.locate and annotations.locate find their case (and item)', async () => {
    const s = await open(await tempDir())
    try {
      const a = await s.cases.create({ title: 'A' })
      const b = await s.cases.create({ title: 'B' })
      const briefing = await s.briefings.createFromTemplate(b.id, 'blank')
      expect(await s.briefings.locate(briefing.id)).toBe(b.id)
      await expect(s.briefings.locate('briefing_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(s.briefings.locate('../x')).rejects.toMatchObject({ code: 'NOT_FOUND' })

      const item = await s.evidence.add(a.id, { kind: 'document', title: 'Protest note' })
      const other = await s.evidence.add(a.id, { kind: 'document', title: 'Reply' })
      await s.annotations.add(a.id, other.id, { target: { type: 'page', page: 1 } })
      const ann = await s.annotations.add(a.id, item.id, { target: { type: 'page', page: 2, quote: 'inviolable' } })
      expect(await s.annotations.locate(ann.id)).toEqual({ caseId: a.id, evidenceId: item.id })
      await expect(s.annotations.locate('ann_nope')).rejects.toThrow(
        'No annotation with id "ann_nope" in this workspace.',
      )
    } finally {
      await s.close()
    }
  })
})

describe('links must name records of the same case', () => {
  it('an event links only actors and evidence of its case; an item only events of its case', async () => {
    const s = await open(await tempDir())
    try {
      const c = await s.cases.create({ title: 'A' })
      const other = await s.cases.create({ title: 'B' })
      const stranger = await s.cases.addActor(other.id, { name: 'Elsewhere' })
      const actor = await s.cases.addActor(c.id, { name: 'Consul' })
      const item = await s.evidence.add(c.id, { kind: 'video', title: 'Door video' })
      const base = { at: '2026-01-27T17:00:00.000Z', tz: 'America/Chicago', title: 'Door blocked' }

      await expect(s.cases.addEvent(c.id, { ...base, actorIds: [stranger.id] })).rejects.toThrow(
        `No actor with id "${stranger.id}" in this case.`,
      )
      await expect(s.cases.addEvent(c.id, { ...base, evidenceIds: ['ev_nope'] })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      expect((await s.cases.content(c.id)).events).toEqual([]) // nothing written by a refused add

      const event = await s.cases.addEvent(c.id, { ...base, actorIds: [actor.id], evidenceIds: [item.id] })
      expect(event).toMatchObject({ actorIds: [actor.id], evidenceIds: [item.id] })
      await expect(s.cases.updateEvent(c.id, event.id, { actorIds: ['actor_nope'] })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      expect((await s.cases.updateEvent(c.id, event.id, { evidenceIds: [] })).evidenceIds).toEqual([])

      await expect(s.evidence.update(c.id, item.id, { eventIds: ['event_nope'] })).rejects.toThrow(
        'No event with id "event_nope" in this case.',
      )
      await expect(
        s.evidence.add(c.id, { kind: 'note', title: 'Memo', eventIds: ['event_nope'] }),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      expect((await s.evidence.update(c.id, item.id, { eventIds: [event.id] })).eventIds).toEqual([event.id])
    } finally {
      await s.close()
    }
  })
})

describe('workspace settings are checked by the service', () => {
  it('refuses an empty or oversized user or workspace name, which would leave workspace.json unloadable', async () => {
    const root = await tempDir()
    const s = await open(root)
    try {
      await expect(s.workspace.setUserName('   ')).rejects.toThrow(/a user name cannot be empty/)
      await expect(s.workspace.setUserName('x'.repeat(201))).rejects.toThrow()
      await expect(s.workspace.setName('')).rejects.toThrow(/a workspace name cannot be empty/)
      await s.workspace.setUserName('  Ana Torres ')
      await s.workspace.setName('Desk')
      expect(await s.workspace.info()).toMatchObject({ userName: 'Ana Torres', name: 'Desk' })
    } finally {
      await s.close()
    }
    expect(JSON.parse(await readFile(join(root, 'workspace.json'), 'utf8'))).toMatchObject({ userName: 'Ana Torres' })
  })
})

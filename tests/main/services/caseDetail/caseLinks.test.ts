/**
 * The backlink index (caseDetail.links) on a case built from nothing, as the
 * window builds one: every link is seen from both ends, "cited in" names the
 * briefing paragraph, and a 10,000-event case answers quickly. Also the undo of
 * an issue removal (issues.restore), which the issues screen relies on.
 */
import { describe, expect, it } from 'vitest'
import { openWorkspace, type Services } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

const cite = (target: 'evidence' | 'statute' | 'event', id: string) => ({
  type: 'citation',
  attrs: { target, id, pinpoint: '' },
})
const para = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (t: string) => ({ type: 'text', text: t })

async function freshCase(s: Services) {
  const c = await s.cases.create({ title: 'Border post incident', classification: 'UNCLASSIFIED' })
  const guard = await s.cases.addActor(c.id, { name: 'Guard Ortiz', role: 'border guard' })
  const video = await s.evidence.add(c.id, { title: 'Phone video', kind: 'video', sourceUrl: 'https://example.org/v' })
  const memo = await s.evidence.add(c.id, { title: 'Internal memo', kind: 'document' })
  const [stop, search] = await s.cases.addEvents(c.id, [
    {
      at: '2026-03-01T10:00:00+01:00',
      tz: 'Europe/Madrid',
      title: 'Car stopped',
      actorIds: [guard.id],
      evidenceIds: [video.id],
    },
    { at: '2026-03-01T10:20:00+01:00', tz: 'Europe/Madrid', title: 'Car searched', actorIds: [] },
  ])
  // A link made from the exhibit's side only (evidence names the event) shows on the card too.
  await s.evidence.update(c.id, memo.id, { eventIds: [search.id] })
  const article = await s.statutes.add(
    { instrument: 'Schengen Borders Code', article: '8', text: 'Border checks on persons.' },
    { caseId: c.id },
  )
  const briefing = await s.briefings.create(c.id, {
    title: 'Note on the stop',
    header: {},
    body: {
      type: 'doc',
      content: [
        para(text('Officers stopped the car. The stop is on video '), cite('evidence', video.id), text('.')),
        para(text('Checks must be proportionate '), cite('statute', article.id), text('.')),
      ],
    },
  })
  return { c, guard, video, memo, stop, search, article, briefing }
}

describe('caseDetail.links on a fresh case', () => {
  it('sees every link from both ends and says where each exhibit and excerpt is cited', async () => {
    const s = await openWorkspace(await tempDir())
    try {
      const f = await freshCase(s)
      const issue = await s.issues.add(f.c.id, {
        question: 'Was the search lawful?',
        eventIds: [f.search.id],
        evidenceIds: [f.memo.id],
        statuteIds: [f.article.id],
      })
      const links = await s.caseDetail.links(f.c.id)

      expect(links.events[f.stop.id]).toEqual({ actorIds: [f.guard.id], evidenceIds: [f.video.id], issueIds: [] })
      expect(links.events[f.search.id]).toEqual({ actorIds: [], evidenceIds: [f.memo.id], issueIds: [issue.id] })
      expect(links.actors[f.guard.id]).toEqual({ eventIds: [f.stop.id], evidenceIds: [f.video.id] })
      expect(links.evidence[f.video.id]).toMatchObject({ eventIds: [f.stop.id], issueIds: [] })
      expect(links.evidence[f.video.id].citedIn).toEqual([
        { briefingId: f.briefing.id, title: 'Note on the stop', excerpt: 'The stop is on video' },
      ])
      expect(links.evidence[f.memo.id]).toMatchObject({ eventIds: [f.search.id], issueIds: [issue.id], citedIn: [] })
      expect(links.statutes[f.article.id]).toEqual({
        issueIds: [issue.id],
        citedIn: [{ briefingId: f.briefing.id, title: 'Note on the stop', excerpt: 'Checks must be proportionate' }],
      })
      // Plain JSON, as it crosses IPC (exposeBinding and structured clone keep nothing else).
      expect(JSON.parse(JSON.stringify(links))).toEqual(links)
    } finally {
      await s.close()
    }
  })

  it('follows removals: a removed event leaves the exhibit and the issue, a removed citation leaves "cited in"', async () => {
    const s = await openWorkspace(await tempDir())
    try {
      const f = await freshCase(s)
      const issue = await s.issues.add(f.c.id, { question: 'Q', eventIds: [f.stop.id] })
      await s.cases.removeEvent(f.c.id, f.stop.id)
      await s.briefings.update(f.c.id, f.briefing.id, {
        body: { type: 'doc', content: [para(text('Nothing cited any more.'))] },
      })
      const links = await s.caseDetail.links(f.c.id)
      expect(links.events[f.stop.id]).toBeUndefined()
      expect(links.evidence[f.video.id]).toMatchObject({ eventIds: [], citedIn: [] })
      expect(links.actors[f.guard.id]).toEqual({ eventIds: [], evidenceIds: [] })
      expect(links.statutes[f.article.id].citedIn).toEqual([])
      expect((await s.issues.list(f.c.id)).find((i) => i.id === issue.id)?.eventIds).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('answers for a 10,000-event case quickly, even with one actor in every event', async () => {
    const s = await openWorkspace(await tempDir())
    try {
      const f = await freshCase(s)
      const actors = [f.guard.id]
      for (let i = 0; i < 20; i++) actors.push((await s.cases.addActor(f.c.id, { name: `Officer ${i}` })).id)
      const exhibits = [f.video.id, f.memo.id]
      await s.cases.addEvents(
        f.c.id,
        Array.from({ length: 10_000 }, (_, i) => ({
          at: `2026-04-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
          tz: 'UTC',
          title: `Event ${i}`,
          // The guard is in every event: a walk that is quadratic in an actor's events shows at once.
          actorIds: [...new Set([f.guard.id, actors[i % actors.length]])],
          evidenceIds: [exhibits[i % 2]],
        })),
      )
      const started = performance.now()
      const links = await s.caseDetail.links(f.c.id)
      const took = performance.now() - started
      expect(Object.keys(links.events)).toHaveLength(10_002)
      expect(links.evidence[f.video.id].eventIds.length).toBe(5_001)
      expect(links.actors[f.guard.id].eventIds.length).toBe(10_001)
      expect(links.actors[f.guard.id].evidenceIds.sort()).toEqual([f.video.id, f.memo.id].sort())
      // About 0.1 s here; a quadratic walk took 2-4 s. Generous for two busy shared cores.
      expect(took).toBeLessThan(1_500)
    } finally {
      await s.close()
    }
  }, 60_000)
})

describe('issues.restore', () => {
  it('puts a removed issue back with its id, dropping links to what went meanwhile', async () => {
    const s = await openWorkspace(await tempDir())
    try {
      const f = await freshCase(s)
      const issue = await s.issues.add(f.c.id, {
        question: 'Was the stop lawful?',
        status: 'answered',
        eventIds: [f.stop.id, f.search.id],
        evidenceIds: [f.video.id],
        statuteIds: [f.article.id],
      })
      // Not removed: nothing to put back, whatever the caller sends.
      await expect(s.issues.restore(f.c.id, issue)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await s.issues.remove(f.c.id, issue.id)
      await s.cases.removeEvent(f.c.id, f.search.id)
      // The record as it was removed comes back, not the caller's altered copy.
      const back = await s.issues.restore(f.c.id, {
        ...issue,
        question: 'Forged',
        createdAt: '2000-01-01T00:00:00.000Z',
      })
      expect(back).toEqual({ ...issue, eventIds: [f.stop.id] })
      expect(await s.issues.list(f.c.id)).toEqual([back])
      await expect(s.issues.restore(f.c.id, issue)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(s.issues.restore('case_other', issue)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    } finally {
      await s.close()
    }
  })
})

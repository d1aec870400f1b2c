import { describe, expect, it } from 'vitest'
import { citationsIn } from '@shared/domain'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const CASE = 'case_ecu_mpls_2026'

async function demo() {
  const s = await openWorkspace(await tempDir())
  await s.demo.install()
  return s
}

describe('issues and links both ways', () => {
  it('keeps the legal questions of a case with what bears on them, and refuses links to nothing', async () => {
    const s = await demo()
    try {
      const issue = await s.issues.add(CASE, {
        question: 'Was Art. 31(2) breached?',
        eventIds: ['event_blocked'],
        statuteIds: ['statute_vccr_31'],
      })
      expect(issue).toMatchObject({ status: 'open', evidenceIds: [] })
      const linked = await s.issues.link(CASE, issue.id, {
        evidenceIds: ['evidence_video', 'evidence_video'],
        eventIds: ['event_blocked'],
      })
      expect(linked.evidenceIds).toEqual(['evidence_video'])
      expect(linked.eventIds).toEqual(['event_blocked'])
      await expect(s.issues.link(CASE, issue.id, { eventIds: ['event_nowhere'] })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      await expect(s.issues.add(CASE, { question: 'x', statuteIds: ['statute_nowhere'] })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      await expect(s.issues.add(CASE, { question: '  ' })).rejects.toThrow()
      const answered = await s.issues.update(CASE, issue.id, {
        status: 'answered',
        notes: 'Yes: entry was attempted without consent.',
      })
      expect(answered).toMatchObject({ status: 'answered', eventIds: ['event_blocked'] })
      expect((await s.caseDetail.get(CASE)).issues).toContainEqual(answered)

      // The memo drafted from the case file writes a section per issue, its facts and law cited.
      const memo = await s.briefings.createFromTemplate(CASE, 'case file')
      const text = JSON.stringify(memo.body)
      expect(text).toContain('"text":"Issues"')
      expect(text).toContain('Was Art. 31(2) breached?')
      expect(text).toContain('Yes: entry was attempted without consent.')
      const cites = citationsIn(memo.body)
      expect(cites).toContainEqual(expect.objectContaining({ target: 'event', id: 'event_blocked' }))

      // A fact removed from the timeline leaves the issues that named it.
      await s.cases.removeEvent(CASE, 'event_blocked')
      expect((await s.issues.list(CASE)).find((i) => i.id === issue.id)!.eventIds).toEqual([])

      await s.issues.remove(CASE, issue.id)
      expect((await s.issues.list(CASE)).map((i) => i.id)).not.toContain(issue.id)
    } finally {
      await s.close()
    }
  })

  it('shows each link from both ends: cards, actors, exhibits (with where they are cited) and excerpts', async () => {
    const s = await demo()
    try {
      const issue = await s.issues.add(CASE, {
        question: 'Q',
        evidenceIds: ['evidence_sample_clip'],
        statuteIds: ['statute_vccr_31'],
      })
      const links = await s.caseDetail.links(CASE)
      // event_blocked names the video and the bulletin; the sample clip names event_blocked.
      expect(links.events.event_blocked.evidenceIds.sort()).toEqual([
        'evidence_bulletin',
        'evidence_sample_clip',
        'evidence_video',
      ])
      expect(links.evidence.evidence_sample_clip.eventIds).toEqual(['event_blocked'])
      expect(links.events.event_blocked.actorIds).toContain('actor_ice_agent')
      expect(links.actors.actor_ice_agent.eventIds).toEqual(expect.arrayContaining(['event_approach', 'event_blocked']))
      expect(links.actors.actor_ice_agent.evidenceIds).toContain('evidence_video')
      expect(links.evidence.evidence_sample_clip.issueIds).toEqual([issue.id])
      expect(links.statutes.statute_vccr_31.issueIds).toContain(issue.id)
      // The demo's own two questions, seen from their facts, exhibits and excerpt.
      const demoIssues = (await s.issues.list(CASE)).filter((i) => i.id !== issue.id).map((i) => i.id)
      expect(demoIssues).toHaveLength(2)
      expect(links.events.event_approach.issueIds).toEqual([demoIssues[0]])
      expect(links.evidence.evidence_video.issueIds).toEqual([demoIssues[0]])
      expect(links.evidence.evidence_bulletin.issueIds).toEqual([demoIssues[1]])
      expect(links.statutes.statute_vccr_31.issueIds.sort()).toEqual([...demoIssues, issue.id].sort())
      // The demo briefing cites the video and the excerpt: each says where.
      expect(links.evidence.evidence_video.citedIn).toEqual([
        expect.objectContaining({
          briefingId: 'briefing_minister_note',
          excerpt: expect.stringContaining('circulating'),
        }),
      ])
      expect(links.statutes.statute_vccr_31.citedIn.length).toBeGreaterThan(0)
      expect(links.evidence.evidence_press_report.citedIn).toEqual([])
      // A still made from the clip is listed under it.
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      )
      const still = await s.derived.still(CASE, 'evidence_sample_clip', 1, { png })
      expect((await s.caseDetail.links(CASE)).evidence.evidence_sample_clip.derivedIds).toEqual([still.id])
    } finally {
      await s.close()
    }
  })

  it('an event removed and restored (an undo) is named again by the issues that named it', async () => {
    const s = await demo()
    try {
      const event = (await s.caseDetail.get(CASE)).events.find((e) => e.id === 'event_blocked')!
      const naming = (await s.issues.list(CASE)).filter((i) => i.eventIds.includes('event_blocked')).map((i) => i.id)
      expect(naming.length).toBeGreaterThan(0)
      const issueIds = await s.cases.removeEvent(CASE, 'event_blocked')
      expect(issueIds).toEqual(naming)
      expect((await s.issues.list(CASE)).some((i) => i.eventIds.includes('event_blocked'))).toBe(false)
      await s.cases.restoreEvent(CASE, event, [...issueIds, 'issue_gone_meanwhile'])
      const after = (await s.issues.list(CASE)).filter((i) => i.eventIds.includes('event_blocked')).map((i) => i.id)
      expect(after).toEqual(naming)
      expect((await s.caseDetail.links(CASE)).events.event_blocked.issueIds).toEqual(naming)
    } finally {
      await s.close()
    }
  })
})

describe('issue links from a new workspace', () => {
  it('an issue linked in several requests past 1,000 records can still be edited with all its links', async () => {
    const s = await openWorkspace(await tempDir())
    try {
      const c = await s.cases.create({ title: 'Many links' })
      const events = await s.cases.addEvents(
        c.id,
        Array.from({ length: 1_100 }, (_, i) => ({
          at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
          tz: 'UTC',
          title: `Fact ${i}`,
        })),
      )
      const ids = events.map((e) => e.id)
      const issue = await s.issues.add(c.id, { question: 'Many?' })
      await s.issues.link(c.id, issue.id, { eventIds: ids.slice(0, 1_000) })
      const linked = await s.issues.link(c.id, issue.id, { eventIds: ids.slice(1_000) })
      expect(linked.eventIds).toHaveLength(1_100)
      // The form sends every link back with the new words.
      const edited = await s.issues.update(c.id, issue.id, { question: 'So many?', eventIds: linked.eventIds })
      expect(edited).toMatchObject({ question: 'So many?', eventIds: linked.eventIds })
    } finally {
      await s.close()
    }
  }, 60_000)

  it('one link per record, at most 10,000 of a kind; an undone edit drops links to records removed since', async () => {
    const s = await openWorkspace(await tempDir())
    try {
      const c = await s.cases.create({ title: 'Links' })
      const a = await s.cases.addEvent(c.id, { at: '2026-01-27T11:00:00.000Z', tz: 'UTC', title: 'A' })
      const b = await s.cases.addEvent(c.id, { at: '2026-01-27T12:00:00.000Z', tz: 'UTC', title: 'B' })
      const issue = await s.issues.add(c.id, { question: 'Was entry refused?', eventIds: [a.id, a.id, a.id] })
      expect(issue.eventIds).toEqual([a.id])
      const before = await s.issues.update(c.id, issue.id, { eventIds: [a.id, b.id, b.id] })
      expect(before.eventIds).toEqual([a.id, b.id])
      await expect(
        s.issues.add(c.id, { question: 'Too many', eventIds: Array.from({ length: 10_001 }, () => a.id) }),
      ).rejects.toMatchObject({ name: 'ZodError' })

      // Edited, then the event it named is removed: undoing the edit still puts the words back.
      await s.issues.update(c.id, issue.id, { question: 'Was entry refused at the door?', eventIds: [a.id] })
      await s.cases.removeEvent(c.id, b.id)
      const undo = { question: before.question, eventIds: before.eventIds }
      await expect(s.issues.update(c.id, issue.id, undo)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const back = await s.issues.update(c.id, issue.id, undo, { dropMissingLinks: true })
      expect(back).toMatchObject({ question: 'Was entry refused?', eventIds: [a.id] })
    } finally {
      await s.close()
    }
  })
})

/**
 * The case channels (cases, actors, events, issues, links) through the real dispatcher and handlers on an
 * empty workspace: each answer checked for its value, and each change read back through another channel,
 * with two cases (or two records) so that a handler acting on the wrong one shows.
 */
import { describe, expect, it } from 'vitest'
import type {
  Actor,
  Case,
  CaseDetail,
  CaseLinks,
  CaseSummary,
  EvidenceItem,
  Issue,
  TimelineEvent,
} from '@shared/domain'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

async function setup() {
  const h = await ipcHarness({ userData: await tempDir(), workspace: await tempDir() })
  const { value } = h
  const detail = (caseId: string) => value<CaseDetail>('cases:get', { caseId })
  const a = await value<Case>('cases:create', { title: 'Consulate incident', reference: 'ECU-1', tags: ['consular'] })
  const b = await value<Case>('cases:create', { title: 'Visa refusal' })
  return { ...h, value, detail, a: a.id, b: b.id, created: a }
}

const AT = '2026-01-27T17:00:00.000Z'
const TZ = 'America/Chicago'

describe('case channels', () => {
  it('create, list, get and update act on the case named, with the fields given', async () => {
    const { session, value, detail, a, b, created } = await setup()
    try {
      expect(created).toMatchObject({
        id: expect.stringMatching(/^case_/),
        title: 'Consulate incident',
        reference: 'ECU-1',
        tags: ['consular'],
        status: 'open',
        classification: 'UNCLASSIFIED',
      })
      const updated = await value<Case>('cases:update', {
        caseId: b,
        patch: { status: 'monitoring', summary: 'Waiting for the ministry.' },
      })
      expect(updated).toMatchObject({ id: b, title: 'Visa refusal', status: 'monitoring' })
      expect(updated.summary).toBe('Waiting for the ministry.')
      expect((await detail(b)).case).toMatchObject({ status: 'monitoring', summary: 'Waiting for the ministry.' })
      expect((await detail(a)).case).toMatchObject({ title: 'Consulate incident', status: 'open', summary: '' })
      const list = await value<CaseSummary[]>('cases:list', {})
      expect(list.map((c) => [c.id, c.title, c.status]).sort()).toEqual(
        [
          [a, 'Consulate incident', 'open'],
          [b, 'Visa refusal', 'monitoring'],
        ].sort(),
      )
    } finally {
      await session.close()
    }
  })

  it('adds, updates, removes and restores actors of the case named, relinking the events given', async () => {
    const { session, dispatch, value, detail, a, b } = await setup()
    try {
      const ana = await value<Actor>('actors:add', { caseId: a, actor: { name: 'Ana Ruiz', role: 'Consul' } })
      expect(ana).toEqual({
        id: expect.stringMatching(/^actor_/),
        name: 'Ana Ruiz',
        role: 'Consul',
        affiliation: '',
        notes: '',
      })
      const mark = await value<Actor>('actors:add', {
        caseId: a,
        actor: { name: 'Mark Lee', role: 'Officer', affiliation: 'ICE' },
      })
      const other = await value<Actor>('actors:add', { caseId: b, actor: { name: 'Other person' } })
      const event = await value<TimelineEvent>('events:add', {
        caseId: a,
        event: { at: AT, tz: TZ, title: 'Agents at the door', actorIds: [ana.id, mark.id] },
      })

      const changed = await value<Actor>('actors:update', {
        caseId: a,
        actorId: mark.id,
        patch: { role: 'Supervisor', withhold: { reason: 'personal data' } },
      })
      expect(changed).toEqual({ ...mark, role: 'Supervisor', withhold: { reason: 'personal data' } })
      expect((await detail(a)).actors).toEqual([ana, changed])
      expect(await value<Actor>('actors:update', { caseId: a, actorId: mark.id, patch: { withhold: null } })).toEqual({
        ...mark,
        role: 'Supervisor',
      })

      expect(await dispatch('actors:remove', { caseId: a, actorId: ana.id })).toEqual({
        ok: true,
        value: { removed: true },
      })
      let now = await detail(a)
      expect(now.actors.map((x) => x.id)).toEqual([mark.id])
      expect(now.events[0].actorIds).toEqual([mark.id])
      expect((await detail(b)).actors).toEqual([other])

      // Undo: back at its old place in the list, linked again to the event it was in.
      expect(await value<Actor>('actors:restore', { caseId: a, actor: ana, index: 0, eventIds: [event.id] })).toEqual(
        ana,
      )
      now = await detail(a)
      expect(now.actors.map((x) => x.id)).toEqual([ana.id, mark.id])
      expect(now.events[0].actorIds).toEqual([mark.id, ana.id])
      expect(await dispatch('actors:restore', { caseId: a, actor: ana })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })
      // Without eventIds: back at the end, linked to nothing.
      await value('actors:remove', { caseId: b, actorId: other.id })
      expect(await value<Actor>('actors:restore', { caseId: b, actor: other })).toEqual(other)
      expect((await detail(b)).actors).toEqual([other])
      expect(await dispatch('actors:remove', { caseId: b, actorId: ana.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      await session.close()
    }
  })

  it('events: update the one named, remove it (naming the issues that cited it) and restore it to them', async () => {
    const { session, dispatch, value, detail, a, b } = await setup()
    try {
      const post = await value<EvidenceItem>('evidence:add', {
        caseId: a,
        item: { kind: 'web page', title: 'Ministry statement', sourceUrl: 'https://example.org/statement' },
      })
      const e1 = await value<TimelineEvent>('events:add', {
        caseId: a,
        event: { at: AT, tz: TZ, title: 'Agents at the door', evidenceIds: [post.id] },
      })
      expect(e1).toEqual({
        id: expect.stringMatching(/^event_/),
        at: AT,
        tz: TZ,
        precision: 'exact',
        title: 'Agents at the door',
        description: '',
        location: '',
        actorIds: [],
        evidenceIds: [post.id],
        sources: [],
        tags: [],
      })
      const e2 = await value<TimelineEvent>('events:add', {
        caseId: a,
        event: { at: '2026-01-27T18:00:00.000Z', tz: TZ, title: 'Entry refused' },
      })
      const elsewhere = await value<TimelineEvent>('events:add', {
        caseId: b,
        event: { at: AT, tz: 'UTC', title: 'Interview', precision: 'day' },
      })

      const place = { latitude: 44.9778, longitude: -93.265, label: 'Consulate' }
      const e2b = await value<TimelineEvent>('events:update', {
        caseId: a,
        eventId: e2.id,
        patch: { title: 'Entry refused at the gate', location: 'Minneapolis', place },
      })
      expect(e2b).toEqual({ ...e2, title: 'Entry refused at the gate', location: 'Minneapolis', place })
      expect((await detail(a)).events).toEqual([e1, e2b])
      expect((await detail(b)).events).toEqual([elsewhere])

      const i1 = await value<Issue>('issues:add', {
        caseId: a,
        issue: { question: 'Was Art. 31(2) breached?', eventIds: [e1.id, e2.id] },
      })
      const i2 = await value<Issue>('issues:add', {
        caseId: a,
        issue: { question: 'Was consent given?', eventIds: [e1.id] },
      })
      const i3 = await value<Issue>('issues:add', {
        caseId: a,
        issue: { question: 'Who ordered it?', eventIds: [e2.id] },
      })

      expect(await dispatch('events:remove', { caseId: a, eventId: e1.id })).toEqual({
        ok: true,
        value: { removed: true, issueIds: [i1.id, i2.id] },
      })
      expect((await detail(a)).events.map((e) => e.id)).toEqual([e2.id])
      expect((await value<Issue[]>('issues:list', { caseId: a })).map((i) => [i.id, i.eventIds])).toEqual([
        [i1.id, [e2.id]],
        [i2.id, []],
        [i3.id, [e2.id]],
      ])
      // An event no issue names: none handed back.
      expect(await dispatch('events:remove', { caseId: b, eventId: elsewhere.id })).toEqual({
        ok: true,
        value: { removed: true, issueIds: [] },
      })

      // Undo, named again by the issue handed back only.
      expect(await value<TimelineEvent>('events:restore', { caseId: a, event: e1, issueIds: [i2.id] })).toEqual(e1)
      expect((await detail(a)).events.map((e) => e.id)).toEqual([e1.id, e2.id])
      expect((await value<Issue[]>('issues:list', { caseId: a })).map((i) => [i.id, i.eventIds])).toEqual([
        [i1.id, [e2.id]],
        [i2.id, [e1.id]],
        [i3.id, [e2.id]],
      ])
      expect(await value<TimelineEvent>('events:restore', { caseId: b, event: elsewhere })).toEqual(elsewhere)
      expect((await detail(b)).events).toEqual([elsewhere])
      expect(await dispatch('events:restore', { caseId: a, event: e1 })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })
    } finally {
      await session.close()
    }
  })

  it('issues: add, update (dropping links to what is gone only when asked), link, remove, restore; links both ways', async () => {
    const { session, dispatch, value, a, b } = await setup()
    try {
      const post = await value<EvidenceItem>('evidence:add', {
        caseId: a,
        item: { kind: 'social post', title: 'Video post', sourceUrl: 'https://example.org/post' },
      })
      const officer = await value<Actor>('actors:add', { caseId: a, actor: { name: 'Officer' } })
      const e1 = await value<TimelineEvent>('events:add', {
        caseId: a,
        event: { at: AT, tz: TZ, title: 'Agents at the door', actorIds: [officer.id], evidenceIds: [post.id] },
      })
      const e2 = await value<TimelineEvent>('events:add', { caseId: a, event: { at: AT, tz: TZ, title: 'Gone soon' } })

      const i1 = await value<Issue>('issues:add', {
        caseId: a,
        issue: { question: 'Was Art. 31(2) breached?', notes: 'Open.', eventIds: [e1.id, e1.id] },
      })
      expect(i1).toEqual({
        id: expect.stringMatching(/^issue_/),
        question: 'Was Art. 31(2) breached?',
        status: 'open',
        notes: 'Open.',
        eventIds: [e1.id],
        evidenceIds: [],
        statuteIds: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      })
      const i2 = await value<Issue>('issues:add', { caseId: a, issue: { question: 'Was consent given?' } })
      const other = await value<Issue>('issues:add', { caseId: b, issue: { question: 'Another case' } })
      expect(await value<Issue[]>('issues:list', { caseId: a })).toEqual([i1, i2])
      expect(await value<Issue[]>('issues:list', { caseId: b })).toEqual([other])

      // A link to a record removed meanwhile: refused, unless the caller (an undo) asks to drop it.
      await value('events:remove', { caseId: a, eventId: e2.id })
      const patch = { status: 'answered', notes: 'Consent was refused.', eventIds: [e1.id, e2.id] }
      expect(await dispatch('issues:update', { caseId: a, issueId: i2.id, patch })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      const answered = await value<Issue>('issues:update', { caseId: a, issueId: i2.id, patch, dropMissingLinks: true })
      expect(answered).toMatchObject({
        id: i2.id,
        question: 'Was consent given?',
        status: 'answered',
        notes: 'Consent was refused.',
        eventIds: [e1.id],
      })
      expect((await value<Issue[]>('issues:list', { caseId: a }))[0]).toEqual(i1)

      const linked = await value<Issue>('issues:link', {
        caseId: a,
        issueId: i1.id,
        links: { evidenceIds: [post.id], eventIds: [e1.id] },
      })
      expect(linked).toMatchObject({ id: i1.id, eventIds: [e1.id], evidenceIds: [post.id], notes: 'Open.' })
      expect(await dispatch('issues:link', { caseId: a, issueId: i1.id, links: { eventIds: [e2.id] } })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })

      const links = await value<CaseLinks>('cases:links', { caseId: a })
      expect(links.events).toEqual({
        [e1.id]: { actorIds: [officer.id], evidenceIds: [post.id], issueIds: [i1.id, i2.id] },
      })
      expect(links.actors).toEqual({ [officer.id]: { eventIds: [e1.id], evidenceIds: [post.id] } })
      expect(links.evidence).toEqual({
        [post.id]: { eventIds: [e1.id], issueIds: [i1.id], derivedIds: [], citedIn: [] },
      })
      expect(await value<CaseLinks>('cases:links', { caseId: b })).toEqual({
        events: {},
        actors: {},
        evidence: {},
        statutes: {},
      })

      expect(await dispatch('issues:remove', { caseId: a, issueId: i1.id })).toEqual({
        ok: true,
        value: { removed: true },
      })
      expect((await value<Issue[]>('issues:list', { caseId: a })).map((i) => i.id)).toEqual([i2.id])
      expect(await value<Issue[]>('issues:list', { caseId: b })).toEqual([other])
      // Undo: the issue as it was removed, links and all.
      const back = await value<Issue>('issues:restore', { caseId: a, issue: linked })
      expect(back).toEqual(linked)
      expect((await value<Issue[]>('issues:list', { caseId: a })).map((i) => i.id)).toEqual([i2.id, i1.id])
      expect(await dispatch('issues:restore', { caseId: a, issue: linked })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      await session.close()
    }
  })
})

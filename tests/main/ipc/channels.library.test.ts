/**
 * The statute library, the trash and search through the real dispatcher and handlers on an empty
 * workspace: values checked exactly, effects read back through other channels, with two cases so that
 * a link landing on the wrong case (or an option dropped on the way) shows.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type {
  Case,
  CaseSummary,
  StatuteExcerpt,
  StatuteImportOutcome,
  SearchResponse,
  SearchStatus,
  TrashEntry,
} from '@shared/domain'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

async function setup() {
  const workspace = await tempDir()
  const h = await ipcHarness({ userData: await tempDir(), workspace })
  const { value } = h
  const a = await value<Case>('cases:create', { title: 'Consulate incident', reference: 'ECU-1' })
  const b = await value<Case>('cases:create', { title: 'Visa refusal', reference: 'ECU-2' })
  const ids = async (filter: object) => (await value<StatuteExcerpt[]>('statutes:list', filter)).map((s) => s.id)
  return { ...h, workspace, value, ids, a: a.id, b: b.id }
}

const VCCR = {
  instrument: 'Vienna Convention on Consular Relations',
  shortName: 'VCCR',
  year: 1963,
  article: '31',
  paragraph: '2',
  heading: 'Inviolability of the consular premises',
  text: 'The authorities of the receiving State shall not enter that part of the consular premises.',
  tags: ['consular'],
}
const VCDR = {
  instrument: 'Vienna Convention on Diplomatic Relations',
  shortName: 'VCDR',
  article: '22',
  text: 'The premises of the mission shall be inviolable.',
  tags: ['diplomatic'],
}

describe('statute channels', () => {
  it('add (linked to the case given), list by case, query and tag, update, link, unlink, remove with force', async () => {
    const { session, dispatch, value, ids, a, b } = await setup()
    try {
      const s1 = await value<StatuteExcerpt>('statutes:add', { statute: VCCR, caseId: a })
      expect(s1).toEqual({
        ...VCCR,
        id: expect.stringMatching(/^statute_/),
        source: '',
        jurisdiction: '',
        language: 'en',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      })
      const s2 = await value<StatuteExcerpt>('statutes:add', { statute: VCDR })
      expect(await ids({})).toEqual([s1.id, s2.id])
      expect(await ids({ caseId: a })).toEqual([s1.id])
      expect(await ids({ caseId: b })).toEqual([])
      expect(await ids({ query: 'mission' })).toEqual([s2.id])
      expect(await ids({ tag: 'consular' })).toEqual([s1.id])

      const s2b = await value<StatuteExcerpt>('statutes:update', {
        statuteId: s2.id,
        patch: { heading: 'Inviolability of the mission', year: 1961 },
      })
      expect(s2b).toEqual({ ...s2, heading: 'Inviolability of the mission', year: 1961, updatedAt: expect.any(String) })
      expect(await value<StatuteExcerpt[]>('statutes:list', {})).toEqual([s1, s2b])

      expect(await dispatch('statutes:link', { caseId: b, statuteId: s2.id })).toEqual({
        ok: true,
        value: { linked: true },
      })
      expect(await ids({ caseId: b })).toEqual([s2.id])
      expect(await ids({ caseId: a })).toEqual([s1.id])
      expect(await dispatch('statutes:link', { caseId: b, statuteId: 'statute_nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      expect(await dispatch('statutes:unlink', { caseId: a, statuteId: s1.id })).toEqual({
        ok: true,
        value: { unlinked: true },
      })
      expect(await ids({ caseId: a })).toEqual([])
      expect(await ids({ caseId: b })).toEqual([s2.id])

      // Linked to a case: refused with the usage, unless forced; then unlinked and in the trash. No channel
      // deletes an excerpt for good (the window has none to call, and neither has a page that gets the bridge).
      expect(await dispatch('statutes:trash', { statuteId: s2.id })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { caseIds: [b], briefings: [] } },
      })
      expect(await ids({})).toEqual([s1.id, s2.id])
      expect(await dispatch('statutes:trash', { statuteId: s2.id, force: true })).toMatchObject({
        ok: true,
        value: { kind: 'statute', itemId: s2.id },
      })
      expect(await ids({})).toEqual([s1.id])
      expect(await ids({ caseId: b })).toEqual([])
      expect(await dispatch('statutes:trash', { statuteId: s1.id })).toMatchObject({ ok: true })
      expect(await dispatch('statutes:remove' as never, { statuteId: s1.id })).toMatchObject({ ok: false })
      expect(await ids({})).toEqual([])
    } finally {
      await session.close()
    }
  })

  it('imports JSON and pasted text: a dry run writes nothing, linkToCaseId links added and known rows', async () => {
    const { session, value, ids, a, b } = await setup()
    try {
      const known = await value<StatuteExcerpt>('statutes:add', { statute: VCDR })
      const content = JSON.stringify([VCCR, { ...VCDR, heading: 'Again' }, { instrument: 'No text', article: '1' }])
      const dry = await value<StatuteImportOutcome>('statutes:import', {
        format: 'json',
        content,
        dryRun: true,
        linkToCaseId: a,
      })
      expect(dry).toMatchObject({
        parsed: [
          { row: 1, article: '31' },
          { row: 2, article: '22' },
        ],
        added: [],
        duplicates: [{ row: 2, existingId: known.id, label: 'VCDR art. 22' }],
        problems: [{ row: 3 }],
      })
      expect(await ids({})).toEqual([known.id])
      expect(await ids({ caseId: a })).toEqual([])

      const done = await value<StatuteImportOutcome>('statutes:import', { format: 'json', content, linkToCaseId: b })
      expect(done.added).toEqual([expect.objectContaining({ ...VCCR, id: expect.stringMatching(/^statute_/) })])
      const added = done.added[0].id
      expect(await ids({})).toEqual([added, known.id])
      expect((await ids({ caseId: b })).sort()).toEqual([added, known.id].sort())
      expect(await ids({ caseId: a })).toEqual([])

      const text = [
        'Instrument: Optional Protocol concerning the Compulsory Settlement of Disputes (OP), 1963',
        'Tags: disputes',
        '',
        'Art. 1 — Jurisdiction of the Court',
        'Disputes arising out of the interpretation of the Convention shall lie within the jurisdiction of the Court.',
      ].join('\n')
      const pasted = await value<StatuteImportOutcome>('statutes:import', { format: 'text', content: text })
      expect(pasted).toMatchObject({
        added: [
          { shortName: 'OP', year: 1963, article: '1', heading: 'Jurisdiction of the Court', tags: ['disputes'] },
        ],
        duplicates: [],
        problems: [],
      })
      expect(await ids({ tag: 'disputes' })).toEqual([pasted.added[0].id])
      expect(await ids({ caseId: a })).toEqual([])
    } finally {
      await session.close()
    }
  })
})

describe('trash channels', () => {
  it('removes cases to the trash, lists the newest first, and restores the entry named', async () => {
    const { session, dispatch, value, a, b, workspace } = await setup()
    try {
      const first = await value<TrashEntry>('cases:remove', { caseId: a })
      expect(first).toEqual({
        id: expect.any(String),
        at: expect.any(String),
        kind: 'case',
        itemId: a,
        title: 'Consulate incident',
        from: `cases/${a}`,
        reason: 'removed',
      })
      expect((await value<CaseSummary[]>('cases:list', {})).map((c) => c.id)).toEqual([b])
      expect(await dispatch('cases:get', { caseId: a })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      const second = await value<TrashEntry>('cases:remove', { caseId: b })
      expect(second).toMatchObject({ kind: 'case', itemId: b, title: 'Visa refusal' })
      expect(await value<TrashEntry[]>('trash:list', {})).toEqual([second, first])

      expect(await value('trash:restore', { entryId: first.id })).toEqual({
        kind: 'case',
        case: expect.objectContaining({ id: a, title: 'Consulate incident', reference: 'ECU-1' }),
      })
      expect((await value<CaseSummary[]>('cases:list', {})).map((c) => c.id)).toEqual([a])
      expect(await value<TrashEntry[]>('trash:list', {})).toEqual([second])
      expect(await dispatch('cases:get', { caseId: a })).toMatchObject({ ok: true, value: { case: { id: a } } })
      expect(await dispatch('trash:restore', { entryId: first.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })

      // Dropped only once nothing of it is left in the trash.
      expect(await dispatch('trash:forget', { entryId: second.id })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })
      await rm(join(workspace, 'trash', second.id), { recursive: true })
      expect(await dispatch('trash:restore', { entryId: second.id })).toMatchObject({
        ok: false,
        error: { code: 'CORRUPT', details: { nothingHeld: true } },
      })
      expect(await value('trash:forget', { entryId: second.id })).toEqual(second)
      expect(await value<TrashEntry[]>('trash:list', {})).toEqual([])
    } finally {
      await session.close()
    }
  })

  it('trashes a linked excerpt only with force, and restoring it links it again to its cases', async () => {
    const { session, dispatch, value, ids, a, b } = await setup()
    try {
      const s = await value<StatuteExcerpt>('statutes:add', { statute: VCCR, caseId: a })
      const loose = await value<StatuteExcerpt>('statutes:add', { statute: VCDR, caseId: b })
      expect(await dispatch('statutes:trash', { statuteId: s.id })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { caseIds: [a] } },
      })
      expect(await value<TrashEntry[]>('trash:list', {})).toEqual([])
      const entry = await value<TrashEntry>('statutes:trash', { statuteId: s.id, force: true })
      expect(entry).toEqual({
        id: expect.any(String),
        at: expect.any(String),
        kind: 'statute',
        itemId: s.id,
        title: 'VCCR art. 31(2)',
        from: 'statutes.json',
        reason: 'removed',
      })
      expect(await ids({})).toEqual([loose.id])
      expect(await ids({ caseId: a })).toEqual([])
      expect(await value<TrashEntry[]>('trash:list', {})).toEqual([entry])

      expect(await value('trash:restore', { entryId: entry.id })).toEqual({
        kind: 'statute',
        statute: s,
        notRelinked: [],
      })
      expect(await ids({ caseId: a })).toEqual([s.id])
      expect(await ids({ caseId: b })).toEqual([loose.id])
      expect(await value<TrashEntry[]>('trash:list', {})).toEqual([])
    } finally {
      await session.close()
    }
  })
})

describe('search channels', () => {
  it('answers a query with its filters and limit, and reports the index ready', async () => {
    const { session, value, a, b } = await setup()
    try {
      await value('actors:add', { caseId: a, actor: { name: 'Ana Quintanilla', role: 'Consul' } })
      await value('actors:add', { caseId: b, actor: { name: 'Luis Quintanilla', role: 'Applicant' } })
      await value('notes:add', {
        caseId: b,
        note: { title: 'Quintanilla file', body: { type: 'doc', content: [] } },
      })

      const all = await value<SearchResponse>('search:query', { query: 'Quintanilla' })
      expect(all.total).toBe(3)
      expect(all.hits.map((h) => [h.kind, h.caseId]).sort()).toEqual(
        [
          ['actor', a],
          ['actor', b],
          ['note', b],
        ].sort(),
      )
      const actorsOfB = await value<SearchResponse>('search:query', {
        query: 'Quintanilla',
        filters: { caseId: b, kinds: ['actor'] },
      })
      expect(actorsOfB.hits.map((h) => [h.kind, h.caseId, h.title.text])).toEqual([['actor', b, 'Luis Quintanilla']])
      expect((await value<SearchResponse>('search:query', { query: 'Quintanilla', limit: 1 })).hits).toHaveLength(1)

      await vi.waitFor(async () => expect((await value<SearchStatus>('search:status', {})).state).toBe('ready'), {
        timeout: 30_000,
        interval: 20,
      })
      expect(await value<SearchStatus>('search:status', {})).toMatchObject({
        state: 'ready',
        documents: expect.any(Number),
        loadedFromCache: false,
      })
      expect((await value<SearchStatus>('search:status', {})).documents).toBeGreaterThanOrEqual(5)
    } finally {
      await session.close()
    }
  })
})

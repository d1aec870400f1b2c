import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchHit } from '@shared/domain'
import { sequentialIds } from '@main/services/context'
import { openWorkspace, type Services } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function demo(root?: string) {
  const dir = root ?? (await tempDir())
  const s = await openWorkspace(dir, { newId: sequentialIds() })
  if (!root) await s.demo.install()
  return { root: dir, s }
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.id)
/** The highlighted parts of a text, as the UI would mark them. */
const marked = (h: { text: string; highlights: [number, number][] }) => h.highlights.map(([a, b]) => h.text.slice(a, b))

async function withDemo(fn: (s: Services, root: string) => Promise<void>) {
  const { s, root } = await demo()
  try {
    await fn(s, root)
  } finally {
    await s.close()
  }
}

describe('search service', () => {
  it('is accent- and case-insensitive, and highlights the original text', async () => {
    await withDemo(async (s) => {
      const { hits, total } = await s.search.query({ query: 'cancilleria' })
      expect(total).toBeGreaterThanOrEqual(3)
      expect(ids(hits)).toEqual(expect.arrayContaining(['actor_mfa_ecuador', 'event_bulletin', 'evidence_bulletin']))
      const actor = hits.find((h) => h.id === 'actor_mfa_ecuador')!
      expect(actor).toMatchObject({
        kind: 'actor',
        caseId: 'case_ecu_mpls_2026',
        caseReference: 'ECU-USA-2026-001',
        tab: 'actors',
      })
      expect(marked(actor.title)).toEqual(['Cancillería'])
      expect((await s.search.query({ query: 'CANCILLERÍA' })).total).toBe(total)
    })
  })

  it('tolerates typos and matches prefixes', async () => {
    await withDemo(async (s) => {
      const typo = await s.search.query({ query: 'embasy' })
      expect(ids(typo.hits)).toContain('actor_us_embassy_quito')
      expect(marked(typo.hits.find((h) => h.id === 'actor_us_embassy_quito')!.title)).toEqual(['Embassy'])
      const prefix = await s.search.query({ query: 'inviol' })
      expect(ids(prefix.hits)).toContain('statute_vccr_31')
      const statute = prefix.hits.find((h) => h.id === 'statute_vccr_31')!
      // A library excerpt opens in a case that links it.
      expect(statute).toMatchObject({ kind: 'statute', caseId: 'case_ecu_mpls_2026', tab: 'statutes' })
      expect(statute.title.text).toContain('VCCR art. 31')
      expect(marked(statute.snippet).map((m) => m.toLowerCase())).toContain('inviolable')
      // Every word must match: a second word narrows.
      const both = await s.search.query({ query: 'protest sommerfeld' })
      expect(both.total).toBeGreaterThan(0)
      expect(both.total).toBeLessThan((await s.search.query({ query: 'protest' })).total)
      expect((await s.search.query({ query: 'xylophone' })).hits).toEqual([])
    })
  })

  it('corrects the one misspelled word of a multi-word query and keeps the others as typed', async () => {
    await withDemo(async (s) => {
      const right = await s.search.query({ query: 'embassy quito' })
      expect(ids(right.hits)).toContain('actor_us_embassy_quito')
      // One word wrong, one right: only the wrong one gets typo expansions, and the result is the same.
      const oneWrong = await s.search.query({ query: 'embasy quito' })
      expect(ids(oneWrong.hits)).toContain('actor_us_embassy_quito')
      expect(ids(oneWrong.hits)).toEqual(ids(right.hits))
      expect((await s.search.query({ query: 'quito embasy' })).total).toBe(right.total)
    })
  })

  it('filters by kind, case, evidence kind, verification, tag and date', async () => {
    await withDemo(async (s) => {
      const q = (filters: object) => s.search.query({ query: 'consulate', filters })
      expect(new Set((await q({ kinds: ['event'] })).hits.map((h) => h.kind))).toEqual(new Set(['event']))
      expect((await q({ caseId: 'no_such_case' })).total).toBe(0)
      expect((await q({ caseId: 'case_ecu_mpls_2026' })).total).toBe((await q({})).total)
      // The demo's two videos: the (referenced) incident video and the sample clip it ships.
      expect(
        new Set(ids((await s.search.query({ query: 'video', filters: { evidenceKinds: ['video'] } })).hits)),
      ).toEqual(new Set(['evidence_video', 'evidence_sample_clip']))
      const partly = await s.search.query({ query: 'bulletin', filters: { verification: ['partially verified'] } })
      expect(ids(partly.hits)).toContain('evidence_bulletin')
      expect(partly.hits.every((h) => h.kind === 'evidence' && h.id !== 'evidence_video')).toBe(true)
      const unverified = await s.search.query({ query: 'video', filters: { verification: ['unverified'] } })
      expect(ids(unverified.hits)).toEqual(['evidence_video'])
      expect(ids((await s.search.query({ query: 'consulate', filters: { tag: 'Social Media' } })).hits)).toEqual([
        'evidence_video',
      ])
      const day = await s.search.query({
        query: 'consulate',
        filters: { kinds: ['event'], from: '2026-01-27', to: '2026-01-27' },
      })
      expect(day.total).toBeGreaterThan(0)
      expect(
        (await s.search.query({ query: 'consulate', filters: { kinds: ['event'], from: '2027-01-01' } })).total,
      ).toBe(0)
      // Filters alone list what they select.
      expect((await s.search.query({ query: '', filters: { kinds: ['statute'] } })).hits.map((h) => h.id)).toEqual([
        'statute_vccr_31',
      ])
    })
  })

  it('follows changes: added items are found, removed ones are gone', async () => {
    await withDemo(async (s) => {
      const caseId = 'case_ecu_mpls_2026'
      expect((await s.search.query({ query: 'zanzibar' })).total).toBe(0)
      const event = await s.cases.addEvent(caseId, {
        at: '2026-02-01T10:00:00.000Z',
        tz: 'UTC',
        title: 'Delegation from Zanzíbar arrives',
      })
      const found = await s.search.query({ query: 'zanzibar' })
      expect(found.hits).toMatchObject([{ kind: 'event', id: event.id, tab: 'timeline', itemId: event.id }])
      await s.cases.removeEvent(caseId, event.id)
      expect((await s.search.query({ query: 'zanzibar' })).total).toBe(0)

      const a = await s.annotations.add(caseId, 'evidence_video', {
        target: { type: 'time', start: 12, end: 19 },
        text: 'Agent raises the walkie-talkie',
      })
      const hit = (await s.search.query({ query: 'walkie' })).hits[0]
      expect(hit).toMatchObject({
        kind: 'annotation',
        id: a.id,
        evidenceId: 'evidence_video',
        tab: 'evidence',
        itemId: 'evidence_video',
      })
      const note = await s.notes.add(caseId, {
        title: 'Call log',
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Spoke with the vicecónsul at noon' }] }],
        },
      })
      expect(ids((await s.search.query({ query: 'viceconsul' })).hits)).toEqual([note.id])
      await s.statutes.update('statute_vccr_31', { heading: 'Inviolability of the consular premises (Quokka)' })
      expect(ids((await s.search.query({ query: 'quokka' })).hits)).toEqual(['statute_vccr_31'])
    })
  })

  it('persists the index: a reopen loads it without re-reading, a changed file is re-read', async () => {
    const { root, s } = await demo()
    await s.search.start()
    await s.close()
    expect(JSON.parse(await readFile(join(root, 'cache', 'search-index.json'), 'utf8'))).toMatchObject({
      format: expect.any(Number),
    })

    const again = await openWorkspace(root)
    try {
      expect((await again.search.query({ query: 'cancilleria' })).total).toBeGreaterThan(0)
      expect(again.search.status()).toMatchObject({ state: 'ready', loadedFromCache: true, reread: 0 })
    } finally {
      await again.close()
    }

    // An edit made outside the app (or while the index was not running).
    const caseFile = join(root, 'cases', 'case_ecu_mpls_2026', 'case.json')
    const data = JSON.parse(await readFile(caseFile, 'utf8'))
    data.events[0].title = 'Officer approaches the Okapi door'
    await writeFile(caseFile, JSON.stringify(data))

    const third = await openWorkspace(root)
    try {
      expect(ids((await third.search.query({ query: 'okapi' })).hits)).toEqual([data.events[0].id])
      expect(third.search.status()).toMatchObject({ loadedFromCache: true, reread: 1 })
    } finally {
      await third.close()
    }
  })

  it('rebuilds from the workspace files when its cache is damaged under it, and still answers', async () => {
    const { root, s } = await demo()
    await s.search.start()
    await s.close()
    const again = await openWorkspace(root)
    try {
      const before = await again.search.query({ query: 'cancilleria' })
      expect(again.search.status()).toMatchObject({ loadedFromCache: true })
      // Zeros over the texts file the loaded index reads hits from (a disk error, a sync tool).
      const docs = (await readdir(join(root, 'cache'))).find((n) => n.startsWith('search-docs-'))!
      const size = (await stat(join(root, 'cache', docs))).size
      await writeFile(join(root, 'cache', docs), Buffer.alloc(size))
      const after = await again.search.query({ query: 'cancilleria' })
      expect(after.hits.map((h) => [h.id, h.title.text])).toEqual(before.hits.map((h) => [h.id, h.title.text]))
    } finally {
      await again.close()
    }
  })

  it('works in-process too (the fallback when no worker entry exists)', async () => {
    const first = await demo()
    await first.s.close()
    const root = first.root
    const { createSearchService } = await import('@main/services/search/index')
    const s = await openWorkspace(root)
    const inline = createSearchService(s.ctx, { mode: 'inline' })
    try {
      expect(ids((await inline.query({ query: 'embasy' })).hits)).toContain('actor_us_embassy_quito')
      expect(inline.mode).toBe('inline')
      expect(s.search.status().state).not.toBe('error')
    } finally {
      await inline.close()
      await s.close()
    }
  })
})

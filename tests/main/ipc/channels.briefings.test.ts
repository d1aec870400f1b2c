/**
 * Briefings (create, get, duplicate, list, remove, open an export, bring a clearance copy back) and notes
 * through the real dispatcher and handlers on an empty workspace, with two cases so that a record written
 * to (or read from) the wrong case shows.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Briefing, BriefingSummary, Case, Note } from '@shared/domain'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

async function setup(platform: Parameters<typeof ipcHarness>[1] = {}) {
  const h = await ipcHarness({ userData: await tempDir(), workspace: await tempDir() }, platform)
  const { value } = h
  const a = await value<Case>('cases:create', { title: 'Consulate incident', reference: 'ECU-1' })
  const b = await value<Case>('cases:create', { title: 'Visa refusal', reference: 'ECU-2' })
  return { ...h, value, a: a.id, b: b.id }
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})
const idsOf = (list: { id: string }[]) => list.map((x) => x.id).sort()

describe('briefing channels', () => {
  it('create (template, title, language), get, duplicate, list and remove, each on the case named', async () => {
    const { session, dispatch, value, a, b } = await setup()
    try {
      const memo = await value<Briefing>('briefings:create', {
        caseId: a,
        template: 'briefing memo',
        title: 'Entry attempt',
        language: 'es',
      })
      expect(memo).toMatchObject({
        id: expect.stringMatching(/^briefing_/),
        title: 'Entry attempt',
        template: 'briefing memo',
        language: 'es',
        status: 'draft',
        exports: [],
      })
      expect(memo.header).toMatchObject({ reference: 'ECU-1' })
      const blank = await value<Briefing>('briefings:create', { caseId: a, template: 'blank' })
      expect(blank).toMatchObject({ title: 'Untitled briefing', template: 'blank', language: 'en' })
      const other = await value<Briefing>('briefings:create', { caseId: b, template: 'blank', title: 'Other memo' })
      expect(other.header).toMatchObject({ reference: 'ECU-2' })

      expect(await value('briefings:get', { caseId: a, briefingId: memo.id })).toEqual(memo)
      expect(await value('briefings:get', { caseId: b, briefingId: other.id })).toEqual(other)
      expect(await dispatch('briefings:get', { caseId: b, briefingId: memo.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })

      const copy = await value<Briefing>('briefings:duplicate', { caseId: a, briefingId: memo.id })
      expect(copy).toMatchObject({
        title: 'Entry attempt (copia)',
        template: 'briefing memo',
        language: 'es',
        header: memo.header,
        body: memo.body,
      })
      expect(copy.id).not.toBe(memo.id)

      const listA = await value<BriefingSummary[]>('briefings:list', { caseId: a })
      expect(idsOf(listA)).toEqual([memo.id, blank.id, copy.id].sort())
      expect(listA.find((s) => s.id === copy.id)).toEqual({
        id: copy.id,
        title: copy.title,
        template: 'briefing memo',
        status: 'draft',
        updatedAt: copy.updatedAt,
      })
      expect(await value('briefings:list', { caseId: b })).toEqual([
        { id: other.id, title: 'Other memo', template: 'blank', status: 'draft', updatedAt: other.updatedAt },
      ])

      expect(await dispatch('briefings:remove', { caseId: a, briefingId: blank.id })).toEqual({
        ok: true,
        value: { removed: true },
      })
      expect(idsOf(await value('briefings:list', { caseId: a }))).toEqual([memo.id, copy.id].sort())
      expect(await dispatch('briefings:get', { caseId: a, briefingId: blank.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      expect(idsOf(await value('briefings:list', { caseId: b }))).toEqual([other.id])
    } finally {
      await session.close()
    }
  })

  it('opens only an exported memo (answering opened), and brings an edited Word copy back from the dialog', async () => {
    const out = join(await tempDir(), 'entry attempt')
    let chosen: string[] | null = null
    const opened: string[] = []
    const titles: string[] = []
    const { session, dispatch, value, a, b } = await setup({
      chooseSavePath: async () => out,
      chooseFiles: async (title: string) => {
        titles.push(title)
        return chosen
      },
      openPath: async (path: string) => void opened.push(path),
    })
    try {
      const memo = await value<Briefing>('briefings:create', { caseId: a, template: 'blank', title: 'Entry attempt' })
      expect(
        await value('briefings:export', { caseId: a, briefingId: memo.id, taskId: 'export-1', format: 'docx' }),
      ).toMatchObject({ path: `${out}.docx` })

      expect(await dispatch('briefings:openExport', { path: `${out}.docx` })).toEqual({
        ok: true,
        value: { opened: true },
      })
      expect(await dispatch('briefings:openExport', { path: `${out}.pdf` })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(opened).toEqual([`${out}.docx`])

      chosen = []
      expect(await dispatch('briefings:importClearance', { caseId: a })).toMatchObject({
        ok: false,
        error: { code: 'CANCELLED', message: 'Import cancelled: no file was chosen.' },
      })
      chosen = [`${out}.docx`]
      const back = await value<Briefing>('briefings:importClearance', { caseId: a })
      expect(back).toMatchObject({
        title: expect.stringMatching(/^Entry attempt \(cleared /),
        clearance: { fromBriefingId: memo.id },
      })
      expect(back.id).not.toBe(memo.id)
      expect(idsOf(await value('briefings:list', { caseId: a }))).toEqual([memo.id, back.id].sort())
      // The copy belongs to the case it was exported from.
      expect(await dispatch('briefings:importClearance', { caseId: b })).toMatchObject({ ok: false })
      expect(await value('briefings:list', { caseId: b })).toEqual([])
      expect(titles).toEqual(Array(3).fill('Import a clearance copy (Word)'))
    } finally {
      await session.close()
    }
  })
})

describe('note channels', () => {
  it('list, update and remove the note named, in the case named', async () => {
    const { session, dispatch, value, a, b } = await setup()
    try {
      const call = await value<Note>('notes:add', {
        caseId: a,
        note: { title: 'Call with the consul', body: paragraph('He confirmed the time.'), tags: ['call'] },
      })
      const visit = await value<Note>('notes:add', {
        caseId: a,
        note: { title: 'Visit', body: paragraph('Gate shut.') },
      })
      const other = await value<Note>('notes:add', {
        caseId: b,
        note: { title: 'Other', body: paragraph('Elsewhere.') },
      })

      const changed = await value<Note>('notes:update', {
        caseId: a,
        noteId: call.id,
        patch: { title: 'Call with the consul, 27 January', tags: ['call', 'follow-up'] },
      })
      expect(changed).toEqual({
        ...call,
        title: 'Call with the consul, 27 January',
        tags: ['call', 'follow-up'],
        updatedAt: expect.any(String),
      })
      const listA = await value<Note[]>('notes:list', { caseId: a })
      expect(idsOf(listA)).toEqual([call.id, visit.id].sort())
      expect(listA.find((n) => n.id === call.id)).toEqual(changed)
      expect(listA.find((n) => n.id === visit.id)).toEqual(visit)
      expect(await value('notes:list', { caseId: b })).toEqual([other])

      expect(await dispatch('notes:remove', { caseId: a, noteId: visit.id })).toEqual({
        ok: true,
        value: { removed: true },
      })
      expect(await value('notes:list', { caseId: a })).toEqual([changed])
      expect(await value('notes:list', { caseId: b })).toEqual([other])
      expect(await dispatch('notes:remove', { caseId: b, noteId: call.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      await session.close()
    }
  })
})

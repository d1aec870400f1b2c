import { access, copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationsIn } from '@shared/domain'
import type { Change } from '@main/services/changes'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const NOW = new Date('2026-01-28T09:30:00.000Z')

async function withWorkspace(fn: (s: Awaited<ReturnType<typeof openWorkspace>>, root: string) => Promise<void>) {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds(), now: () => NOW })
  try {
    await fn(s, root)
  } finally {
    await s.close()
  }
}

type Node = { type: string; text?: string; content?: Node[] }
const textOf = (n: Node): string => n.text ?? (n.content ?? []).map(textOf).join(' ')
const headings = (body: { content: unknown[] }) =>
  (body.content as Node[]).filter((n) => n.type === 'heading').map(textOf)

describe('briefings service', () => {
  it('creates each template with a header from the case and a structured body', async () => {
    await withWorkspace(async (s) => {
      await s.workspace.setUserName('Ana Torres')
      const c = await s.cases.create({
        title: 'Consulate incident',
        reference: 'ECU-1',
        classification: 'CONFIDENTIAL',
        summary: 'An officer tried to enter. Staff closed the door. More.',
      })

      const memo = await s.briefings.createFromTemplate(c.id, 'briefing memo')
      expect(memo).toMatchObject({ title: 'Briefing memo', template: 'briefing memo', status: 'draft', exports: [] })
      expect(memo.header).toEqual({
        to: '',
        from: 'Ana Torres',
        cc: '',
        date: '28 January 2026',
        subject: 'Consulate incident',
        reference: 'ECU-1',
        classification: 'CONFIDENTIAL',
        number: '',
        signatoryName: '',
        signatoryTitle: '',
        drafter: 'Ana Torres',
        clearance: '',
      })
      expect(headings(memo.body)).toEqual(['Summary', 'Background', 'Legal position', 'Assessment', 'Recommendations'])
      expect(textOf(memo.body as Node)).toContain('An officer tried to enter. Staff closed the door.')

      const protest = await s.briefings.createFromTemplate(c.id, 'note of protest', { title: 'Protest to the Embassy' })
      expect(protest.title).toBe('Protest to the Embassy')
      const protestText = textOf(protest.body as Node)
      expect(protestText).toMatch(/^The Ministry of Foreign Affairs presents its compliments to the Embassy of/)
      expect(protestText).toContain('has the honour to refer to')
      expect(protestText).toContain('avails itself of this opportunity to renew')
      expect(protest.header.from).toBe('Ministry of Foreign Affairs')

      const note = await s.briefings.createFromTemplate(c.id, 'analytical note')
      expect(headings(note.body)).toContain('Key judgements')
      const blank = await s.briefings.createFromTemplate(c.id, 'blank')
      expect(blank.body.content).toHaveLength(1)

      expect((await s.briefings.list(c.id)).map((b) => b.id).sort()).toEqual(
        [memo.id, protest.id, note.id, blank.id].sort(),
      )
      await expect(s.briefings.createFromTemplate(c.id, 'sonnet' as never)).rejects.toThrow()
      await expect(s.briefings.createFromTemplate('case_nope', 'blank')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it('autosaves header fields, body, title and status, writing only that briefing file', async () => {
    await withWorkspace(async (s, root) => {
      const changes: Change[] = []
      s.ctx.changes.on((c) => changes.push(c))
      const caseId = await s.demo.install()
      changes.length = 0
      const id = 'briefing_minister_note'
      const body = {
        type: 'doc' as const,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Cited' },
              { type: 'citation', attrs: { target: 'statute', id: 'statute_vccr_31', pinpoint: '2' } },
            ],
          },
        ],
      }
      await s.briefings.update(caseId, id, { header: { to: 'Vice-Minister' } })
      const b = await s.briefings.update(caseId, id, { body, title: 'Short memo', status: 'final' })
      expect(b.header.to).toBe('Vice-Minister')
      expect(b.header.subject).toMatch(/Attempted entry/) // merged, not replaced
      expect(b).toMatchObject({ title: 'Short memo', status: 'final' })

      const onDisk = JSON.parse(await readFile(join(root, 'cases', caseId, 'briefings', `${id}.json`), 'utf8'))
      expect(citationsIn(onDisk.briefing.body)).toEqual([{ target: 'statute', id: 'statute_vccr_31', pinpoint: '2' }])
      expect(changes).toEqual([
        { kind: 'briefing', op: 'upsert', caseId, id },
        { kind: 'briefing', op: 'upsert', caseId, id },
      ])
      await expect(s.briefings.update(caseId, id, { title: ' ' })).rejects.toThrow(/needs a title/)
      await expect(s.briefings.update(caseId, id, { body: { type: 'paragraph' } as never })).rejects.toThrow()
      expect((await s.briefings.get(caseId, id)).title).toBe('Short memo') // a refused patch changes nothing
    })
  })

  it('duplicates, records exports, finds them, and removes a briefing file', async () => {
    await withWorkspace(async (s, root) => {
      const caseId = await s.demo.install()
      const copy = await s.briefings.duplicate(caseId, 'briefing_minister_note')
      expect(copy.title).toMatch(/\(copy\)$/)
      expect(citationsIn(copy.body)).toEqual(
        citationsIn((await s.briefings.get(caseId, 'briefing_minister_note')).body),
      )

      const record = {
        at: NOW.toISOString(),
        file: '/tmp/x.pdf',
        sha256: 'a'.repeat(64),
        pages: 2,
        options: { draft: true, deterministic: false },
      }
      await s.briefings.recordExport(caseId, copy.id, record)
      expect((await s.briefings.get(caseId, copy.id)).exports).toEqual([{ ...record, format: 'pdf' }])
      expect(await s.briefings.findExport('/tmp/x.pdf')).toMatchObject({ caseId, briefingId: copy.id })
      expect(await s.briefings.findExport('/etc/passwd')).toBeNull()

      await s.briefings.remove(caseId, copy.id)
      await expect(access(join(root, 'cases', caseId, 'briefings', `${copy.id}.json`))).rejects.toThrow()
      await expect(s.briefings.get(caseId, copy.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect((await s.briefings.list(caseId)).map((b) => b.id)).toEqual(['briefing_minister_note'])
    })
  })

  it('a copy of a numbered memo does not carry its number: it gets its own when it first goes out as final', async () => {
    await withWorkspace(async (s) => {
      const caseId = await s.demo.install()
      await s.briefings.update(caseId, 'briefing_minister_note', { header: { number: 'M-2026-001' } })
      const copy = await s.briefings.duplicate(caseId, 'briefing_minister_note')
      expect(copy.header.number).toBe('')
      const original = (await s.briefings.get(caseId, 'briefing_minister_note')).header
      expect({ ...copy.header, number: 'M-2026-001' }).toEqual(original)
    })
  })

  it('finds an export even when another briefing or case file is damaged', async () => {
    const root = await tempDir()
    let s = await openWorkspace(root, { newId: sequentialIds(), now: () => NOW })
    const caseId = await s.demo.install()
    const other = await s.cases.create({ title: 'Other', reference: 'OTH-1' })
    const copy = await s.briefings.duplicate(caseId, 'briefing_minister_note')
    const record = {
      at: NOW.toISOString(),
      file: '/tmp/y.pdf',
      sha256: 'b'.repeat(64),
      pages: 1,
      options: { draft: false, deterministic: false },
    }
    await s.briefings.recordExport(caseId, copy.id, record)
    await s.close()
    // Listed before the briefing that holds the record: a damaged briefing, and a damaged case.
    await writeFile(join(root, 'cases', caseId, 'briefings', 'briefing_minister_note.json'), '{ not json')
    await writeFile(join(root, 'cases', other.id, 'case.json'), '{ not json')
    s = await openWorkspace(root, { newId: sequentialIds(), now: () => NOW })
    try {
      expect(await s.briefings.findExport('/tmp/y.pdf')).toMatchObject({ caseId, briefingId: copy.id })
    } finally {
      await s.close()
    }
  })

  it('collects citation attrs in document order and skips malformed ones', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'citation', attrs: { target: 'evidence', id: 'e1' } },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'citation', attrs: { target: 'nonsense', id: 'x' } },
                { type: 'citation', attrs: { target: 'annotation', id: 'a1', evidenceId: 'e1', pinpoint: '' } },
              ],
            },
          ],
        },
      ],
    }
    expect(citationsIn(body)).toEqual([
      { target: 'evidence', id: 'e1', pinpoint: '' },
      { target: 'annotation', id: 'a1', evidenceId: 'e1', pinpoint: '' },
    ])
  })
  it('a stray file in the briefings folder (a copy made by hand) does not make the case unreadable', async () => {
    await withWorkspace(async (s, root) => {
      const c = await s.cases.create({ title: 'Consulate incident' })
      const b = await s.briefings.createFromTemplate(c.id, 'briefing memo')
      const dir = join(root, 'cases', c.id, 'briefings')
      await copyFile(join(dir, `${b.id}.json`), join(dir, `${b.id} copy.json`))
      expect((await s.briefings.list(c.id)).map((x) => x.id)).toEqual([b.id])
      expect((await s.caseDetail.get(c.id)).briefings.map((x) => x.id)).toEqual([b.id])
    })
  })
})

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationLabel, type StatuteUsage } from '@shared/domain'
import type { Change } from '@main/services/changes'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { parseStatuteJson, parseStatuteText } from '@main/services/statutes/statuteImport'
import { localValues } from '@shared/i18n/invalidInput'
import { say, type CatalogueKey } from '@shared/i18n'
import type { AppError, MessageRef } from '@shared/ipc/result'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

async function withWorkspace(fn: (s: Awaited<ReturnType<typeof openWorkspace>>, root: string) => Promise<void>) {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  try {
    await fn(s, root)
  } finally {
    await s.close()
  }
}

const VCDR_22 = {
  instrument: 'Vienna Convention on Diplomatic Relations',
  year: 1961,
  article: '22',
  heading: 'Inviolability of the mission',
  text: 'The premises of the mission shall be inviolable.',
  tags: ['inviolability'],
}

describe('statutes service', () => {
  it('adds, edits, filters and emits changes', async () => {
    await withWorkspace(async (s, root) => {
      const changes: Change[] = []
      s.ctx.changes.on((c) => changes.push(c))
      const a = await s.statutes.add(VCDR_22)
      const b = await s.statutes.add({
        ...VCDR_22,
        article: '29',
        heading: 'Person of the agent',
        text: 'The person of a diplomatic agent shall be inviolable.',
        tags: ['immunity'],
      })
      expect(citationLabel(a)).toBe('VCDR art. 22')
      await s.statutes.update(a.id, { paragraph: '1', source: 'UNTS vol. 500, p. 95' })
      expect(citationLabel(await s.statutes.get(a.id))).toBe('VCDR art. 22(1)')
      expect((await s.statutes.get(a.id)).tags).toEqual(['inviolability']) // a patch leaves unnamed fields alone
      expect((await s.statutes.update(a.id, { year: null })).year).toBeUndefined()
      await expect(s.statutes.update(a.id, { text: '' })).rejects.toThrow(/exact text/)

      expect((await s.statutes.list({ query: 'premises' })).map((x) => x.id)).toEqual([a.id])
      expect((await s.statutes.list({ query: 'vcdr art. 29' })).map((x) => x.id)).toEqual([b.id])
      expect((await s.statutes.list({ tag: 'IMMUNITY' })).map((x) => x.id)).toEqual([b.id])
      expect((await s.statutes.list()).map((x) => x.id)).toEqual([a.id, b.id]) // sorted by label, numerically

      const onDisk = JSON.parse(await readFile(join(root, 'statutes.json'), 'utf8'))
      expect(onDisk.excerpts.find((x: { id: string }) => x.id === a.id).source).toBe('UNTS vol. 500, p. 95')
      expect(changes.filter((c) => c.kind === 'statute').map((c) => c.op)).toEqual([
        'upsert',
        'upsert',
        'upsert',
        'upsert',
      ])
    })
  })

  it('links and unlinks to a case and filters by case', async () => {
    await withWorkspace(async (s) => {
      const c = await s.cases.create({ title: 'Mission incident' })
      const a = await s.statutes.add(VCDR_22)
      await s.statutes.link(c.id, a.id)
      await s.statutes.link(c.id, a.id) // idempotent
      expect((await s.caseDetail.get(c.id)).statutes.map((x) => x.id)).toEqual([a.id])
      expect((await s.statutes.list({ caseId: c.id })).map((x) => x.id)).toEqual([a.id])
      await expect(s.statutes.link(c.id, 'statute_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await s.statutes.unlink(c.id, a.id)
      expect((await s.caseDetail.get(c.id)).statutes).toEqual([])
    })
  })

  it('refuses to remove an excerpt that is linked or cited unless forced, and says which cases it was unlinked from', async () => {
    await withWorkspace(async (s) => {
      const caseId = await s.demo.install()
      const err = (await s.trashBin.removeStatute('statute_vccr_31').catch((e: unknown) => e)) as AppError
      expect(err).toMatchObject({ code: 'CONFLICT' })
      expect(err.message).toMatch(/VCCR art\. 31 is linked to 1 case and cited in 1 briefing/)
      expect((err.details as StatuteUsage).briefings[0].briefingId).toBe('briefing_minister_note')

      const loose = await s.statutes.add(VCDR_22)
      expect(await s.trashBin.removeStatute(loose.id)).toMatchObject({ entry: { itemId: loose.id }, unlinkedFrom: [] })
      await expect(s.statutes.get(loose.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })

      const { unlinkedFrom } = await s.trashBin.removeStatute('statute_vccr_31', { force: true })
      expect(unlinkedFrom).toEqual([caseId])
      expect((await s.caseDetail.get(caseId)).statutes).toEqual([])
    })
  })

  it('imports a JSON array, reporting bad rows and duplicates and linking the rest', async () => {
    await withWorkspace(async (s) => {
      const c = await s.cases.create({ title: 'Mission incident' })
      await s.statutes.add(VCDR_22)
      const content = JSON.stringify([
        { ...VCDR_22 }, // already in the library
        {
          instrument: 'Vienna Convention on Diplomatic Relations',
          article: 30,
          text: 'The private residence …',
          tags: 'residence, inviolability',
        },
        { instrument: 'VCDR', text: 'no article' },
        'not an object',
      ])
      const preview = await s.statutes.import({ format: 'json', content, dryRun: true })
      expect(preview.parsed).toHaveLength(2)
      expect(preview.added).toEqual([])
      expect(preview.duplicates).toEqual([{ row: 1, existingId: 'statute_0001', label: 'VCDR art. 22' }])
      expect(preview.problems.map((p) => p.row)).toEqual([3, 4])
      expect(preview.problems[0].message).toMatch(/article/)
      expect(await s.statutes.list()).toHaveLength(1) // dry run writes nothing

      const done = await s.statutes.import({ format: 'json', content, linkToCaseId: c.id })
      expect(done.added.map((x) => [citationLabel(x), x.tags])).toEqual([
        ['VCDR art. 30', ['residence', 'inviolability']],
      ])
      expect((await s.caseDetail.get(c.id)).statutes.map((x) => citationLabel(x)).sort()).toEqual([
        'VCDR art. 22',
        'VCDR art. 30',
      ])

      const bad = await s.statutes.import({ format: 'json', content: '{oops' })
      expect(bad.problems[0]).toMatchObject({ row: 0, message: expect.stringMatching(/Not valid JSON/) })
      await expect(
        s.statutes.import({ format: 'json', content: '[]', linkToCaseId: 'case_nope' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  it("words what an import could not read in the reader's language, never V8's or zod's English", () => {
    const inSpanish = (p: { message: string; text?: MessageRef }) =>
      p.text ? say('es', p.text.key as CatalogueKey, localValues(p.text, 'es')) : p.message
    const cases: [string, string, RegExp][] = [
      ['{"a" 1}', 'Not valid JSON: it stops making sense at character 6', /^No es JSON válido: .* carácter 6$/],
      ['[{"a":', 'Not valid JSON: it ends before it is complete (cut short?)', /^No es JSON válido: termina antes/],
      [
        '[1,]',
        'Not valid JSON: an unexpected “]” where it stops making sense',
        /^No es JSON válido: un “]” inesperado/,
      ],
      // An invisible character by its code point; V8's English (which quotes the text) never.
      ['[\u2028"a secret pass phrase"]', 'Not valid JSON: an unexpected U+2028 where it stops making sense', /U\+2028/],
      // A character beyond the first 65,536 whole, never half of it.
      [
        '[1,😀]',
        'Not valid JSON: an unexpected “😀” where it stops making sense',
        /^No es JSON válido: un “😀” inesperado/,
      ],
      // The one outside a string, though one of the same block stands before it inside a string.
      ['["😂",😀]', 'Not valid JSON: an unexpected “😀” where it stops making sense', /un “😀” inesperado/],
      [
        'NaN',
        'Not valid JSON: JSON starts with a bracket or a brace, and this does not',
        /^No es JSON válido: el JSON/,
      ],
    ]
    for (const [content, english, spanish] of cases) {
      const [p] = parseStatuteJson(content).problems
      expect(p.message).toBe(english)
      expect(inSpanish(p)).toMatch(spanish)
    }
    // A row the schema refuses, from JSON and from pasted text: zod's own Spanish words, the field named.
    const [row] = parseStatuteJson(JSON.stringify([{ instrument: 'Ley X', article: '1', text: 5 }])).problems
    expect(row.row).toBe(1)
    expect(inSpanish(row)).toBe(
      'Los datos no son válidos: text: Entrada no válida: se esperaba un texto, se recibió un número',
    )
    expect(row.message).toMatch(/^The input is not valid: text: /)
    const [pasted] = parseStatuteText(`Instrument: Ley X\nArt. 1 — ${'T'.repeat(301)}\nTexto\n`).problems
    expect(pasted.message).toMatch(/: heading: Too long/)
    // A person's long text is not repeated whole.
    const [long] = parseStatuteText(`Instrument: Ley X\nArt. ${'9'.repeat(3000)}\nTexto\n`).problems
    expect(long.message.length).toBeLessThan(300)
    expect(long.message).toMatch(/^Art\. 9{55}…: article: Too long/)
    const [year] = parseStatuteText(`Instrument: Ley X\nYear: ${'7'.repeat(3000)}\nArt. 1\nTexto\n`).problems
    expect(year.message.length).toBeLessThan(100)
    expect(inSpanish(pasted)).toMatch(/: heading: Demasiado largo: como máximo 300 caracteres$/)
  })

  it('imports pasted text blocks under instrument lines and says what it could not parse', async () => {
    const text = [
      'Some stray preface line',
      'Art. 1 — orphan before any instrument',
      'text',
      'Instrument: Vienna Convention on Consular Relations (VCCR), 1963',
      'Source: UNTS vol. 596, p. 261',
      'Tags: consular; inviolability',
      '',
      'Art. 31(2) — Inviolability of the consular premises',
      'The authorities of the receiving State shall not enter …',
      '',
      'The consent of the head of the consular post may, however, be assumed …',
      'Article 36 – Communication with nationals',
      '',
      '# Ley Orgánica de Movilidad Humana, 2017',
      'Language: es',
      'Art. 2 - Principios',
      'La movilidad humana …',
    ].join('\n')
    const parsed = parseStatuteText(text)
    expect(
      parsed.rows.map((r) => [r.row, r.input.shortName, r.input.article, r.input.paragraph, r.input.year]),
    ).toEqual([
      [8, 'VCCR', '31', '2', 1963],
      [16, '', '2', '', 2017],
    ])
    expect(parsed.rows[0].input.text).toBe(
      'The authorities of the receiving State shall not enter …\n\nThe consent of the head of the consular post may, however, be assumed …',
    )
    expect(parsed.rows[0].input).toMatchObject({
      source: 'UNTS vol. 596, p. 261',
      tags: ['consular', 'inviolability'],
      heading: 'Inviolability of the consular premises',
    })
    expect(parsed.rows[1].input).toMatchObject({
      instrument: 'Ley Orgánica de Movilidad Humana',
      language: 'es',
      heading: 'Principios',
    })
    expect(parsed.problems.map((p) => p.row)).toEqual([1, 2, 12])
    expect(parsed.problems[1].message).toMatch(/before any instrument/)
    expect(parsed.problems[2].message).toMatch(/Art\. 36 has no text/)

    await withWorkspace(async (s) => {
      const done = await s.statutes.import({ format: 'text', content: text })
      expect(done.added.map((x) => citationLabel(x))).toEqual(['VCCR art. 31(2)', 'LOMH art. 2'])
      expect(parseStatuteText('').problems[0].message).toMatch(/Nothing to import/)
    })
  })
})

/**
 * What a footnote says for every kind of citation, found or dangling, in
 * English and Spanish; how exhibits are numbered; how a repeated citation
 * points back; the order of the statute appendix.
 */
import { describe, expect, it } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import {
  appendixOrder,
  eventTime,
  FootnoteWriter,
  footnoteText,
  numberExhibits,
  type CitationContext,
} from '@main/memo/citations'
import { Annotation, EvidenceItem, StatuteExcerpt, TimelineEvent, type CitationAttrs } from '@shared/domain'
import { translator } from '@shared/i18n'

const at = '2026-01-28T00:00:00.000Z'
const status = (s: string) => ({
  status: s,
  reasoning: '',
  source: { status: s, reasoning: '' },
  technical: { status: s, reasoning: '' },
  content: { status: s, reasoning: '' },
})
const item = (id: string, title: string, extra: Record<string, unknown> = {}) =>
  EvidenceItem.parse({
    id,
    kind: 'document',
    title,
    verification: status('verified'),
    createdAt: at,
    updatedAt: at,
    ...extra,
  })

const letter = item('ev_letter', 'Protest letter', { sourceUrl: 'https://example.org/letter' })
const scan = item('ev_scan', 'Scan', {
  file: { sha256: 'a'.repeat(64), size: 10, mediaType: 'image/png', originalName: 'scan.png' },
  verification: status('disputed'),
})
const call = item('ev_call', 'Call notes', { capturedBy: 'Desk officer', verification: status('unverified') })
const bare = item('ev_bare', 'Unsourced', {})
const longUrl = item('ev_long', 'Long link', { sourceUrl: `https://example.org/${'x'.repeat(200)}` })
const exactUrl = item('ev_exact', 'Exact link', { sourceUrl: `https://e.org/${'y'.repeat(160 - 14)}` })
const longTitle = item('ev_title', 'T'.repeat(400))

const ann = (id: string, evidenceId: string, text: string) =>
  Annotation.parse({ id, evidenceId, target: { type: 'page', page: 3 }, text, createdAt: at, updatedAt: at })
const event = TimelineEvent.parse({
  id: 'ev_1',
  at: '2026-01-27T17:00:00.000Z',
  tz: 'America/Chicago',
  precision: 'approximate',
  title: 'Officer at the door',
})
const statute = StatuteExcerpt.parse({ ...demo.statutes[0], createdAt: at, updatedAt: at })

const ctx: CitationContext = {
  evidence: [letter, scan, call, bare, longUrl, exactUrl, longTitle],
  events: [event],
  statutes: [statute],
  annotations: [
    ann('a_scan', 'ev_scan', 'Stamp on the corner'),
    ann('a_letter', 'ev_letter', 'Signed!'),
    ann('a_empty', 'ev_letter', '   '),
  ],
}
const c = (target: CitationAttrs['target'], id: string, pinpoint = '', evidenceId?: string) =>
  ({ target, id, pinpoint, ...(evidenceId ? { evidenceId } : {}) }) as CitationAttrs

const en = translator('en', 'memo')
const es = translator('es', 'memo')

describe('exhibit numbers', () => {
  it('follow the first citation, through annotations too, each item once; the uncited follow in case order', () => {
    const ex = numberExhibits(ctx, [
      c('annotation', 'a_scan'),
      c('evidence', 'ev_letter'),
      c('evidence', 'ev_scan'),
      c('annotation', 'a_letter'),
      c('annotation', 'a_letter'),
      c('annotation', 'gone', '', 'ev_call'),
      c('evidence', 'missing'),
    ])
    expect(ex.order.map((e) => e.id)).toEqual([
      'ev_scan',
      'ev_letter',
      'ev_call',
      'ev_bare',
      'ev_long',
      'ev_exact',
      'ev_title',
    ])
    expect(ex.cited).toBe(3)
    expect(ex.number.get('ev_call')).toBe(3)
    // Each cited annotation listed once under its item; a missing one is not listed.
    expect(ex.citedAnnotations.get('ev_letter')?.map((a) => a.id)).toEqual(['a_letter'])
    expect(ex.citedAnnotations.get('ev_scan')?.map((a) => a.id)).toEqual(['a_scan'])
    expect(ex.citedAnnotations.has('ev_call')).toBe(false)
  })
})

describe('a footnote', () => {
  const ex = numberExhibits(ctx, [
    c('evidence', 'ev_letter'),
    c('evidence', 'ev_scan'),
    c('evidence', 'ev_call'),
    c('evidence', 'ev_bare'),
    c('evidence', 'ev_long'),
    c('evidence', 'ev_exact'),
    c('evidence', 'ev_title'),
  ])
  const note = (x: CitationAttrs, t = en, lang: 'en' | 'es' = 'en', annexes = {}) =>
    footnoteText(x, ctx, ex, t, lang, annexes)

  it('of an item names it, its kind, pinpoint and source, and its status', () => {
    expect(note(c('evidence', 'ev_letter'))).toBe(
      'Exhibit 1: Protest letter (document), https://example.org/letter; verified.',
    )
    expect(note(c('evidence', 'ev_letter', ' p. 2 '))).toBe(
      'Exhibit 1: Protest letter (document), at p. 2, https://example.org/letter; verified.',
    )
    expect(note(c('evidence', 'ev_scan'))).toBe(
      'Exhibit 2: Scan (document), file "scan.png". Disputed: the authenticity or content of this item is contested.',
    )
    expect(note(c('evidence', 'ev_call'))).toBe(
      'Exhibit 3: Call notes (document), Desk officer. Unverified: this item has not been independently verified.',
    )
    expect(note(c('evidence', 'ev_bare'))).toBe('Exhibit 4: Unsourced (document), source not recorded; verified.')
    expect(note(c('evidence', 'missing'))).toBe('Cited evidence item no longer in the case (missing).')
  })

  it('cuts a source over 160 characters and a title over 300, and no shorter', () => {
    const long = note(c('evidence', 'ev_long'))
    expect(long).toContain(`https://example.org/${'x'.repeat(137)}…; verified.`)
    expect(note(c('evidence', 'ev_exact'))).toContain(`https://e.org/${'y'.repeat(146)}; verified.`)
    expect(note(c('evidence', 'ev_title'))).toContain(`Exhibit 7: ${'T'.repeat(299)}… (document)`)
  })

  it('of an annotation names its exhibit, place and text as a sentence, with the caveat of its item', () => {
    expect(note(c('annotation', 'a_scan'))).toBe(
      'Exhibit 2 (Scan), p. 3: Stamp on the corner. Disputed: the authenticity or content of this item is contested.',
    )
    expect(note(c('annotation', 'a_letter'))).toBe('Exhibit 1 (Protest letter), p. 3: Signed!')
    expect(note(c('annotation', 'a_empty'))).toBe('Exhibit 1 (Protest letter), p. 3: annotation.')
    // Gone, but its item known: the item and the id; gone with no item: said so.
    expect(note(c('annotation', 'gone', '1:05', 'ev_letter'))).toBe(
      'Exhibit 1 (Protest letter), annotation gone, 1:05.',
    )
    expect(note(c('annotation', 'gone', '', 'ev_letter'))).toBe('Exhibit 1 (Protest letter), annotation gone.')
    expect(note(c('annotation', 'gone'))).toBe('Cited annotation no longer in the case (gone).')
  })

  it('of an event gives its time in its zone and points to the timeline annex by its letter', () => {
    expect(note(c('event', 'ev_1'))).toBe(
      '27 Jan 2026, ~11:00 (America/Chicago, UTC-06:00): Officer at the door. See the timeline (Annex\u00A0B).',
    )
    expect(note(c('event', 'ev_1', 'as reported'), en, 'en', { timeline: 'D' })).toBe(
      '27 Jan 2026, ~11:00 (America/Chicago, UTC-06:00): Officer at the door. as reported. See the timeline (Annex\u00A0D).',
    )
    expect(note(c('event', 'nope'))).toBe('Cited timeline event no longer in the case (nope).')
  })

  it('of a statute gives its citation with the pinpointed paragraph and heading, and the annex', () => {
    expect(note(c('statute', 'statute_vccr_31', '2'), en, 'en', { statutes: 'E' })).toBe(
      'Vienna Convention on Consular Relations (1963), art. 31(2) (Inviolability of the consular premises). Full text in Annex\u00A0E.',
    )
    expect(note(c('statute', 'statute_vccr_31'))).toMatch(/art\. 31 \(Inviolability.*Annex\u00A0C\.$/)
    expect(note(c('statute', 'gone'))).toBe('Cited statute excerpt no longer in the library (gone).')
  })

  it('is in Spanish in a Spanish memo', () => {
    expect(note(c('evidence', 'ev_call'), es, 'es')).toMatch(
      /^Prueba 3: Call notes \(.+\), Desk officer\. Sin verificar: esta prueba no ha sido verificada/,
    )
    expect(note(c('event', 'ev_1'), es, 'es')).toContain('27 ene 2026')
    expect(note(c('evidence', 'missing'), es, 'es')).toBe('La prueba citada ya no figura en el expediente (missing).')
  })
})

describe('a repeated citation', () => {
  const cites = [c('evidence', 'ev_letter'), c('evidence', 'ev_scan'), c('annotation', 'a_scan')]
  const ex = numberExhibits(ctx, cites)

  it('points back to its first note, with the status of an item that is not verified', () => {
    const w = new FootnoteWriter(ctx, ex, en)
    expect(w.text(c('evidence', 'ev_letter'), 1)).toMatch(/^Exhibit 1: Protest letter/)
    expect(w.text(c('evidence', 'ev_scan'), 2)).toMatch(/^Exhibit 2: Scan/)
    expect(w.text(c('annotation', 'a_scan'), 3)).toMatch(/^Exhibit 2 \(Scan\), p\. 3/)
    expect(w.text(c('evidence', 'ev_letter'), 4)).toBe('Exhibit 1 (Protest letter) (see note 1).')
    expect(w.text(c('evidence', 'ev_scan'), 5)).toBe('Exhibit 2 (Scan) (see note 2); disputed.')
    expect(w.text(c('annotation', 'a_scan'), 6)).toBe('Exhibit 2 (Scan), p. 3 (see note 3); disputed.')
    // Another pinpoint is another citation: a full note.
    expect(w.text(c('evidence', 'ev_letter', 'p. 9'), 7)).toContain('at p. 9')
    expect(w.text(c('statute', 'statute_vccr_31', '2'), 8)).toContain('Full text in')
    expect(w.text(c('statute', 'statute_vccr_31', '2'), 9)).toBe('VCCR art. 31(2) (see note 8).')
    expect(w.text(c('event', 'ev_1'), 10)).toContain('See the timeline')
    expect(w.text(c('event', 'ev_1'), 11)).toContain('See the timeline')
    expect(w.text(c('evidence', 'missing'), 12)).toBe('Cited evidence item no longer in the case (missing).')
    expect(w.text(c('evidence', 'missing'), 13)).toBe('Cited evidence item no longer in the case (missing).')
  })
})

describe('the statute appendix', () => {
  it('puts the cited excerpts first, in citation order, then the others, each once', () => {
    const s = (id: string) => StatuteExcerpt.parse({ ...demo.statutes[0], id, createdAt: at, updatedAt: at })
    const all = [s('a'), s('b'), s('c')]
    const order = appendixOrder(all, [c('statute', 'c'), c('evidence', 'a'), c('statute', 'x'), c('statute', 'c')])
    expect(order.map((x) => x.id)).toEqual(['c', 'a', 'b'])
  })
})

describe('event times', () => {
  it('are the same remembered or not, per language', () => {
    expect(eventTime(event)).toBe('27 Jan 2026, ~11:00 (America/Chicago, UTC-06:00)')
    expect(eventTime(event)).toBe('27 Jan 2026, ~11:00 (America/Chicago, UTC-06:00)')
    expect(eventTime(event, 'es')).toContain('27 ene 2026')
  })
})

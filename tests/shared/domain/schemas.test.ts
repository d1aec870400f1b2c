import { describe, expect, it } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import {
  Annotation,
  Case,
  citationLabel,
  EvidenceItem,
  fullCitation,
  StatuteExcerpt,
  TimelineEvent,
  verificationCaveat,
} from '@shared/domain'

const at = '2026-01-28T10:00:00.000Z'

describe('domain schemas', () => {
  it('fills defaults for a new case', () => {
    const c = Case.parse({ id: 'case_1', title: 'T', createdAt: at, updatedAt: at })
    expect(c).toMatchObject({ status: 'open', classification: 'UNCLASSIFIED', tags: [], reference: '' })
  })

  it('refuses a case without a title and says why', () => {
    const r = Case.safeParse({ id: 'case_1', title: '  ', createdAt: at, updatedAt: at })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe('a case needs a title')
  })

  it('refuses an event in a zone that does not exist', () => {
    const r = TimelineEvent.safeParse({ id: 'e', at, tz: 'America/Springfield', title: 'x' })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toMatch(/IANA/)
  })

  it('refuses an annotation that ends before it starts', () => {
    const base = { id: 'a', evidenceId: 'e', createdAt: at, updatedAt: at }
    expect(Annotation.safeParse({ ...base, target: { type: 'time', start: 5, end: 2 } }).success).toBe(false)
    expect(Annotation.safeParse({ ...base, target: { type: 'time', start: 2, end: 5 } }).success).toBe(true)
  })

  it('validates every demo record against the schemas', () => {
    for (const e of demo.evidence)
      expect(EvidenceItem.safeParse({ ...e, createdAt: at, updatedAt: at }).success).toBe(true)
    for (const e of demo.events) expect(TimelineEvent.safeParse(e).success).toBe(true)
    for (const s of demo.statutes)
      expect(StatuteExcerpt.safeParse({ ...s, createdAt: at, updatedAt: at }).success).toBe(true)
  })

  it('labels citations one way everywhere', () => {
    const vccr = {
      instrument: 'Vienna Convention on Consular Relations',
      shortName: 'VCCR',
      article: '31',
      paragraph: '2',
      year: 1963,
    }
    expect(citationLabel(vccr)).toBe('VCCR art. 31(2)')
    expect(citationLabel({ ...vccr, paragraph: '2(a)' })).toBe('VCCR art. 31(2)(a)')
    expect(citationLabel({ ...vccr, shortName: '', paragraph: '' })).toBe('VCCR art. 31')
    expect(fullCitation(vccr)).toBe('Vienna Convention on Consular Relations (1963), art. 31(2)')
  })

  it('gives a caveat for everything not verified', () => {
    expect(verificationCaveat('verified')).toBeNull()
    expect(verificationCaveat('unverified')).toMatch(/not been independently verified/)
    expect(verificationCaveat('disputed')).toMatch(/Disputed/)
  })
})

describe('pinpoints', () => {
  it('narrow the excerpt’s own paragraph the same way in the editor and the PDF', async () => {
    const { pinpointParagraph, fullCitation } = await import('@shared/domain')
    const { statutePinpointLabel } = await import('@shared/domain/citationDisplay')
    const art31 = {
      instrument: 'Vienna Convention on Consular Relations',
      shortName: 'VCCR',
      article: '31',
      paragraph: '',
      year: 1963,
    }
    const art31p2 = { ...art31, paragraph: '2' }
    expect(pinpointParagraph('', '2')).toBe('2')
    expect(pinpointParagraph('2', 'a')).toBe('2 a')
    expect(pinpointParagraph('2', '2')).toBe('2')
    expect(statutePinpointLabel(art31p2, 'a')).toBe('VCCR art. 31(2)(a)')
    expect(fullCitation({ ...art31p2, paragraph: pinpointParagraph(art31p2.paragraph, 'a') })).toBe(
      'Vienna Convention on Consular Relations (1963), art. 31(2)(a)',
    )
    expect(statutePinpointLabel(art31, '3')).toBe('VCCR art. 31(3)')
  })
})

/** What a footnote says of an annotation: its exhibit, where, what, and the item's verification caveat. */
import { describe, expect, it } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import { FootnoteWriter, footnoteText, numberExhibits, type CitationContext } from '@main/memo/citations'
import { EvidenceItem, type Annotation, type CitationAttrs } from '@shared/domain'
import { translator } from '@shared/i18n'

const at = '2026-01-28T00:00:00.000Z'
const video = EvidenceItem.parse({ ...demo.evidence[0], createdAt: at, updatedAt: at })
// The same item, verified, under another id.
const verified = EvidenceItem.parse({
  ...demo.evidence[0],
  id: 'evidence_checked',
  title: 'Checked clip',
  verification: { ...demo.evidence[0].verification, status: 'verified' },
  createdAt: at,
  updatedAt: at,
})
const evidence = [video, verified]

const annotationOn = (item: EvidenceItem, id: string) =>
  ({
    id,
    evidenceId: item.id,
    target: { type: 'time', start: 2.6, end: 5.2 },
    text: 'Someone approaches the entrance.',
    tags: [],
  }) as unknown as Annotation

const ctx: CitationContext = {
  evidence,
  events: [],
  statutes: [],
  annotations: [annotationOn(video, 'ann_video'), annotationOn(verified, 'ann_verified')],
}
const cite = (id: string, evidenceId: string): CitationAttrs =>
  ({ target: 'annotation', id, evidenceId, pinpoint: '' }) as CitationAttrs
const t = translator('en', 'memo')
const ex = numberExhibits(ctx, [cite('ann_video', video.id), cite('ann_verified', verified.id)])

describe('annotation footnotes', () => {
  it('carry the caveat of an unverified item', () => {
    const note = footnoteText(cite('ann_video', video.id), ctx, ex, t)
    expect(note).toMatch(/^Exhibit 1 \(.+\), .+: Someone approaches the entrance\. Unverified: /)
    expect(note.endsWith(t('caveat.unverified'))).toBe(true)
  })

  it('carry no caveat for a verified item', () => {
    const note = footnoteText(cite('ann_verified', verified.id), ctx, ex, t)
    expect(note).toMatch(/^Exhibit 2 \(.+\), .+: Someone approaches the entrance\.$/)
    expect(note).not.toMatch(/verified/i)
  })

  it('carry the caveat when the annotation is gone but its item is known', () => {
    const note = footnoteText(cite('ann_gone', video.id), ctx, ex, t)
    expect(note).toContain('annotation ann_gone')
    expect(note.endsWith(t('caveat.unverified'))).toBe(true)
  })

  it('repeat the status in a short note pointing back', () => {
    const w = new FootnoteWriter(ctx, ex, t)
    expect(w.text(cite('ann_video', video.id), 1)).toContain('Unverified')
    expect(w.text(cite('ann_video', video.id), 2)).toMatch(/\(see note 1\); unverified\.$/)
    expect(w.text(cite('ann_verified', verified.id), 3)).not.toMatch(/verified/i)
    expect(w.text(cite('ann_verified', verified.id), 4)).toMatch(/\(see note 3\)\.$/)
  })
})

/**
 * What an evidence item's change amounts to: the patch applied, the fields it
 * changed (what custody and the audit log name), a verification's moves and an
 * examination's summary. Pure functions over records, held here case by case.
 */
import { describe, expect, it } from 'vitest'
import { EvidenceItem, FileAnalysis, Verification } from '@shared/domain'
import {
  applyPatch,
  changedFields,
  describeVerification,
  examinationSummary,
  withExamination,
} from '@main/services/evidence/itemChanges'

const AT = '2026-01-27T17:00:00.000Z'
const LATER = '2026-02-01T09:30:00.000Z'
const SHA = 'ab'.repeat(32)

const item = (extra: Record<string, unknown> = {}) =>
  EvidenceItem.parse({
    id: 'ev_1',
    kind: 'video',
    title: 'Door video',
    createdAt: AT,
    updatedAt: AT,
    verification: {
      status: 'unverified',
      reasoning: 'overall why',
      source: { status: 'unverified', reasoning: 'source why' },
      technical: { status: 'unverified', reasoning: 'technical why' },
      content: { status: 'unverified', reasoning: 'content why' },
    },
    ...extra,
  })

const analysis = (fingerprint: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  FileAnalysis.parse({
    version: 1,
    sha256: SHA,
    analysedAt: AT,
    metadata: {
      status: 'found',
      readers: ['ffprobe 5.1'],
      facts: [
        { name: 'make', value: 'Apple', source: { reader: 'ffprobe', field: 'format.tags.make' } },
        { name: 'model', value: 'iPhone', source: { reader: 'ffprobe', field: 'format.tags.model' } },
      ],
    },
    c2pa: { status: 'absent' },
    fingerprint,
    ...extra,
  })

describe('applyPatch', () => {
  it('sets what the patch gives, stamps the time and keeps the rest', () => {
    const before = item({ description: 'kept', tags: ['a'] })
    const after = applyPatch(before, { title: 'Door, north side', tags: ['a', 'b'] }, LATER)
    expect(after).toEqual({ ...before, title: 'Door, north side', tags: ['a', 'b'], updatedAt: LATER })
  })

  it('clears a field given as null, and leaves one given as undefined alone', () => {
    const before = item({ capturedAt: AT, eventDate: AT })
    const after = applyPatch(before, { capturedAt: null, eventDate: undefined }, LATER)
    expect(after).not.toHaveProperty('capturedAt')
    expect(after.eventDate).toBe(AT)
  })

  it('merges a verification change check by check, never replacing what it does not name', () => {
    const before = item()
    const after = applyPatch(
      before,
      { verification: { status: 'verified', technical: { status: 'verified' }, content: { reasoning: 'new' } } },
      LATER,
    )
    expect(after.verification).toEqual({
      status: 'verified',
      reasoning: 'overall why',
      source: { status: 'unverified', reasoning: 'source why' },
      technical: { status: 'verified', reasoning: 'technical why' },
      content: { status: 'unverified', reasoning: 'new' },
    })
    const reasoned = applyPatch(before, { verification: { reasoning: 'because' } }, LATER)
    expect(reasoned.verification).toEqual({ ...before.verification, reasoning: 'because' })
  })

  it('refuses a patch the schema refuses, and an item it would make invalid', () => {
    expect(() => applyPatch(item(), { title: '' }, LATER)).toThrow()
    expect(() => applyPatch(item(), { kind: 'hologram' as never }, LATER)).toThrow()
  })
})

describe('changedFields', () => {
  it('names each field whose value changed, in the order of the patch schema', () => {
    const before = item({ tags: ['a'] })
    expect(changedFields(before, before)).toEqual([])
    expect(changedFields(before, { ...before, tags: ['a', 'b'], title: 'Other', updatedAt: LATER })).toEqual([
      'title',
      'tags',
    ])
    expect(changedFields(before, { ...before, description: 'new' })).toEqual(['description'])
  })

  it('names a change of any verification reasoning once, and a status move not at all (its own entry)', () => {
    const before = item()
    const v = before.verification
    const withV = (verification: Verification) => changedFields(before, { ...before, verification })
    expect(withV({ ...v, status: 'verified' })).toEqual([])
    expect(withV({ ...v, reasoning: 'x' })).toEqual(['verification reasoning'])
    for (const c of ['source', 'technical', 'content'] as const)
      expect(withV({ ...v, [c]: { ...v[c], reasoning: 'x' } }), c).toEqual(['verification reasoning'])
    expect(withV({ ...v, reasoning: 'x', source: { ...v.source, reasoning: 'y' } })).toEqual(['verification reasoning'])
  })
})

describe('describeVerification', () => {
  it('lists each move, the overall one first', () => {
    const v = item().verification
    expect(describeVerification(v, v)).toEqual([])
    expect(
      describeVerification(v, {
        ...v,
        status: 'verified',
        source: { ...v.source, status: 'verified' },
        content: { ...v.content, status: 'disputed' },
      }),
    ).toEqual(['overall: unverified -> verified', 'source: unverified -> verified', 'content: unverified -> disputed'])
    expect(describeVerification(v, { ...v, technical: { ...v.technical, status: 'verified' } })).toEqual([
      'technical: unverified -> verified',
    ])
  })
})

describe('an examination', () => {
  it('summed up for the audit log: what was found, by whom, and the fingerprint made', () => {
    const video = analysis(
      { status: 'done', kind: 'video', times: [0, 2, 4] },
      { warnings: [{ code: 'capture-time-differs', message: 'm' }] },
    )
    expect(examinationSummary(video)).toEqual({
      metadata: 'found',
      facts: 2,
      readers: ['ffprobe 5.1'],
      c2pa: 'absent',
      fingerprint: '3 keyframes',
      warnings: ['capture-time-differs'],
    })
    expect(examinationSummary(analysis({ status: 'done', kind: 'image' })).fingerprint).toBe('image')
    expect(examinationSummary(analysis({ status: 'skipped', reason: 'no picture' })).fingerprint).toBe('none')
  })

  it('added to the technical check as its own labelled line, the rest of the verification kept', () => {
    const v = item().verification
    const out = withExamination(v, analysis({ status: 'done', kind: 'image' }))
    expect(out.status).toBe(v.status)
    expect(out.source).toEqual(v.source)
    expect(out.content).toEqual(v.content)
    expect(out.technical.status).toBe(v.technical.status)
    expect(out.technical.reasoning).toMatch(
      /^technical why\n\[Casefile examination 2026-01-27 17:00 UTC, SHA-256 abababababab…\] metadata: .*fingerprint: image hashed\.$/,
    )
  })
})

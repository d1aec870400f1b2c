import { describe, expect, it } from 'vitest'
import type { SearchResponse } from '@shared/domain'
import { packResponse, unpackResponse } from '@main/services/search/wire'

describe('worker replies on the wire', () => {
  it('come back exactly as they were sent', () => {
    const response: SearchResponse = {
      total: 1234,
      tookMs: 0.417,
      hits: [
        {
          kind: 'annotation',
          caseId: 'case_1',
          caseReference: 'CF-2026-0001',
          caseTitle: 'Incidente en el consulado — Quito',
          id: 'ann_1',
          evidenceId: 'ev_9',
          tab: 'evidence',
          itemId: 'ev_9',
          title: { text: 'Annotation at 00:01:02–00:01:05', highlights: [] },
          snippet: {
            text: '…la Cancillería y la embajada…',
            highlights: [
              [4, 15],
              [21, 29],
            ],
          },
          score: 2.35,
        },
        {
          kind: 'case',
          caseId: '',
          caseReference: '',
          caseTitle: '',
          id: 'c',
          tab: 'overview',
          itemId: '',
          title: { text: 'Émoji 🙂 and \u0000 controls', highlights: [[0, 5]] },
          snippet: { text: '', highlights: [] },
          score: 1,
        },
      ],
    }
    const packed = packResponse(response)
    // Plain data: a string and a transferable buffer, cheap to move between threads.
    expect(typeof packed.text).toBe('string')
    expect(packed.nums).toBeInstanceOf(Float64Array)
    expect(unpackResponse(structuredClone(packed))).toEqual(response)
    expect('evidenceId' in unpackResponse(packed).hits[1]).toBe(false)
  })

  it('carry an empty answer', () => {
    const empty: SearchResponse = { hits: [], total: 0, tookMs: 0 }
    expect(unpackResponse(packResponse(empty))).toEqual(empty)
  })
})

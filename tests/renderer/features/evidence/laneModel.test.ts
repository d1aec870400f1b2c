import { describe, expect, it } from 'vitest'
import {
  followScroll,
  lanesOf,
  moveEdge,
  spanBox,
  stepZoom,
  tierNames,
  trackLength,
} from '@renderer/features/evidence/tiers/laneModel'
import { tierNameProblem } from '@renderer/features/evidence/tiers/NewTierForm'
import { tickSpacing } from '@renderer/features/evidence/tiers/TimeRuler'
import { timeAnnotation } from './samples'

const on = (tier: string | undefined, id: string, start: number, end = start) => ({
  ...timeAnnotation(id, start, end),
  tier,
})

describe('tier lanes', () => {
  it('puts annotations without a tier in the default lane, first, and the rest by the item’s order', () => {
    const lanes = lanesOf(
      [
        on('speech', 'a', 5, 6),
        on(undefined, 'b', 1, 2),
        on('', 'c', 0, 1),
        on('actions', 'd', 3, 4),
        on('zz', 'e', 2),
      ],
      ['speech', 'actions', 'empty'],
    )
    expect(lanes.map((l) => l.tier)).toEqual(['', 'speech', 'actions', 'empty', 'zz'])
    expect(lanes[0].spans.map((s) => s.id)).toEqual(['c', 'b'])
    expect(lanes[3].spans).toEqual([])
  })

  it('shows one default lane when there are no tiers at all, and none when every annotation has one', () => {
    expect(lanesOf([]).map((l) => l.tier)).toEqual([''])
    expect(lanesOf([on('speech', 'a', 1, 2)]).map((l) => l.tier)).toEqual(['speech'])
    expect(tierNames([on('b', 'x', 1), on('a', 'y', 1)], ['c'])).toEqual(['c', 'a', 'b'])
  })

  it('draws spans to scale over the duration', () => {
    expect(spanBox({ start: 1, end: 3 }, 10, 500)).toEqual({ left: 50, width: 100 })
    expect(spanBox({ start: 8, end: 30 }, 10, 500)).toEqual({ left: 400, width: 100 })
    expect(spanBox({ start: 1, end: 3 }, NaN, 500)).toEqual({ left: 0, width: 0 })
    // An unknown length (a browser-recorded WebM says Infinity) is taken from the spans.
    const lanes = lanesOf([on(undefined, 'a', 1, 20)])
    expect(trackLength(Infinity, lanes)).toBe(25)
    expect(trackLength(NaN, [])).toBe(10)
    expect(trackLength(6, lanes)).toBe(6)
  })

  it('moves an edge within 0..duration and never past the other edge', () => {
    const t = { type: 'time' as const, start: 2, end: 4 }
    expect(moveEdge(t, 'start', 1.5, 10)).toEqual({ type: 'time', start: 1.5, end: 4 })
    expect(moveEdge(t, 'start', -3, 10).start).toBe(0)
    expect(moveEdge(t, 'start', 9, 10).start).toBe(3.999)
    expect(moveEdge(t, 'end', 12, 10).end).toBe(10)
    expect(moveEdge(t, 'end', 1, 10).end).toBe(2.001)
    expect(moveEdge(t, 'end', 4.04, NaN).end).toBe(4.04)
    // A point annotation only widens.
    const p = { type: 'time' as const, start: 3, end: 3 }
    expect(moveEdge(p, 'start', 3.5, 10)).toEqual(p)
    expect(moveEdge(p, 'end', 2, 10)).toEqual(p)
    expect(moveEdge(p, 'end', 3.2, 10)).toEqual({ type: 'time', start: 3, end: 3.2 })
  })

  it('zooms in steps and follows the playhead out of view', () => {
    expect(stepZoom(1, 1)).toBe(1.5)
    expect(stepZoom(1, -1)).toBe(1)
    expect(stepZoom(64, 1)).toBe(64)
    expect(stepZoom(5, -1)).toBe(4)
    expect(followScroll(50, 0, 200, 1000)).toBe(0)
    expect(followScroll(300, 0, 200, 1000)).toBe(280)
    expect(followScroll(10, 500, 200, 1000)).toBe(0)
    expect(followScroll(990, 0, 200, 1000)).toBe(800)
  })

  it('labels the ruler no closer than its labels need', () => {
    expect(tickSpacing(6, 600)).toBe(1)
    expect(tickSpacing(3600, 600)).toBe(600)
  })

  it('checks a new tier’s name against the shared schema and the item’s tiers', () => {
    expect(tierNameProblem('  ', [])).toBe('tiers.nameInvalid')
    expect(tierNameProblem('a<b', [])).toBe('tiers.nameInvalid')
    expect(tierNameProblem('x'.repeat(81), [])).toBe('tiers.nameInvalid')
    expect(tierNameProblem('Speech', ['speech'])).toBe('tiers.nameTaken')
    expect(tierNameProblem(' actions ', ['speech'])).toBeNull()
  })
})

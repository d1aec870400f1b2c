/**
 * The pure side of the tier lanes: which annotation goes in which lane, where a
 * span sits in pixels at a zoom, and how an edge may move. Kept apart from the
 * components so it can be tested without a browser.
 */
import type { Annotation, AnnotationTarget } from '@shared/domain'
import { roundTime } from '../annotations/model'

export type TimeTarget = Extract<AnnotationTarget, { type: 'time' }>

/** The item's default tier: annotations without one (absent or '') are drawn in its lane. */
export const DEFAULT_TIER = ''

export interface Span {
  id: string
  start: number
  end: number
  text: string
}

export interface Lane {
  tier: string
  spans: Span[]
}

/** Zoom steps, as multiples of "the whole media fits the width". */
export const ZOOMS = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64] as const

/** The next zoom step in (+1) or out (-1) from `zoom`. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOMS.find((z) => z > zoom + 1e-9) ?? ZOOMS[ZOOMS.length - 1]
  return [...ZOOMS].reverse().find((z) => z < zoom - 1e-9) ?? ZOOMS[0]
}

/** The tier an annotation is drawn in ('' for the default lane). */
export const tierOf = (a: Pick<Annotation, 'tier'>): string => a.tier?.trim() ?? DEFAULT_TIER

/**
 * The tiers to offer, in lane order: the item's own list first (its order is the
 * lanes' order), then tiers only annotations name, alphabetically. The default
 * tier is not among them.
 */
export function tierNames(annotations: readonly Pick<Annotation, 'tier'>[], itemTiers: readonly string[] = []) {
  const own = itemTiers.map((t) => t.trim()).filter(Boolean)
  const named = new Set(annotations.map(tierOf).filter((t) => t && !own.includes(t)))
  return [...new Set(own), ...[...named].sort((a, b) => a.localeCompare(b))]
}

/**
 * One lane per tier, spans in time order. The default lane comes first when any
 * annotation has no tier, or when there is no tier at all (so a new item shows
 * one lane to work in); an empty named tier still gets its lane.
 */
export function lanesOf(annotations: readonly Annotation[], itemTiers: readonly string[] = []): Lane[] {
  const timed = annotations.filter((a) => a.target.type === 'time')
  const names = tierNames(timed, itemTiers)
  const hasDefault = timed.some((a) => !tierOf(a)) || names.length === 0
  const lanes = [...(hasDefault ? [DEFAULT_TIER] : []), ...names].map((tier) => ({ tier, spans: [] as Span[] }))
  const byTier = new Map(lanes.map((l) => [l.tier, l]))
  for (const a of timed) {
    const t = a.target as TimeTarget
    byTier.get(tierOf(a))?.spans.push({ id: a.id, start: t.start, end: t.end, text: a.text })
  }
  for (const l of lanes) l.spans.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id))
  return lanes
}

/**
 * The seconds the track shows: the media's duration, or where it is not known
 * (before the metadata arrives; a WebM recorded in a browser reports Infinity)
 * a little past the last span's end, so the spans are still drawn apart.
 */
export function trackLength(duration: number, lanes: readonly Lane[]): number {
  if (Number.isFinite(duration) && duration > 0) return duration
  const last = Math.max(0, ...lanes.flatMap((l) => l.spans.map((s) => s.end)))
  return Math.max(10, last * 1.25)
}

/** Left edge and width in pixels of a span on a track `width` pixels wide showing `duration` seconds. */
export function spanBox(span: Pick<Span, 'start' | 'end'>, duration: number, width: number) {
  if (!(duration > 0)) return { left: 0, width: 0 }
  const left = (Math.min(span.start, duration) / duration) * width
  const right = (Math.min(span.end, duration) / duration) * width
  return { left, width: Math.max(0, right - left) }
}

/** The smallest range an edge move leaves (a millisecond: time codes are kept to the millisecond). */
export const MIN_SPAN = 0.001

/**
 * Moves one edge of a range to `to`, kept within 0..duration and before (or
 * after) the other edge. An edge already against its limit does not move the
 * other way past it: a point annotation (start = end) only widens.
 */
export function moveEdge(t: TimeTarget, edge: 'start' | 'end', to: number, duration: number): TimeTarget {
  const max = Number.isFinite(duration) && duration > 0 ? duration : Infinity
  if (edge === 'start') {
    const hi = Math.max(t.start, t.end - MIN_SPAN)
    const start = roundTime(Math.min(Math.max(0, to), hi))
    return { type: 'time', start: Math.min(start, t.end), end: t.end }
  }
  const lo = Math.min(t.end, t.start + MIN_SPAN)
  const end = roundTime(Math.max(Math.min(max < t.end ? t.end : max, to), lo))
  return { type: 'time', start: t.start, end: Math.max(end, t.start) }
}

/**
 * Where to scroll a track so the playhead at `x` stays in sight: unchanged while
 * it is in view, else a page on (playing forward) with a little of what went
 * before still shown, or back to it after a seek backwards.
 */
export function followScroll(x: number, scrollLeft: number, viewWidth: number, contentWidth: number): number {
  if (viewWidth <= 0) return scrollLeft
  if (x >= scrollLeft && x <= scrollLeft + viewWidth - 8) return scrollLeft
  const next = x - viewWidth * 0.1
  return Math.max(0, Math.min(contentWidth - viewWidth, next))
}

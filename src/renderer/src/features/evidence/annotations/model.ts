import type { Annotation, AnnotationTarget, EvidenceKind } from '@shared/domain'

/** Which kind of target an item's annotations take: time codes, pages or image regions. */
export function targetTypeFor(kind: EvidenceKind, mediaType = ''): AnnotationTarget['type'] {
  if (kind === 'video' || kind === 'audio' || mediaType.startsWith('video/') || mediaType.startsWith('audio/'))
    return 'time'
  if (kind === 'image' || mediaType.startsWith('image/')) return 'region'
  return 'page'
}

function position(t: AnnotationTarget): [number, number] {
  switch (t.type) {
    case 'time':
      return [t.start, t.end]
    case 'page':
      return [t.page, 0]
    case 'region':
      return [t.y, t.x]
  }
}

/** Reading order: by start (then end) for time, by page, top-to-bottom for regions; ties by creation. */
export function sortAnnotations<T extends Pick<Annotation, 'target' | 'createdAt' | 'id'>>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => {
    const [a1, a2] = position(a.target)
    const [b1, b2] = position(b.target)
    if (a1 !== b1) return a1 - b1
    if (a2 !== b2) return a2 - b2
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
    return a.id.localeCompare(b.id)
  })
}

/** Time codes are kept to the millisecond: finer digits are noise from the media clock. */
export const roundTime = (seconds: number): number => Math.max(0, Math.round(seconds * 1000) / 1000)

/** Shared with the command line. */
export { parseTimecode } from '@shared/domain'

/** "[" moves the start and "]" the end; either keeps the range ordered so it stays valid. */
export function withStart(t: Extract<AnnotationTarget, { type: 'time' }>, start: number) {
  const s = roundTime(start)
  return { type: 'time' as const, start: s, end: Math.max(s, t.end) }
}
export function withEnd(t: Extract<AnnotationTarget, { type: 'time' }>, end: number) {
  const e = roundTime(end)
  return { type: 'time' as const, start: Math.min(t.start, e), end: e }
}

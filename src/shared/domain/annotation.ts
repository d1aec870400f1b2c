import { z } from 'zod'
import { Id, Instant, Tags, SchemaVersion } from './common'

export const TimeRangeTarget = z
  .object({
    type: z.literal('time'),
    start: z.number().nonnegative(),
    end: z.number().nonnegative(),
  })
  .refine((t) => t.end >= t.start, {
    message: 'an annotation cannot end before it starts',
    params: { key: 'errRecords:annotationEndsBeforeStart' },
  })

export const PageTarget = z.object({
  type: z.literal('page'),
  page: z.number().int().positive(),
  quote: z.string().max(10_000).default(''),
})

/** A rectangle in fractions (0..1) of the image, so it survives resizing. */
export const RegionTarget = z.object({
  type: z.literal('region'),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  width: z.number().min(0).max(1),
  height: z.number().min(0).max(1),
})

export const AnnotationTarget = z.union([TimeRangeTarget, PageTarget, RegionTarget])
export type AnnotationTarget = z.infer<typeof AnnotationTarget>

/** A tier's name: free text, short, no line breaks (it becomes an ELAN TIER_ID and a file name part). */
export const TierName = z
  .string()
  .trim()
  .max(80)
  .regex(/^[^\r\n\t<>&"]*$/, 'a tier name is one line without <, >, & or "')

/** Subtitle and transcript formats an item's annotations go out and come in as. */
export const ANNOTATION_FORMATS = ['vtt', 'srt', 'csv', 'eaf'] as const
export const AnnotationFormat = z.enum(ANNOTATION_FORMATS)
export type AnnotationFormat = z.infer<typeof AnnotationFormat>

export const Annotation = z.object({
  id: Id,
  evidenceId: Id,
  target: AnnotationTarget,
  /** The tier (ELAN's parallel lanes: "speech", "actions", "translation"); absent or '' is the item's default tier. */
  tier: TierName.optional(),
  text: z.string().max(20_000).default(''),
  tags: Tags,
  eventIds: z.array(Id).default([]),
  statuteIds: z.array(Id).default([]),
  createdAt: Instant,
  updatedAt: Instant,
})
export type Annotation = z.infer<typeof Annotation>

export const AnnotationInput = z.object({
  target: AnnotationTarget,
  tier: Annotation.shape.tier,
  text: Annotation.shape.text,
  tags: Annotation.shape.tags,
  eventIds: Annotation.shape.eventIds,
  statuteIds: Annotation.shape.statuteIds,
})
export type AnnotationInput = z.input<typeof AnnotationInput>

export const AnnotationPatch = z.object({
  target: AnnotationTarget.optional(),
  tier: TierName.optional(),
  text: z.string().max(20_000).optional(),
  tags: z.array(z.string().trim().min(1).max(80)).max(200).optional(),
  eventIds: z.array(Id).optional(),
  statuteIds: z.array(Id).optional(),
})
export type AnnotationPatch = z.input<typeof AnnotationPatch>

/** cases/<id>/annotations/<evidenceId>.json (and .1.json ... chunks): split out so one edit never rewrites the whole case. */
export const AnnotationsFile = z.object({
  schemaVersion: SchemaVersion,
  evidenceId: Id,
  annotations: z.array(Annotation).default([]),
})
export type AnnotationsFile = z.infer<typeof AnnotationsFile>

/** Parses "1:23", "00:01:23.5", "83.5" into seconds; null when it is not a time code. */
export function parseTimecode(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d+(?::\d{1,2}){0,2}(?:\.\d+)?$/.test(trimmed)) return null
  const parts = trimmed.split(':')
  let seconds = 0
  for (const part of parts) seconds = seconds * 60 + Number(part)
  return Number.isFinite(seconds) ? seconds : null
}

/** "00:01:23.5" for a time code in seconds. */
export function formatTimecode(seconds: number): string {
  // Rounded to the tenth first, so 2.96 reads 00:00:03, not 00:00:02.0 (a dragged edge lands on any millisecond).
  const tenths = Math.round(seconds * 10)
  const whole = Math.floor(tenths / 10)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  const frac = tenths % 10
  const base = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
  return frac ? `${base}.${frac}` : base
}

export function formatTarget(t: AnnotationTarget, lang: 'en' | 'es' = 'en'): string {
  switch (t.type) {
    case 'time':
      return t.end > t.start ? `${formatTimecode(t.start)}–${formatTimecode(t.end)}` : formatTimecode(t.start)
    case 'page':
      return `${lang === 'es' ? 'pág.' : 'p.'} ${t.page}`
    case 'region':
      return `${lang === 'es' ? 'región' : 'region'} ${Math.round(t.x * 100)}%,${Math.round(t.y * 100)}% ${Math.round(t.width * 100)}×${Math.round(t.height * 100)}%`
  }
}

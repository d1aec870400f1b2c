import { z } from 'zod'
import { Id, Instant, patchOf, Tags } from './common'
import type { Language } from './language'
import { formatOffset, instantToLocal, isValidTimeZone, zoneOffsetMinutes } from './time'
import { Place } from './verification'

export const PRECISIONS = ['exact', 'approximate', 'day', 'month'] as const
export const Precision = z.enum(PRECISIONS)
export type Precision = z.infer<typeof Precision>

export const TimeZone = z.string().refine(isValidTimeZone, {
  message: 'not an IANA time zone (e.g. America/Chicago)',
  params: { key: 'errRecords:notTimeZone' },
})

export const TimelineEvent = z.object({
  id: Id,
  /** The instant in UTC; `tz` says in which zone people saw it happen. */
  at: Instant,
  tz: TimeZone,
  precision: Precision.default('exact'),
  title: z.string().trim().min(1, 'an event needs a description').max(500),
  description: z.string().max(20_000).default(''),
  location: z.string().max(300).default(''),
  /** Where it happened, by coordinates: what a file's GPS position and the sun are checked against. */
  place: Place.optional(),
  actorIds: z.array(Id).default([]),
  evidenceIds: z.array(Id).default([]),
  sources: z.array(z.string().max(2_000)).default([]),
  tags: Tags,
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const EventInput = TimelineEvent.omit({ id: true }).partial({
  precision: true,
  description: true,
  location: true,
  actorIds: true,
  evidenceIds: true,
  sources: true,
  tags: true,
})
export type EventInput = z.input<typeof EventInput>

/** `place: null` removes the place (JSON has no undefined). */
export const EventPatch = patchOf(TimelineEvent.omit({ id: true })).extend({ place: Place.nullable().optional() })
export type EventPatch = z.input<typeof EventPatch>

export const sortEvents = <T extends { at: string; id: string }>(events: readonly T[]): T[] =>
  [...events].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1))

const MONTHS: Record<Language, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
}

/** "27 Jan 2026, ~11:00 (America/Chicago, UTC-06:00)" ("27 ene 2026, …" in Spanish), honouring the precision. */
export function formatEventTime(e: Pick<TimelineEvent, 'at' | 'tz' | 'precision'>, lang: Language = 'en'): string {
  const local = instantToLocal(e.at, e.tz)
  const [date, time] = local.split('T')
  const [y, m, d] = date.split('-')
  const month = MONTHS[lang][+m - 1]
  if (e.precision === 'month') return `${month} ${y}`
  const day = `${+d} ${month} ${y}`
  if (e.precision === 'day') return `${day} (${e.tz})`
  const approx = e.precision === 'approximate' ? '~' : ''
  return `${day}, ${approx}${time} (${e.tz}, ${formatOffset(zoneOffsetMinutes(Date.parse(e.at), e.tz))})`
}

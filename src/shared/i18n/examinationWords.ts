/**
 * How the examination's findings read in a language, shared by the window and
 * the command line: durations, time codes, the claim a warning compares with,
 * and each warning worded again from its code and the numbers it compared
 * (main's own warning text is English).
 */
import { keyframesOf, type Claim, type ConsistencyWarning } from '../domain'
import type { MessageKey } from './index'

export type ExaminationT = (key: MessageKey<'examination'>, values?: Record<string, unknown>) => string

/** "45 minutes", "26.5 h", "3 days". */
export function duration(t: ExaminationT, minutes: number, number: (n: number) => string): string {
  const m = Math.abs(minutes)
  if (m < 90) return t('duration.minutes', { count: Math.round(m) })
  if (m < 48 * 60) return t('duration.hours', { count: number(Math.round(m / 6) / 10) })
  return t('duration.days', { count: Math.round(m / (24 * 60)) })
}

/** The tool a fingerprint names, its keyframe sampling worded in the language: "ffmpeg 6.1 (fotogramas clave, …)". */
export function toolText(t: ExaminationT, tool: string, number: (n: number) => string): string {
  const k = keyframesOf(tool)
  if (!k) return tool
  return t('fingerprint.keyframes', { tool: k.label, every: k.every === undefined ? 'none' : number(k.every) })
}

/** Seconds as a time code: "00:00:04". */
export function timeCode(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

/** The claim as the sentence names it: "the item's event date", "the event “Arrival”". */
export function claimName(t: ExaminationT, claim: Claim, events: readonly { id: string; title: string }[]): string {
  if (claim.source === 'event date') return t('claim.eventDate')
  const title = events.find((e) => e.id === claim.eventId)?.title ?? claim.label
  return t('claim.event', { title })
}

/** One warning in words, from its code and the numbers it compared. */
export function warningText(
  w: ConsistencyWarning,
  events: readonly { id: string; title: string }[],
  t: ExaminationT,
  number: (x: number) => string,
): string {
  const num = (k: string) => Number(w.numbers[k] ?? 0)
  const claim = w.claim ? claimName(t, w.claim, events) : ''
  switch (w.code) {
    case 'capture-time-differs': {
      const zone = w.numbers.readInZone
      const text = t('warning.capture-time-differs', {
        difference: duration(t, num('differenceMinutes'), number),
        direction: num('differenceMinutes') > 0 ? 'after' : 'before',
        claim,
        margin: duration(t, num('marginMinutes'), number),
      })
      return zone ? `${text} ${t('warning.readInZone', { zone })}` : text
    }
    case 'far-from-place':
      return t('warning.far-from-place', { km: number(num('distanceKm')), claim, radius: number(num('radiusKm')) })
    case 'modified-after-capture':
      return t('warning.modified-after-capture', { difference: duration(t, num('minutesAfterCapture'), number) })
    default:
      return t(`warning.${w.code}`)
  }
}

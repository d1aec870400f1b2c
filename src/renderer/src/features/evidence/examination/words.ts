/**
 * How the examination's numbers read in the window's language: durations,
 * time codes, and the claim a warning compares with. The main process words
 * its warnings in English for the command line; the window words them again
 * from their codes and numbers, so a Spanish desk reads Spanish.
 */
import type { CaseDetail, Claim } from '@shared/domain'
import type { T } from '@renderer/lib/i18n'

type TE = T<'examination'>

/** "45 minutes", "26.5 h", "3 days". */
export function duration(t: TE, minutes: number, number: (n: number) => string): string {
  const m = Math.abs(minutes)
  if (m < 90) return t('duration.minutes', { count: Math.round(m) })
  if (m < 48 * 60) return t('duration.hours', { count: number(Math.round(m / 6) / 10) })
  return t('duration.days', { count: Math.round(m / (24 * 60)) })
}

/** Seconds as a time code: "00:00:04". */
export function timeCode(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

/** The claim as the sentence names it: "the item's event date", "the event “Arrival”". */
export function claimName(t: TE, claim: Claim, detail: CaseDetail): string {
  if (claim.source === 'event date') return t('claim.eventDate')
  const title = detail.events.find((e) => e.id === claim.eventId)?.title ?? claim.label
  return t('claim.event', { title })
}

/** How evidence facts read in the list and the editor: one place, so the two never disagree. */
import { formatEventTime, type Language, type TimelineEvent } from '@shared/domain'
import type { EvidenceItem, EvidenceKind, VerificationStatus } from '@shared/domain'
import type { BlobCheck } from '@shared/domain'
import { formatDate } from '@shared/i18n/format'
import type { T } from '@renderer/lib/i18n'

/** Colour names map to CSS classes (evidence.css); text always carries the meaning too. */
export const STATUS_TONE: Record<VerificationStatus, 'grey' | 'amber' | 'green' | 'orange' | 'red'> = {
  unverified: 'grey',
  'partially verified': 'amber',
  verified: 'green',
  disputed: 'orange',
  false: 'red',
}

/** The CSS class suffix of a kind ("web page" -> "web-page"). */
export const kindClass = (kind: EvidenceKind) => kind.replace(' ', '-')

export function gradeOf(item: Pick<EvidenceItem, 'sourceReliability' | 'informationCredibility'>): string {
  if (!item.sourceReliability && !item.informationCredibility) return ''
  return `${item.sourceReliability ?? '?'}${item.informationCredibility ?? '?'}`
}

export type IntegrityKey =
  'urlOnly' | 'noFile' | 'mismatch' | 'missing' | 'verifiedOn' | 'mismatchOn' | 'verified' | 'hashedOn' | 'notRechecked'

export interface Integrity {
  tone: 'ok' | 'bad' | 'none' | 'pending'
  key: IntegrityKey
  /** The instant the label names (a check, or the import), when it names one. */
  at?: string
}

/**
 * The integrity line of an item: the freshest word on its hash. A check run in
 * this session (BlobCheck) wins over the custody log, which it will have updated anyway.
 */
export function integrityOf(item: Pick<EvidenceItem, 'file' | 'custody' | 'sourceUrl'>, check?: BlobCheck): Integrity {
  if (!item.file) return { tone: 'none', key: item.sourceUrl ? 'urlOnly' : 'noFile' }
  if (check?.status === 'mismatch') return { tone: 'bad', key: 'mismatch' }
  if (check?.status === 'missing') return { tone: 'bad', key: 'missing' }
  for (let i = item.custody.length - 1; i >= 0; i--) {
    const entry = item.custody[i]
    if (entry.action === 'hash verified') return { tone: 'ok', key: 'verifiedOn', at: entry.at }
    if (entry.action === 'hash mismatch') return { tone: 'bad', key: 'mismatchOn', at: entry.at }
  }
  if (check?.status === 'ok') return { tone: 'ok', key: 'verified' }
  const imported = item.custody.find((e) => e.action === 'imported' || e.action === 'hashed')
  return imported ? { tone: 'pending', key: 'hashedOn', at: imported.at } : { tone: 'pending', key: 'notRechecked' }
}

/** "hash verified 1 February 2026" / "hash verificado el 1 de febrero de 2026" (dates in UTC: everyone sees one day). */
export const integrityLabel = (i: Integrity, t: T<'evidence'>, lang: Language): string =>
  t(`integrity.${i.key}`, i.at ? { date: formatDate(i.at, lang, 'UTC') } : undefined)

/** A timeline event as the link pickers offer it: its time, a dash, its title. */
export const eventChoiceLabel = (e: TimelineEvent, lang: Language = 'en'): string =>
  `${formatEventTime(e, lang)} — ${e.title}`

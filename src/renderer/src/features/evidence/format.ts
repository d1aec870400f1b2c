/** How evidence facts read in the list and the editor: one place, so the two never disagree. */
import { formatEventTime, type TimelineEvent } from '@shared/domain'
import type { EvidenceItem, EvidenceKind, VerificationStatus } from '@shared/domain'
import type { BlobCheck } from '@shared/domain'

/** Short marks instead of emoji: emoji fonts are missing on many Linux desktops and render as boxes. */
export const KIND_ICONS: Record<EvidenceKind, string> = {
  video: 'VID',
  image: 'IMG',
  audio: 'AUD',
  document: 'DOC',
  'web page': 'WEB',
  'social post': 'POST',
  testimony: 'TST',
  note: 'NOTE',
}

/** Colour names map to CSS classes (evidence.css); text always carries the meaning too. */
export const STATUS_TONE: Record<VerificationStatus, 'grey' | 'amber' | 'green' | 'orange' | 'red'> = {
  unverified: 'grey',
  'partially verified': 'amber',
  verified: 'green',
  disputed: 'orange',
  false: 'red',
}

export function gradeOf(item: Pick<EvidenceItem, 'sourceReliability' | 'informationCredibility'>): string {
  if (!item.sourceReliability && !item.informationCredibility) return ''
  return `${item.sourceReliability ?? '?'}${item.informationCredibility ?? '?'}`
}

/** "2026-01-27" from an ISO instant; dates in lists are UTC so every reader sees the same day. */
export const isoDay = (iso: string): string => iso.slice(0, 10)

/** "2026-01-27 17:00 UTC" */
export const isoMinute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

export interface Integrity {
  tone: 'ok' | 'bad' | 'none' | 'pending'
  label: string
}

/**
 * The integrity line of an item: the freshest word on its hash. A check run in
 * this session (BlobCheck) wins over the custody log, which it will have updated anyway.
 */
export function integrityOf(item: Pick<EvidenceItem, 'file' | 'custody' | 'sourceUrl'>, check?: BlobCheck): Integrity {
  if (!item.file) return item.sourceUrl ? { tone: 'none', label: 'URL only' } : { tone: 'none', label: 'no file' }
  if (check?.status === 'mismatch') return { tone: 'bad', label: 'hash mismatch' }
  if (check?.status === 'missing') return { tone: 'bad', label: 'file missing' }
  for (let i = item.custody.length - 1; i >= 0; i--) {
    const entry = item.custody[i]
    if (entry.action === 'hash verified') return { tone: 'ok', label: `hash verified ${isoDay(entry.at)}` }
    if (entry.action === 'hash mismatch') return { tone: 'bad', label: `hash mismatch ${isoDay(entry.at)}` }
  }
  if (check?.status === 'ok') return { tone: 'ok', label: 'hash verified' }
  const imported = item.custody.find((e) => e.action === 'imported' || e.action === 'hashed')
  return { tone: 'pending', label: imported ? `hashed ${isoDay(imported.at)}, not re-checked` : 'not re-checked' }
}

/** A timeline event as the link pickers offer it: its time, a dash, its title. */
export const eventChoiceLabel = (e: TimelineEvent): string => `${formatEventTime(e)} — ${e.title}`

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = n / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]} (${n.toLocaleString('en-US')} bytes)`
}

export const splitTags = (text: string): string[] =>
  Array.from(
    new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  )

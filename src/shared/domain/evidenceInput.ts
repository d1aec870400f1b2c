/**
 * What the renderer (and the CLI) send to create or change evidence, annotations
 * and notes, and the reports the evidence service returns. The stored shapes
 * live in evidence.ts, annotation.ts, note.ts and audit.ts; these are derived
 * from them so the two never drift.
 */
import { z } from 'zod'
import { Annotation, AnnotationTarget } from './annotation'
import { Id, Instant, patchOf, Sha256 } from './common'
import { BlobRef, CustodyEntry, EvidenceItem, EvidenceKind, VerificationCheck, VerificationStatus } from './evidence'
import { Note } from './note'

/** Every field a person may set on an item. The file, custody and timestamps are the service's alone. */
export const EvidenceInput = EvidenceItem.pick({
  kind: true,
  title: true,
  description: true,
  sourceUrl: true,
  capturedAt: true,
  capturedBy: true,
  publishedAt: true,
  eventDate: true,
  verification: true,
  sourceReliability: true,
  informationCredibility: true,
  eventIds: true,
  tags: true,
})
export type EvidenceInput = z.input<typeof EvidenceInput>

/** A verification change: any of the overall verdict, its reasoning and the three checks. */
export const VerificationPatch = z.object({
  status: VerificationStatus.optional(),
  reasoning: z.string().max(10_000).optional(),
  // patchOf, not partial(): partial() keeps the defaults, so { reasoning } alone would reset the status.
  source: patchOf(VerificationCheck).optional(),
  technical: patchOf(VerificationCheck).optional(),
  content: patchOf(VerificationCheck).optional(),
})
export type VerificationPatch = z.input<typeof VerificationPatch>

/**
 * Fields absent stay as they are. `null` clears an optional date or grade
 * (JSON has no undefined), so a date picker can be emptied.
 */
export const EvidencePatch = z.object({
  kind: EvidenceKind.optional(),
  title: EvidenceItem.shape.title.optional(),
  description: z.string().max(20_000).optional(),
  sourceUrl: z.string().max(4_000).optional(),
  capturedAt: Instant.nullable().optional(),
  capturedBy: z.string().max(200).optional(),
  publishedAt: Instant.nullable().optional(),
  eventDate: Instant.nullable().optional(),
  verification: VerificationPatch.optional(),
  sourceReliability: EvidenceItem.shape.sourceReliability.unwrap().nullable().optional(),
  informationCredibility: EvidenceItem.shape.informationCredibility.unwrap().nullable().optional(),
  eventIds: z.array(Id).optional(),
  tags: z.array(z.string().trim().min(1).max(80)).max(200).optional(),
})
export type EvidencePatch = z.input<typeof EvidencePatch>

export const AnnotationInput = z.object({
  target: AnnotationTarget,
  text: Annotation.shape.text,
  tags: Annotation.shape.tags,
  eventIds: Annotation.shape.eventIds,
  statuteIds: Annotation.shape.statuteIds,
})
export type AnnotationInput = z.input<typeof AnnotationInput>
export const AnnotationPatch = z.object({
  target: AnnotationTarget.optional(),
  text: z.string().max(20_000).optional(),
  tags: z.array(z.string().trim().min(1).max(80)).max(200).optional(),
  eventIds: z.array(Id).optional(),
  statuteIds: z.array(Id).optional(),
})
export type AnnotationPatch = z.input<typeof AnnotationPatch>

export const NoteInput = Note.pick({ title: true, body: true, tags: true })
export type NoteInput = z.input<typeof NoteInput>
export const NotePatch = patchOf(NoteInput)
export type NotePatch = z.input<typeof NotePatch>

/** The state of the hash-chained audit log: where it first breaks, if it does. */
export const AuditChainReport = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** The first entry (seq as stored, or line number when unreadable) that fails. */
  brokenAt: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
})
export type AuditChainReport = z.infer<typeof AuditChainReport>

export const BlobCheck = z.object({
  caseId: Id,
  evidenceId: Id,
  title: z.string(),
  status: z.enum(['ok', 'mismatch', 'missing']),
  expected: Sha256,
  /** The hash of the bytes now stored; absent when the blob is missing. */
  actual: Sha256.optional(),
})
export type BlobCheck = z.infer<typeof BlobCheck>

/** A custody entry on an item with no matching entry in the audit log. */
export const CustodyGap = z.object({
  caseId: Id,
  evidenceId: Id,
  title: z.string(),
  action: CustodyEntry.shape.action,
  at: Instant,
})
export type CustodyGap = z.infer<typeof CustodyGap>

export const VerifyReport = z.object({
  /** Items holding a file that were re-hashed. */
  checked: z.number().int().nonnegative(),
  ok: z.boolean(),
  items: z.array(BlobCheck),
  /** Only the mismatched and missing ones (a subset of items). */
  problems: z.array(BlobCheck),
  audit: AuditChainReport,
  /** Custody entries of the verified cases missing from the audit log (checked when the chain holds). */
  custodyGaps: z.array(CustodyGap),
})
export type VerifyReport = z.infer<typeof VerifyReport>

export const BLOB_URL_PREFIX = 'casefile-blob://blob/'

/** The URL a <video>/<img>/<audio> element plays a stored blob from (Range requests work). */
export function blobUrl(file: Pick<BlobRef, 'sha256' | 'mediaType'>, base = BLOB_URL_PREFIX): string {
  return `${base}${file.sha256}?type=${encodeURIComponent(file.mediaType)}`
}

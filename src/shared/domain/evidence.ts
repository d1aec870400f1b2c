import { z } from 'zod'
import { AuditChainReport } from './audit'
import { Id, Instant, patchOf, SchemaVersion, Sha256, Tags, Withhold } from './common'
import { FileAnalysis } from './verification'

export const EVIDENCE_KINDS = [
  'video',
  'image',
  'audio',
  'document',
  'web page',
  'social post',
  'testimony',
  'note',
] as const
export const EvidenceKind = z.enum(EVIDENCE_KINDS)
export type EvidenceKind = z.infer<typeof EvidenceKind>

export const VERIFICATION_STATUSES = ['unverified', 'partially verified', 'verified', 'disputed', 'false'] as const
export const VerificationStatus = z.enum(VERIFICATION_STATUSES)
export type VerificationStatus = z.infer<typeof VerificationStatus>

/** Admiralty (NATO) grading: source reliability A–F, information credibility 1–6. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const INFORMATION_CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const
export const SourceReliability = z.enum(SOURCE_RELIABILITY)
export const InformationCredibility = z.enum(INFORMATION_CREDIBILITY)

export const RELIABILITY_LABELS: Record<(typeof SOURCE_RELIABILITY)[number], string> = {
  A: 'A – completely reliable',
  B: 'B – usually reliable',
  C: 'C – fairly reliable',
  D: 'D – not usually reliable',
  E: 'E – unreliable',
  F: 'F – reliability cannot be judged',
}
export const CREDIBILITY_LABELS: Record<(typeof INFORMATION_CREDIBILITY)[number], string> = {
  '1': '1 – confirmed by other sources',
  '2': '2 – probably true',
  '3': '3 – possibly true',
  '4': '4 – doubtful',
  '5': '5 – improbable',
  '6': '6 – truth cannot be judged',
}

/** One check of the Berkeley Protocol's three: who published it, is the file what it claims, does the content hold. */
export const VerificationCheck = z.object({
  status: VerificationStatus.default('unverified'),
  reasoning: z.string().max(10_000).default(''),
})

export const Verification = z.object({
  status: VerificationStatus.default('unverified'),
  reasoning: z.string().max(10_000).default(''),
  source: VerificationCheck.default({ status: 'unverified', reasoning: '' }),
  technical: VerificationCheck.default({ status: 'unverified', reasoning: '' }),
  content: VerificationCheck.default({ status: 'unverified', reasoning: '' }),
})
export type Verification = z.infer<typeof Verification>

export const CUSTODY_ACTIONS = [
  'imported',
  'referenced',
  'hashed',
  'hash verified',
  'hash mismatch',
  'status changed',
  'edited',
  'exported',
  'derived',
  /** Arrived in a case bundle from another workspace; the detail names the bundle's SHA-256 and signer. */
  'received',
] as const
export const CustodyEntry = z.object({
  at: Instant,
  actor: z.string().max(200),
  action: z.enum(CUSTODY_ACTIONS),
  sha256: Sha256.optional(),
  detail: z.string().max(2_000).default(''),
})
export type CustodyEntry = z.infer<typeof CustodyEntry>

/**
 * journal/<id>.json: a change that must reach both the case file (custody) and the
 * audit log, written before either. Completed (audit twins appended) or dropped (the
 * case write never landed) when the workspace is next opened for writing.
 */
export const CustodyIntent = z.object({
  schemaVersion: SchemaVersion,
  id: Id,
  createdAt: Instant,
  /** custody: entries added to an item (a new item's first ones included); remove: the item removed. */
  op: z.enum(['custody', 'remove']),
  caseId: Id,
  evidenceId: Id,
  custody: z.array(CustodyEntry).default([]),
  audit: z.array(
    z.object({
      action: z.string().max(80),
      target: z.string().max(400),
      actor: z.string().max(200),
      detail: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
})
export type CustodyIntent = z.infer<typeof CustodyIntent>

export const BlobRef = z.object({
  sha256: Sha256,
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(200),
  originalName: z.string().max(1_000),
})
export type BlobRef = z.infer<typeof BlobRef>

export const EvidenceItem = z.object({
  id: Id,
  kind: EvidenceKind,
  title: z.string().trim().min(1, 'evidence needs a title').max(500),
  description: z.string().max(20_000).default(''),
  sourceUrl: z.string().max(4_000).default(''),
  file: BlobRef.optional(),
  capturedAt: Instant.optional(),
  capturedBy: z.string().max(200).default(''),
  publishedAt: Instant.optional(),
  /** The event date the item speaks to, if it is not linked to a timeline event. */
  eventDate: Instant.optional(),
  verification: Verification.default({
    status: 'unverified',
    reasoning: '',
    source: { status: 'unverified', reasoning: '' },
    technical: { status: 'unverified', reasoning: '' },
    content: { status: 'unverified', reasoning: '' },
  }),
  sourceReliability: SourceReliability.optional(),
  informationCredibility: InformationCredibility.optional(),
  custody: z.array(CustodyEntry).default([]),
  /**
   * What Casefile read from the file (metadata, Content Credentials, perceptual
   * fingerprint, warnings at the time): set by the evidence service at import and
   * on a re-read, never by a person; absent for items without a file and for
   * items imported before files were read. The blob itself is never changed.
   */
  analysis: FileAnalysis.optional(),
  eventIds: z.array(Id).default([]),
  tags: Tags,
  /** The tiers of its annotations, in lane order (annotations may name others; they follow). */
  tiers: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  /** A still or a clip made from another item: the source's id and SHA-256 and the time code or range. */
  derivedFrom: z
    .object({
      evidenceId: Id,
      sha256: Sha256,
      kind: z.enum(['still', 'clip']),
      /** Seconds into the source: the frame of a still, or the start of a clip. */
      at: z.number().nonnegative(),
      /** The end of a clip, in seconds. */
      to: z.number().nonnegative().optional(),
    })
    .optional(),
  /** Not for release: the whole item (no fields named) or only the fields named. */
  withhold: Withhold.extend({
    fields: z.array(z.enum(['title', 'description', 'sourceUrl', 'capturedBy'])).default([]),
  }).optional(),
  createdAt: Instant,
  updatedAt: Instant,
})
export type EvidenceItem = z.infer<typeof EvidenceItem>

export function verificationCaveat(status: VerificationStatus): string | null {
  switch (status) {
    case 'verified':
      return null
    case 'partially verified':
      return 'Partially verified: some aspects of this item have not been confirmed.'
    case 'disputed':
      return 'Disputed: the authenticity or content of this item is contested.'
    case 'false':
      return 'Assessed as false: cited for context only.'
    default:
      return 'Unverified: this item has not been independently verified.'
  }
}

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
  withhold: true,
  tiers: true,
})
export type EvidenceInput = z.input<typeof EvidenceInput>

/** What an import may say about the item it makes; the rest comes from the file. */
export const EvidenceImportOptions = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  kind: EvidenceKind.optional(),
})
export type EvidenceImportOptions = z.infer<typeof EvidenceImportOptions>

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
  withhold: EvidenceItem.shape.withhold.unwrap().nullable().optional(),
  tiers: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
})
export type EvidencePatch = z.input<typeof EvidencePatch>

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
  sha256: Sha256.optional(),
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
  /** Cases whose file could not be read: their blobs were not verified; the others were. */
  unreadableCases: z.array(z.object({ caseId: Id, message: z.string() })).optional(),
  /** Why the results were not recorded in custody, when they were not. */
  notRecorded: z.string().optional(),
})
export type VerifyReport = z.infer<typeof VerifyReport>

export const BLOB_URL_PREFIX = 'casefile-blob://blob/'

/** The URL a <video>/<img>/<audio> element plays a stored blob from (Range requests work). */
export function blobUrl(file: Pick<BlobRef, 'sha256' | 'mediaType'>, base = BLOB_URL_PREFIX): string {
  return `${base}${file.sha256}?type=${encodeURIComponent(file.mediaType)}`
}

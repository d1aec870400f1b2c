import { z } from 'zod'
import { Id, Instant, Sha256, Tags } from './common'

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
] as const
export const CustodyEntry = z.object({
  at: Instant,
  actor: z.string().max(200),
  action: z.enum(CUSTODY_ACTIONS),
  sha256: Sha256.optional(),
  detail: z.string().max(2_000).default(''),
})
export type CustodyEntry = z.infer<typeof CustodyEntry>

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
  eventIds: z.array(Id).default([]),
  tags: Tags,
  createdAt: Instant,
  updatedAt: Instant,
})
export type EvidenceItem = z.infer<typeof EvidenceItem>

/** True where citing this item in a memo needs a caveat. */
export const needsCaveat = (status: VerificationStatus): boolean => status !== 'verified'

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

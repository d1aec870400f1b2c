import { z } from 'zod'
import { Id, Instant, Sha256 } from './common'
import { CustodyEntry, EvidenceKind, VerificationStatus } from './evidence'
import { Language } from './language'

/** A custody entry with the audit-log entry that is its twin (absent: the log lacks it). */
export const CustodyReportEntry = CustodyEntry.extend({
  audit: z.object({ seq: z.number().int().nonnegative(), hash: Sha256, prevHash: z.string() }).optional(),
})
export type CustodyReportEntry = z.infer<typeof CustodyReportEntry>

export const CustodyReportExhibit = z.object({
  number: z.number().int().positive(),
  evidenceId: Id,
  title: z.string(),
  kind: EvidenceKind,
  sourceUrl: z.string(),
  file: z
    .object({ sha256: Sha256, size: z.number().int().nonnegative(), mediaType: z.string(), originalName: z.string() })
    .optional(),
  verification: VerificationStatus,
  /** The first custody entry: when and by whom the item came into the case. */
  received: z.object({ at: Instant, actor: z.string(), action: z.string() }).optional(),
  custody: z.array(CustodyReportEntry),
  /** The latest re-hash of the stored file, if any was run. */
  latestCheck: z
    .object({ at: Instant, actor: z.string(), result: z.enum(['hash verified', 'hash mismatch']) })
    .optional(),
})
export type CustodyReportExhibit = z.infer<typeof CustodyReportExhibit>

/**
 * Where each exhibit came from and everything done to it, with the audit-log
 * entries that prove the order: what a court's technical expert checks.
 */
export const CustodyReport = z.object({
  format: z.literal('casefile-custody-report'),
  version: z.literal(1),
  generatedAt: Instant,
  generatedBy: z.string(),
  language: Language,
  workspace: z.string(),
  case: z.object({ id: Id, title: z.string(), reference: z.string(), classification: z.string() }),
  /** The audit chain as it stood when the report was made. */
  audit: z.object({
    ok: z.boolean(),
    entries: z.number().int().nonnegative(),
    headSeq: z.number().int(),
    headHash: z.string(),
    reason: z.string().optional(),
  }),
  exhibits: z.array(CustodyReportExhibit),
})
export type CustodyReport = z.infer<typeof CustodyReport>

export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const
export const ReportFormat = z.enum(REPORT_FORMATS)
export type ReportFormat = z.infer<typeof ReportFormat>

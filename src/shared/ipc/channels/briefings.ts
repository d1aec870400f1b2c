import { z } from 'zod'
import { Briefing, BriefingSummary, BriefingTemplate, Id, MemoHeader, RichText } from '../../domain'
import { channel } from '../define'

const CaseRef = z.object({ caseId: Id })
const BriefingRef = CaseRef.extend({ briefingId: Id })

const h = MemoHeader.shape
/**
 * Header fields without their defaults: `MemoHeader.partial()` would still fill
 * absent fields with '' and wipe what a patch did not mention.
 */
export const MemoHeaderPatch = z.object({
  to: h.to.unwrap().optional(),
  from: h.from.unwrap().optional(),
  date: h.date.unwrap().optional(),
  subject: h.subject.unwrap().optional(),
  reference: h.reference.unwrap().optional(),
  classification: h.classification.unwrap().optional(),
})

/** What autosave and the status toggle send; header fields merge into the stored header. */
export const BriefingPatch = z.object({
  title: z.string().trim().min(1, 'a briefing needs a title').max(300).optional(),
  header: MemoHeaderPatch.optional(),
  body: RichText.optional(),
  status: z.enum(['draft', 'final']).optional(),
})
export type BriefingPatch = z.input<typeof BriefingPatch>

export const ExportResult = z.object({ path: z.string(), sha256: z.string(), pages: z.number().int().nonnegative() })
export type ExportResult = z.infer<typeof ExportResult>

export const briefingsChannels = {
  'briefings:list': channel(CaseRef, z.array(BriefingSummary)),
  'briefings:get': channel(BriefingRef, Briefing),
  /** Header prefilled from the case (classification, reference, subject) and today's date. */
  'briefings:create': channel(
    CaseRef.extend({ template: BriefingTemplate, title: z.string().trim().max(300).optional() }),
    Briefing,
  ),
  'briefings:update': channel(BriefingRef.extend({ patch: BriefingPatch }), Briefing),
  'briefings:duplicate': channel(BriefingRef, Briefing),
  'briefings:remove': channel(BriefingRef, z.object({ removed: z.literal(true) })),
  /**
   * Asks where to save, then renders the PDF; `progress` events carry taskId.
   * CANCELLED when the user dismisses the save dialog, or calls tasks:cancel({taskId})
   * before the file is written.
   */
  'briefings:export': channel(
    BriefingRef.extend({ draft: z.boolean().default(false), taskId: z.string().min(1).max(100) }),
    ExportResult,
  ),
  /** Opens an exported PDF in the system viewer; only files this briefing exported. */
  'briefings:openExport': channel(z.object({ path: z.string().min(1).max(4_000) }), z.object({ opened: z.boolean() })),
} as const

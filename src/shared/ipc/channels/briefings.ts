import { z } from 'zod'
import { Briefing, BriefingPatch, BriefingSummary, BriefingTemplate, ExportResult, Id, Language } from '@shared/domain'
import { channel } from '../define'

const CaseRef = z.object({ caseId: Id })
const BriefingRef = CaseRef.extend({ briefingId: Id })

export const briefingsChannels = {
  'briefings:list': channel(CaseRef, z.array(BriefingSummary)),
  'briefings:get': channel(BriefingRef, Briefing),
  /** Header prefilled from the case (classification, reference, subject) and today's date. */
  'briefings:create': channel(
    CaseRef.extend({
      template: BriefingTemplate,
      title: z.string().trim().max(300).optional(),
      language: Language.optional(),
    }),
    Briefing,
  ),
  'briefings:update': channel(BriefingRef.extend({ patch: BriefingPatch }), Briefing),
  'briefings:duplicate': channel(BriefingRef, Briefing),
  'briefings:remove': channel(BriefingRef, z.object({ removed: z.literal(true) })),
  /**
   * Asks where to save, then renders the memo as PDF or Word (`release`: a release
   * copy, without what is redacted or not for release); `progress` events carry taskId.
   * CANCELLED when the user dismisses the save dialog, or calls tasks:cancel({taskId})
   * before the file is written.
   */
  'briefings:export': channel(
    BriefingRef.extend({
      draft: z.boolean().default(false),
      format: z.enum(['pdf', 'docx']).default('pdf'),
      release: z.boolean().default(false),
      taskId: z.string().min(1).max(100),
    }),
    ExportResult,
  ),
  /**
   * Asks for an edited Word copy of one of the case's exports and brings it back as a
   * new version of its briefing (the earlier one stays); CANCELLED when dismissed.
   */
  'briefings:importClearance': channel(CaseRef, Briefing),
  /** Opens an exported memo (PDF or Word) in the system viewer; only files this workspace exported. */
  'briefings:openExport': channel(z.object({ path: z.string().min(1).max(4_000) }), z.object({ opened: z.boolean() })),
} as const

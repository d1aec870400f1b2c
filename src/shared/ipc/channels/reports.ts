import { z } from 'zod'
import { Id, Language, ReportFormat, Sha256 } from '@shared/domain'
import { channel } from '../define'

export const reportsChannels = {
  /** Asks where to save, then writes the case's chain-of-custody report (PDF, CSV or JSON); CANCELLED when dismissed. */
  'reports:custody': channel(
    z.object({ caseId: Id, format: ReportFormat.default('pdf'), language: Language.optional() }),
    z.object({ path: z.string(), format: ReportFormat, sha256: Sha256, bytes: z.number(), exhibits: z.number() }),
  ),
} as const

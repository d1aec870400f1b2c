import { z } from 'zod'
import {
  Id,
  StatuteExcerpt,
  StatuteFilter,
  StatuteImportOutcome,
  StatuteImportRequest,
  StatuteInput,
  StatutePatch,
} from '@shared/domain'
import { channel } from '../define'

const StatuteRef = z.object({ statuteId: Id })
const CaseLink = StatuteRef.extend({ caseId: Id })

export const statutesChannels = {
  /** The library, sorted by citation label; query matches label, instrument, heading, text, source and tags. */
  'statutes:list': channel(StatuteFilter, z.array(StatuteExcerpt)),
  /** Adds to the library; with caseId also links it to that case. */
  'statutes:add': channel(z.object({ statute: StatuteInput, caseId: Id.optional() }), StatuteExcerpt),
  'statutes:update': channel(StatuteRef.extend({ patch: StatutePatch }), StatuteExcerpt),
  'statutes:import': channel(StatuteImportRequest, StatuteImportOutcome),
  'statutes:link': channel(CaseLink, z.object({ linked: z.literal(true) })),
  'statutes:unlink': channel(CaseLink, z.object({ unlinked: z.literal(true) })),
} as const

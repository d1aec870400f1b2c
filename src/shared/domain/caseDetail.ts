/** The read model of one case: what the case view and `casefile show` present. */
import { z } from 'zod'
import { Actor } from './actor'
import { BriefingSummary } from './briefing'
import { Case } from './case'
import { TimelineEvent } from './event'
import { EvidenceItem } from './evidence'
import { Note } from './note'
import { StatuteExcerpt } from './statute'

export const CaseDetail = z.object({
  case: Case,
  actors: z.array(Actor),
  events: z.array(TimelineEvent),
  evidence: z.array(EvidenceItem),
  notes: z.array(Note),
  statutes: z.array(StatuteExcerpt),
  briefings: z.array(BriefingSummary),
})
export type CaseDetail = z.infer<typeof CaseDetail>

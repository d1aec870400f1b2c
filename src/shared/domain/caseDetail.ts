/** The read model of one case: what the case view and `casefile show` present. */
import { z } from 'zod'
import { Actor } from './actor'
import { BriefingSummary } from './briefing'
import { Case, Issue } from './case'
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
  issues: z.array(Issue),
  statutes: z.array(StatuteExcerpt),
  /** Excerpts the case links that `statutes` lacks: the library does not hold them, or could not be read. */
  statutesNotShown: z.array(z.string()).optional(),
  briefings: z.array(BriefingSummary),
})
export type CaseDetail = z.infer<typeof CaseDetail>

/** A briefing paragraph that cites something, as "cited in" shows it. */
export const CitedIn = z.object({ briefingId: z.string(), title: z.string(), excerpt: z.string() })
export type CitedIn = z.infer<typeof CitedIn>

/**
 * Every link of a case seen from both ends: what a timeline card, an actor, an
 * exhibit and an excerpt show of the rest. Derived on request from the records
 * (events name actors and evidence, evidence names events, issues name all
 * three, briefings cite them), never stored.
 */
export const CaseLinks = z.object({
  events: z.record(
    z.string(),
    z.object({ actorIds: z.array(z.string()), evidenceIds: z.array(z.string()), issueIds: z.array(z.string()) }),
  ),
  actors: z.record(z.string(), z.object({ eventIds: z.array(z.string()), evidenceIds: z.array(z.string()) })),
  evidence: z.record(
    z.string(),
    z.object({
      eventIds: z.array(z.string()),
      issueIds: z.array(z.string()),
      /** Stills and clips made from it. */
      derivedIds: z.array(z.string()),
      citedIn: z.array(CitedIn),
    }),
  ),
  statutes: z.record(z.string(), z.object({ issueIds: z.array(z.string()), citedIn: z.array(CitedIn) })),
})
export type CaseLinks = z.infer<typeof CaseLinks>

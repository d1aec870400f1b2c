import { z } from 'zod'
import {
  Actor,
  ActorInput,
  ActorPatch,
  Case,
  CaseDetail,
  CaseInput,
  CasePatch,
  CaseSummary,
  EventInput,
  EventPatch,
  Id,
  TimelineEvent,
} from '@shared/domain'
import { channel } from '../define'

const CaseRef = z.object({ caseId: Id })

export const casesChannels = {
  'cases:list': channel(z.object({}), z.array(CaseSummary)),
  'cases:get': channel(CaseRef, CaseDetail),
  'cases:create': channel(CaseInput, Case),
  'cases:update': channel(CaseRef.extend({ patch: CasePatch }), Case),

  'actors:add': channel(CaseRef.extend({ actor: ActorInput }), Actor),
  'actors:update': channel(CaseRef.extend({ actorId: Id, patch: ActorPatch }), Actor),
  'actors:remove': channel(CaseRef.extend({ actorId: Id }), z.object({ removed: z.literal(true) })),
  /** Puts a removed actor back (an undo): its id, its place in the list, its links to these events. */
  'actors:restore': channel(
    CaseRef.extend({
      actor: Actor,
      index: z.number().int().nonnegative().optional(),
      eventIds: z.array(Id).default([]),
    }),
    Actor,
  ),

  'events:add': channel(CaseRef.extend({ event: EventInput }), TimelineEvent),
  'events:update': channel(CaseRef.extend({ eventId: Id, patch: EventPatch }), TimelineEvent),
  /** issueIds: the issues that named the event and no longer do (an undo hands them back to events:restore). */
  'events:remove': channel(
    CaseRef.extend({ eventId: Id }),
    z.object({ removed: z.literal(true), issueIds: z.array(Id).default([]) }),
  ),
  /** Puts a removed event back with its id (an undo), named again by the issues that named it. */
  'events:restore': channel(
    CaseRef.extend({ event: TimelineEvent, issueIds: z.array(Id).max(10_000).optional() }),
    TimelineEvent,
  ),
} as const

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

  'events:add': channel(CaseRef.extend({ event: EventInput }), TimelineEvent),
  'events:update': channel(CaseRef.extend({ eventId: Id, patch: EventPatch }), TimelineEvent),
  'events:remove': channel(CaseRef.extend({ eventId: Id }), z.object({ removed: z.literal(true) })),
} as const

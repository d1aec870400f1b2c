import type { casesChannels } from '@shared/ipc/channels/cases'
import type { HandlersFor } from '../types'

export const casesHandlers: HandlersFor<keyof typeof casesChannels> = {
  'cases:list': async (_i, { services }) => services.cases.list(),
  'cases:get': async ({ caseId }, { services }) => services.caseDetail.get(caseId),
  'cases:create': async (input, { services }) => services.cases.create(input),
  'cases:update': async ({ caseId, patch }, { services }) => services.cases.update(caseId, patch),

  'actors:add': async ({ caseId, actor }, { services }) => services.cases.addActor(caseId, actor),
  'actors:update': async ({ caseId, actorId, patch }, { services }) =>
    services.cases.updateActor(caseId, actorId, patch),
  'actors:remove': async ({ caseId, actorId }, { services }) => {
    await services.cases.removeActor(caseId, actorId)
    return { removed: true as const }
  },

  'actors:restore': async ({ caseId, actor, index, eventIds }, { services }) =>
    services.cases.restoreActor(caseId, actor, { index, eventIds }),

  'events:add': async ({ caseId, event }, { services }) => services.cases.addEvent(caseId, event),
  'events:update': async ({ caseId, eventId, patch }, { services }) =>
    services.cases.updateEvent(caseId, eventId, patch),
  'events:remove': async ({ caseId, eventId }, { services }) => ({
    removed: true as const,
    issueIds: await services.cases.removeEvent(caseId, eventId),
  }),
  'events:restore': async ({ caseId, event, issueIds }, { services }) =>
    services.cases.restoreEvent(caseId, event, issueIds),
}

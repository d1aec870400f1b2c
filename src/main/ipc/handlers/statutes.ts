import type { statutesChannels } from '@shared/ipc/channels/statutes'
import type { HandlersFor } from '../types'

export const statutesHandlers: HandlersFor<keyof typeof statutesChannels> = {
  'statutes:list': async (filter, { services }) => services.statutes.list(filter),
  'statutes:add': async ({ statute, caseId }, { services }) => services.statutes.add(statute, { caseId }),
  'statutes:update': async ({ statuteId, patch }, { services }) => services.statutes.update(statuteId, patch),
  'statutes:import': async (req, { services }) => services.statutes.import(req),
  'statutes:link': async ({ caseId, statuteId }, { services }) => {
    await services.statutes.link(caseId, statuteId)
    return { linked: true as const }
  },
  'statutes:unlink': async ({ caseId, statuteId }, { services }) => {
    await services.statutes.unlink(caseId, statuteId)
    return { unlinked: true as const }
  },
}

import type { trashChannels } from '@shared/ipc/channels/trash'
import type { HandlersFor } from '../types'

export const trashHandlers: HandlersFor<keyof typeof trashChannels> = {
  'trash:list': async (_i, { services }) => services.trashBin.list(),
  'cases:remove': async ({ caseId }, { services }) => services.trashBin.removeCase(caseId),
  'statutes:trash': async ({ statuteId, force }, { services }) =>
    (await services.trashBin.removeStatute(statuteId, { force })).entry,
  'trash:restore': async ({ entryId }, { services }) => services.trashBin.restore(entryId),
  'trash:forget': async ({ entryId }, { services }) => services.trashBin.forget(entryId),
}

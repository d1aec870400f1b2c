import type { bundlesChannels } from '@shared/ipc/channels/bundles'
import type { HandlersFor } from '../types'
import { progressTo } from './progress'

export const bundlesHandlers: HandlersFor<keyof typeof bundlesChannels> = {
  'bundles:export': async ({ caseId, leaveOut, taskId }, { services, platform }) =>
    services.bundles.exportChosen(caseId, { leaveOut, taskId, onProgress: progressTo(platform, taskId) }, (name) =>
      platform.chooseSavePath('Export the case as a bundle', name),
    ),
  'bundles:inspect': async ({ taskId }, { services, platform }) =>
    services.bundles.chooseAndInspect({ taskId, onProgress: progressTo(platform, taskId) }, () =>
      platform.chooseFiles('Open a case bundle (.casefile)'),
    ),
  'bundles:import': async ({ ticket, onClash, taskId }, { services, platform }) =>
    services.bundles.importTicket(ticket, { onClash, taskId, onProgress: progressTo(platform, taskId) }),
  'keys:list': async (_i, { services }) => services.bundles.keys.list(),
  'keys:trust': async ({ fingerprint }, { services }) => services.bundles.keys.trust(fingerprint),
  'keys:remove': async ({ fingerprint }, { services }) => {
    await services.bundles.keys.remove(fingerprint)
    return { removed: true as const }
  },
}

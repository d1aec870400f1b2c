import type { bundlesChannels } from '@shared/ipc/channels/bundles'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'
import { progressTo } from './progress'

export const bundlesHandlers: HandlersFor<keyof typeof bundlesChannels> = {
  'bundles:export': async ({ caseId, leaveOut, taskId }, { services, platform, session }) =>
    services.bundles.exportChosen(caseId, { leaveOut, taskId, onProgress: progressTo(platform, taskId) }, (name) =>
      platform.chooseSavePath(dialogTitle(session, 'dialog.exportBundle'), name),
    ),
  'bundles:inspect': async ({ taskId }, { services, platform, session }) =>
    services.bundles.chooseAndInspect({ taskId, onProgress: progressTo(platform, taskId) }, () =>
      platform.chooseFiles(dialogTitle(session, 'dialog.openBundle')),
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

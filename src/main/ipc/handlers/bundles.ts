import type { bundlesChannels } from '@shared/ipc/channels/bundles'
import type { HandlerContext, HandlersFor } from '../types'

/** Progress of a task as `progress` pushes; none when the renderer gave no task id. */
function progressTo(platform: HandlerContext['platform'], taskId: string | undefined) {
  if (!taskId) return undefined
  return (label: string, done: number, total: number) => platform.emit('progress', { taskId, label, done, total })
}

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

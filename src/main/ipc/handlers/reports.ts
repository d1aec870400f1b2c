import type { reportsChannels } from '@shared/ipc/channels/reports'
import type { HandlersFor } from '../types'

export const reportsHandlers: HandlersFor<keyof typeof reportsChannels> = {
  'reports:custody': async ({ caseId, ...opts }, { services, platform }) =>
    services.reports.writeChosen(caseId, opts, (name) =>
      platform.chooseSavePath('Save the chain-of-custody report', name),
    ),
}

import type { reportsChannels } from '@shared/ipc/channels/reports'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'

export const reportsHandlers: HandlersFor<keyof typeof reportsChannels> = {
  'reports:custody': async ({ caseId, ...opts }, { services, platform, session }) =>
    services.reports.writeChosen(caseId, opts, (name) =>
      platform.chooseSavePath(dialogTitle(session, 'dialog.custodyReport'), name),
    ),
}

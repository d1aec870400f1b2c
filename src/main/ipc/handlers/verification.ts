import type { verificationChannels } from '@shared/ipc/channels/verification'
import type { HandlersFor } from '../types'
import { progressTo } from './progress'

export const verificationHandlers: HandlersFor<keyof typeof verificationChannels> = {
  'verification:inspect': async ({ caseId, evidenceId }, { services }) =>
    services.verification.inspect(caseId, evidenceId),
  'verification:duplicates': async ({ caseId }, { services }) => services.verification.duplicates(caseId),
  'verification:reread': async ({ caseId, evidenceId, taskId }, { services, platform }) =>
    services.verification.reread(
      { caseId, evidenceId },
      {
        taskId,
        onProgress: progressTo(platform, taskId),
      },
    ),
  'verification:sun': async (req, { services }) => services.verification.sun(req),
}

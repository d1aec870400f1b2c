import { appError } from '@shared/i18n/appError'
import type { briefingsChannels } from '@shared/ipc/channels/briefings'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'
import { progressTo } from './progress'

export const briefingsHandlers: HandlersFor<keyof typeof briefingsChannels> = {
  'briefings:list': async ({ caseId }, { services }) => services.briefings.list(caseId),
  'briefings:get': async ({ caseId, briefingId }, { services }) => services.briefings.get(caseId, briefingId),
  'briefings:create': async ({ caseId, template, ...opts }, { services }) =>
    services.briefings.createFromTemplate(caseId, template, opts),
  'briefings:update': async ({ caseId, briefingId, patch }, { services }) =>
    services.briefings.update(caseId, briefingId, patch),
  'briefings:duplicate': async ({ caseId, briefingId }, { services }) =>
    services.briefings.duplicate(caseId, briefingId),
  'briefings:remove': async ({ caseId, briefingId }, { services }) => {
    await services.briefings.remove(caseId, briefingId)
    return { removed: true as const }
  },
  'briefings:export': async ({ taskId, ...input }, { services, platform, session }) =>
    services.exports.interactive(
      { ...input, taskId },
      (name) =>
        platform.chooseSavePath(
          dialogTitle(session, input.format === 'docx' ? 'dialog.exportWord' : 'dialog.exportPdf'),
          name,
        ),
      (label, done, total) => progressTo(platform, taskId)?.(label, done, total),
    ),
  'briefings:importClearance': async ({ caseId }, { services, platform, session }) => {
    const chosen = await platform.chooseFiles(dialogTitle(session, 'dialog.importClearance'))
    if (!chosen?.length) throw appError('CANCELLED', 'errStorage:importCancelledNoFile')
    return services.exports.importClearance(caseId, chosen[0])
  },
  'briefings:openExport': async ({ path }, { services, platform }) => {
    // Only a memo this workspace exported: the renderer must not be able to launch arbitrary files.
    await services.exports.assertExported(path)
    await platform.openPath(path)
    return { opened: true }
  },
}

import type { analysisChannels } from '@shared/ipc/channels/analysis'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'

export const analysisHandlers: HandlersFor<keyof typeof analysisChannels> = {
  'annotations:export': async ({ caseId, evidenceId, ...opts }, { services, platform, session }) =>
    services.transcripts.exportChosen(caseId, evidenceId, opts, (name) =>
      platform.chooseSavePath(dialogTitle(session, 'dialog.exportAnnotations'), name),
    ),
  'annotations:import': async ({ caseId, evidenceId, tier }, { services, platform, session }) =>
    services.transcripts.importChosen(caseId, evidenceId, { tier }, () =>
      platform.chooseFiles(dialogTitle(session, 'dialog.importSubtitles')),
    ),
  'evidence:still': async ({ caseId, evidenceId, at, png, title }, { services }) =>
    services.derived.still(caseId, evidenceId, at, { png: png ? Buffer.from(png, 'base64') : undefined, title }),
  'evidence:clip': async ({ caseId, evidenceId, from, to, title, taskId }, { services }) =>
    services.tasks.run(taskId, (signal) => services.derived.clip(caseId, evidenceId, from, to, { title, signal })),

  'issues:list': async ({ caseId }, { services }) => services.issues.list(caseId),
  'issues:add': async ({ caseId, issue }, { services }) => services.issues.add(caseId, issue),
  'issues:update': async ({ caseId, issueId, patch, dropMissingLinks }, { services }) =>
    services.issues.update(caseId, issueId, patch, { dropMissingLinks }),
  'issues:link': async ({ caseId, issueId, links }, { services }) => services.issues.link(caseId, issueId, links),
  'issues:remove': async ({ caseId, issueId }, { services }) => {
    await services.issues.remove(caseId, issueId)
    return { removed: true as const }
  },
  'issues:restore': async ({ caseId, issue }, { services }) => services.issues.restore(caseId, issue),
  'cases:links': async ({ caseId }, { services }) => services.caseDetail.links(caseId),
}

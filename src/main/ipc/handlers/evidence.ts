import type { evidenceChannels } from '@shared/ipc/channels/evidence'
import { worded } from '@shared/i18n/appError'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'
import { progressTo } from './progress'

const removed = { removed: true as const }

export const evidenceHandlers: HandlersFor<keyof typeof evidenceChannels> = {
  'evidence:get': async ({ caseId, evidenceId }, { services }) => services.evidence.get(caseId, evidenceId),
  'evidence:add': async ({ caseId, item }, { services }) => services.evidence.add(caseId, item),
  'evidence:update': async ({ caseId, evidenceId, patch }, { services }) =>
    services.evidence.update(caseId, evidenceId, patch),
  'evidence:remove': async ({ caseId, evidenceId }, { services }) => {
    await services.evidence.remove(caseId, evidenceId)
    return removed
  },
  'evidence:pickAndImport': async ({ caseId, taskId, kind }, { services, platform, session }) =>
    services.evidence.importChosen(caseId, { kind, taskId, onProgress: progressTo(platform, taskId) }, () =>
      platform.chooseFiles(dialogTitle(session, 'dialog.importEvidence')),
    ),
  'evidence:uploadBegin': async ({ taskId, name, ...input }, { services, platform }) => {
    const progress = progressTo(platform, taskId)!
    return services.evidence.uploads.begin({
      ...input,
      taskId,
      name,
      onProgress: (done, total) => progress(worded('errMedia:progress.importing', { name }), done, total),
    })
  },
  'evidence:uploadChunk': async ({ uploadId, offset, data }, { services }) =>
    services.evidence.uploads.chunk(uploadId, offset, data),
  'evidence:uploadFinish': async ({ uploadId }, { services }) => services.evidence.uploads.finish(uploadId),
  'tasks:cancel': async ({ taskId }, { services }) => ({ cancelled: services.tasks.cancel(taskId) }),
  'evidence:blobUrl': async ({ caseId, evidenceId }, { services, platform }) =>
    services.evidence.blobUrl(caseId, evidenceId, platform.blobUrlBase),
  'evidence:verify': async ({ caseId, taskId }, { services, platform }) => {
    const progress = progressTo(platform, taskId)
    return services.evidence.verify({
      caseId,
      taskId,
      onProgress: progress && ((done, total) => progress(worded('errMedia:progress.verifying'), done, total)),
    })
  },

  'audit:verify': async (_i, { services }) => services.audit.verifyChain(),
  'audit:list': async ({ target, limit }, { services }) => services.audit.list({ target, limit }),

  'annotations:list': async ({ caseId, evidenceId }, { services }) => services.annotations.list(caseId, evidenceId),
  'annotations:add': async ({ caseId, evidenceId, annotation }, { services }) =>
    services.annotations.add(caseId, evidenceId, annotation),
  'annotations:update': async ({ caseId, evidenceId, annotationId, patch }, { services }) =>
    services.annotations.update(caseId, evidenceId, annotationId, patch),
  'annotations:remove': async ({ caseId, evidenceId, annotationId }, { services }) => {
    await services.annotations.remove(caseId, evidenceId, annotationId)
    return removed
  },

  'notes:list': async ({ caseId }, { services }) => services.notes.list(caseId),
  'notes:add': async ({ caseId, note }, { services }) => services.notes.add(caseId, note),
  'notes:update': async ({ caseId, noteId, patch }, { services }) => services.notes.update(caseId, noteId, patch),
  'notes:remove': async ({ caseId, noteId }, { services }) => {
    await services.notes.remove(caseId, noteId)
    return removed
  },
}

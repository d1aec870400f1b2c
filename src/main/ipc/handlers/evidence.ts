import type { EvidenceItem } from '../../../shared/domain'
import type { evidenceChannels } from '../../../shared/ipc/channels/evidence'
import type { ProgressPayload } from '../../../shared/ipc/contract'
import type { HandlerContext, HandlersFor } from '../types'

const removed = { removed: true as const }
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** Progress of a task as `progress` pushes; none when the renderer gave no task id. */
function progressTo(platform: HandlerContext['platform'], taskId: string | undefined, label: string) {
  if (!taskId) return undefined
  return (done: number, total: number) =>
    platform.emit('progress', { taskId, label, done, total } satisfies ProgressPayload)
}

export const evidenceHandlers: HandlersFor<keyof typeof evidenceChannels> = {
  'evidence:get': async ({ caseId, evidenceId }, { services }) => services.evidence.get(caseId, evidenceId),
  'evidence:add': async ({ caseId, item }, { services }) => services.evidence.add(caseId, item),
  'evidence:update': async ({ caseId, evidenceId, patch }, { services }) =>
    services.evidence.update(caseId, evidenceId, patch),
  'evidence:remove': async ({ caseId, evidenceId }, { services }) => {
    await services.evidence.remove(caseId, evidenceId)
    return removed
  },
  'evidence:pickAndImport': async ({ caseId, taskId, kind }, { services, platform }) => {
    await services.cases.caseDoc(caseId) // a wrong case fails before the dialog, not after
    const paths = await platform.chooseFiles('Import evidence files')
    if (!paths?.length) return { cancelled: true, items: [] }
    const items: EvidenceItem[] = []
    // One after the other: disks copy large files fastest sequentially, and one cancel stops the rest.
    await services.evidence.tasks.run(taskId, async (signal) => {
      for (const [i, path] of paths.entries()) {
        const label = `Importing ${i + 1} of ${paths.length}: ${fileName(path)}`
        items.push(
          await services.evidence.importFile(caseId, path, {
            kind,
            signal,
            onProgress: progressTo(platform, taskId, label),
          }),
        )
      }
    })
    return { cancelled: false, items }
  },
  'evidence:uploadBegin': async ({ caseId, taskId, name, size, mediaType, title, kind }, { services, platform }) =>
    services.evidence.uploads.begin({
      caseId,
      taskId,
      name,
      size,
      mediaType,
      title,
      kind,
      onProgress: progressTo(platform, taskId, `Importing ${name}`),
    }),
  'evidence:uploadChunk': async ({ uploadId, offset, data }, { services }) =>
    services.evidence.uploads.chunk(uploadId, offset, data),
  'evidence:uploadFinish': async ({ uploadId }, { services }) => services.evidence.uploads.finish(uploadId),
  'tasks:cancel': async ({ taskId }, { services }) => ({ cancelled: services.evidence.tasks.cancel(taskId) }),
  'evidence:blobUrl': async ({ caseId, evidenceId }, { services, platform }) =>
    services.evidence.blobUrl(caseId, evidenceId, platform.blobUrlBase),
  'evidence:verify': async ({ caseId, taskId }, { services, platform }) =>
    services.evidence.tasks.run(taskId, (signal) =>
      services.evidence.verify({ caseId, signal, onProgress: progressTo(platform, taskId, 'Verifying stored files') }),
    ),

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

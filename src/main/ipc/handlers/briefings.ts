import { extname } from 'node:path'
import type { briefingsChannels } from '../../../shared/ipc/channels/briefings'
import { AppError } from '../../../shared/ipc/result'
import { exportBriefingPdf } from '../../services/exportService'
import type { HandlersFor } from '../types'

/** "ECU-USA-2026-001 Briefing memo.pdf": a name the save dialog can offer as is. */
export function defaultExportName(reference: string, title: string): string {
  const base = [reference, title]
    .filter(Boolean)
    .join(' ')
    // Characters Windows, macOS or Linux refuse in file names, and control characters.
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return `${base || 'briefing'}.pdf`
}

export const briefingsHandlers: HandlersFor<keyof typeof briefingsChannels> = {
  'briefings:list': async ({ caseId }, { services }) => services.briefings.list(caseId),
  'briefings:get': async ({ caseId, briefingId }, { services }) => services.briefings.get(caseId, briefingId),
  'briefings:create': async ({ caseId, template, title }, { services }) =>
    services.briefings.createFromTemplate(caseId, template, title),
  'briefings:update': async ({ caseId, briefingId, patch }, { services }) =>
    services.briefings.update(caseId, briefingId, patch),
  'briefings:duplicate': async ({ caseId, briefingId }, { services }) =>
    services.briefings.duplicate(caseId, briefingId),
  'briefings:remove': async ({ caseId, briefingId }, { services }) => {
    await services.briefings.remove(caseId, briefingId)
    return { removed: true as const }
  },

  'briefings:export': async ({ caseId, briefingId, draft, taskId }, { services, platform }) => {
    const briefing = await services.briefings.get(caseId, briefingId)
    const c = (await services.cases.caseDoc(caseId)).data.case
    const chosen = await platform.chooseSavePath(
      'Export the memo as PDF',
      defaultExportName(c.reference, briefing.title),
    )
    if (!chosen) throw new AppError('CANCELLED', 'Export cancelled: no file was chosen.')
    const outPath = extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`
    const progress = (label: string, done: number, total: number) =>
      platform.emit('progress', { taskId, label, done, total })
    // Registered before the first progress event, so a Cancel pressed on seeing it reaches this export.
    return services.evidence.tasks.run(taskId, async (signal) => {
      progress('Preparing the memo', 0, 1)
      const result = await exportBriefingPdf(services, {
        caseId,
        briefingId,
        outPath,
        draft,
        signal,
        onProgress: (done, total, label) => progress(label, done, total),
      })
      progress('Done', 1, 1)
      return { path: result.path, sha256: result.sha256, pages: result.pages }
    })
  },

  'briefings:openExport': async ({ path }, { services, platform }) => {
    // Only a PDF this workspace exported: the renderer must not be able to launch arbitrary files.
    if (extname(path).toLowerCase() !== '.pdf' || !(await services.briefings.findExport(path))) {
      throw new AppError('FORBIDDEN', 'Only PDFs exported from this workspace can be opened from here.')
    }
    await platform.openPath(path)
    return { opened: true }
  },
}

import { WorkspaceStore, type StoreOptions } from '@main/storage/store'
import { createAnnotationsService } from './annotations/annotationsService'
import { createAuditLog } from './audit/auditLog'
import { createBriefingsService } from './briefings/briefingsService'
import { createCaseDetailService } from './caseDetail/caseDetailService'
import { createCasesService } from './cases/casesService'
import { ChangeBus } from './changes'
import { createCheckService } from './check/checkService'
import { randomId, type ServiceContext } from './context'
import { createDemoService } from './demo/demoService'
import { BLOBS_DIR, sweepIncoming } from './evidence/blobStore'
import { createEvidenceService } from './evidence/evidenceService'
import { createExportService } from './export/exportService'
import { createNotesService } from './notes/notesService'
import { createCustodyReportService } from './reports/custodyReportService'
import { createSearchService } from './search/index'
import { createSettingsService } from './settings/settingsService'
import { createStatuteLibrary } from './statutes/statuteLibrary'
import { createStatutesService } from './statutes/statutesService'
import { TaskRegistry } from './tasks'
import { createTrashBin } from './trash/trashBin'
import { createTrashService } from './trash/trashService'
import { createWorkspaceService } from './workspace/workspaceService'

export interface OpenOptions extends StoreOptions {
  newId?: (prefix: string) => string
}

/**
 * Every service over one workspace folder: what the window, the CLI, tests and
 * benches all drive. Each is built once, after the services it uses, so nothing
 * is wired together at run time.
 */
export async function openWorkspace(root: string, options: OpenOptions = {}) {
  const store = await WorkspaceStore.open(root, options)
  const ctx: ServiceContext = { store, now: store.now, newId: options.newId ?? randomId, changes: new ChangeBus() }
  try {
    const tasks = new TaskRegistry()
    const workspace = createWorkspaceService(ctx)
    await workspace.ensure()
    const audit = createAuditLog(ctx, () => workspace.userName())
    const library = createStatuteLibrary(ctx)
    const cases = createCasesService(ctx, workspace)
    const annotations = createAnnotationsService(ctx, cases.evidenceRecords)
    const evidence = createEvidenceService(ctx, { workspace, cases, audit, annotations, tasks })
    const notes = createNotesService(ctx, cases.noteRecords)
    const briefings = createBriefingsService(ctx, { cases, workspace, library })
    const statutes = createStatutesService(ctx, { library, cases, briefings })
    const caseDetail = createCaseDetailService({ cases, library, briefings })
    const exports = createExportService(ctx, {
      audit,
      workspace,
      cases,
      briefings,
      caseDetail,
      library,
      annotations,
      evidence,
      tasks,
    })
    const trash = createTrashService(ctx)
    const trashBin = createTrashBin({ trash, cases, statutes })
    const check = createCheckService({ workspace, library, cases, annotations, briefings, evidence, audit, trash })
    const demo = createDemoService({ workspace, cases, evidence, annotations, library, statutes, briefings })
    const settings = createSettingsService({ workspace, evidence })
    const reports = createCustodyReportService(ctx, { workspace, cases, audit })
    const search = createSearchService(ctx)
    // Not awaited: opening never waits on housekeeping, and a failure here costs only disk space.
    if (!store.readOnly) void sweepIncoming(store.resolve(BLOBS_DIR)).catch(() => undefined)
    return {
      ctx,
      /** The workspace folder, absolute. */
      root: store.root,
      /** Whether this opener may write (false: opened read-only, or the lock was lost). */
      get readOnly() {
        return store.readOnly
      },
      tasks,
      workspace,
      settings,
      trash,
      trashBin,
      audit,
      cases,
      caseDetail,
      annotations,
      evidence,
      notes,
      statutes,
      briefings,
      exports,
      reports,
      check,
      demo,
      search,
      close: async () => {
        // Stop what still writes into this workspace before its lock goes: drop unfinished uploads
        // (their temp files) and cancel imports, verifications and exports in flight.
        tasks.cancelAll()
        await evidence.uploads.abortAll()
        await search.close()
        await store.close()
      },
    }
  } catch (e) {
    await store.close()
    throw e
  }
}
export type Services = Awaited<ReturnType<typeof openWorkspace>>

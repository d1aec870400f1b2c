import { worded } from '@shared/i18n/appError'
import { layout } from '@main/storage/layout'
import { WorkspaceStore, type StoreOptions } from '@main/storage/store'
import { createAnnotationsService } from './annotations/annotationsService'
import { createTranscriptsService } from './annotations/transcripts'
import { createAuditLog } from './audit/auditLog'
import { createBriefingsService } from './briefings/briefingsService'
import { createBundlesService } from './bundles/bundlesService'
import { createCaseDetailService } from './caseDetail/caseDetailService'
import { createCasesService } from './cases/casesService'
import { ChangeBus } from './changes'
import { createCheckService } from './check/checkService'
import { randomId, type ServiceContext } from './context'
import { createDemoService } from './demo/demoService'
import { BLOBS_DIR, sweepIncoming } from './evidence/blobStore'
import { createDerivedExhibits } from './evidence/derivedExhibits'
import { createEvidenceService } from './evidence/evidenceService'
import { createExportService } from './export/exportService'
import { createIssuesService } from './issues/issuesService'
import { createNotesService } from './notes/notesService'
import { createCustodyReportService } from './reports/custodyReportService'
import { createRepairService } from './repair/repairService'
import { createSearchService } from './search/index'
import { createSettingsService } from './settings/settingsService'
import { createStatuteLibrary } from './statutes/statuteLibrary'
import { createStatutesService } from './statutes/statutesService'
import { TaskRegistry } from './tasks'
import { createAnalyser, type AnalyserOptions } from './verification/analyser'
import { createVerificationService } from './verification/verificationService'
import { storedFileOf } from './storedFiles'
import { createTrashBin } from './trash/trashBin'
import { createTrashService } from './trash/trashService'
import { createWorkspaceService } from './workspace/workspaceService'

export interface OpenOptions extends StoreOptions {
  newId?: (prefix: string) => string
  /** The file readers' tools (tests force the fallbacks); false: files are stored without being examined. */
  analysis?: AnalyserOptions | false
  /** Files above this many bytes are examined after their import returns (default 256 MiB; tests lower it). */
  examineInlineUpTo?: number
}

/**
 * Every service over one workspace folder: what the window, the CLI, tests and
 * benches all drive. Each is built once, after the services it uses, so nothing
 * is wired together at run time.
 */
export async function openWorkspace(root: string, options: OpenOptions = {}) {
  const store = await WorkspaceStore.open(root, { storedFile: storedFileOf, ...options })
  const ctx: ServiceContext = { store, now: store.now, newId: options.newId ?? randomId, changes: new ChangeBus() }
  try {
    const tasks = new TaskRegistry()
    const workspace = createWorkspaceService(ctx)
    const cases = createCasesService(ctx, workspace)
    // Before anything reads the index: a folder of cases without workspace.json gets it rebuilt, never emptied.
    await workspace.ensure(() => cases.onDisk())
    const audit = createAuditLog(ctx, () => workspace.userName())
    const library = createStatuteLibrary(ctx)
    const annotations = createAnnotationsService(ctx, cases.evidenceRecords)
    const analyser =
      options.analysis === false ? undefined : createAnalyser(ctx, { workspace, cases }, options.analysis)
    const evidence = createEvidenceService(ctx, {
      workspace,
      cases,
      audit,
      annotations,
      tasks,
      analyser,
      examineInlineUpTo: options.examineInlineUpTo,
    })
    const verification = createVerificationService({ workspace, cases, evidence, analyser, tasks })
    const notes = createNotesService(ctx, cases.noteRecords)
    const derived = createDerivedExhibits(evidence)
    const transcripts = createTranscriptsService({
      item: (caseId, evidenceId) => cases.evidenceRecords.get(caseId, evidenceId),
      list: annotations.list,
      addMany: annotations.addMany,
      userName: workspace.userName,
      now: ctx.now,
      workspaceRoot: ctx.store.root,
    })
    const issues = createIssuesService(ctx, {
      cases,
      records: cases.issueRecords,
      statuteExists: async (id) => (await library.getMany([id])).length > 0,
    })
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
    const bundles = createBundlesService(ctx, {
      workspace,
      cases,
      evidence,
      annotations,
      briefings,
      library,
      audit,
      trash,
      tasks,
    })
    const check = createCheckService(ctx, {
      workspace,
      library,
      cases,
      annotations,
      briefings,
      evidence,
      audit,
      bundles,
      trash,
    })
    const trashBin = createTrashBin({ trash, cases, statutes })
    await cases.setTrashedAway(trash)
    const demo = createDemoService({ workspace, cases, evidence, annotations, issues, library, statutes, briefings })
    const settings = createSettingsService({ workspace, evidence })
    const reports = createCustodyReportService(ctx, { workspace, cases, audit })
    const repair = createRepairService(ctx, { workspace, cases, evidence, audit, check })
    const search = createSearchService(ctx)
    // Custody changes a stop interrupted are completed (or dropped, if the case write never landed)
    // before anything else writes, so the case files and the audit log agree from the start.
    if (!store.readOnly) {
      const settled = await evidence.journal.replay().catch((e: Error) => ({
        waiting: [
          {
            file: layout.journalDir,
            kind: 'inconsistent' as const,
            ...worded('errStorage:interruptedEvidenceChangesCould', { reason: e.message }),
          },
        ],
      }))
      for (const p of settled.waiting) store.problems.report(p)
    }
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
      /** The statute library itself (statutes.json); the statutes service joins it with cases and briefings. */
      library,
      cases,
      caseDetail,
      annotations,
      transcripts,
      evidence,
      derived,
      verification,
      notes,
      issues,
      statutes,
      briefings,
      exports,
      reports,
      bundles,
      check,
      repair,
      demo,
      search,
      /** `stopExaminations`: the app lock, which stops files being examined instead of waiting for them. */
      close: async (opts: { stopExaminations?: boolean } = {}) => {
        // Stop what still writes into this workspace before its lock goes: drop unfinished uploads
        // (their temp files) and cancel imports, verifications and exports in flight.
        tasks.cancelAll()
        await evidence.uploads.abortAll()
        // An examination started after an import is waited for, so what it found is kept (the command
        // line's `evidence add` of a large file records it before the process ends); a lock stops it.
        await evidence.finishExaminations({ stop: opts.stopExaminations })
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

import { worded } from '@shared/i18n/appError'
import type { CheckReport, WorkspaceProblem } from '@shared/domain'
import { messageOf } from '@shared/ipc/result'
import { layout } from '@main/storage/layout'
import { staleTemps } from '@main/storage/leftovers'
import { annotationsDir } from '../annotations/annotationFiles'
import type { AnnotationsService } from '../annotations/annotationsService'
import { AUDIT_LOG, type AuditLog } from '../audit/auditLog'
import { briefingsDir } from '../briefings/briefingFiles'
import type { BriefingsService } from '../briefings/briefingsService'
import type { BundlesService } from '../bundles/bundlesService'
import { caseDir, caseFilePath } from '../cases/caseFiles'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import { BLOBS_DIR } from '../evidence/blobStore'
import { describeGap } from '../evidence/custodyGaps'
import type { EvidenceService } from '../evidence/evidenceService'
import { describeBlobProblem } from '../evidence/verify'
import type { StatuteLibrary } from '../statutes/statuteLibrary'
import type { TrashService } from '../trash/trashService'
import type { WorkspaceService } from '../workspace/workspaceService'

export interface CheckDeps {
  workspace: WorkspaceService
  library: StatuteLibrary
  cases: CasesService
  annotations: AnnotationsService
  briefings: BriefingsService
  evidence: EvidenceService
  audit: AuditLog
  bundles: BundlesService
  trash: TrashService
}

/** The folders a stop can leave temp files in: every folder the app writes files into. */
export function writtenFolders(caseIds: string[]): string[] {
  return [
    '',
    layout.journalDir,
    BLOBS_DIR,
    ...caseIds.flatMap((id) => [caseDir(id), annotationsDir(id), briefingsDir(id)]),
  ]
}

/**
 * Loads and validates every stored file of the workspace, each through the
 * service that owns it: the index, the statute library, each case with its
 * annotations and briefings, the audit log's hash chain, that every custody
 * entry has its audit entry, that every stored file still has its SHA-256, and
 * what a stop may have left (temp files, interrupted changes, half-made cases).
 * Problems are collected, never thrown: whatever a folder holds, each part is
 * checked and reported on its own, so one bad file hides nothing else.
 */
export function createCheckService(ctx: ServiceContext, deps: CheckDeps) {
  return {
    async run(): Promise<CheckReport> {
      const { workspace, library, cases, annotations, briefings, evidence, audit, bundles, trash } = deps
      const problems: WorkspaceProblem[] = []
      const guard = async <T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
        try {
          return await fn()
        } catch (e) {
          problems.push({
            file: what,
            kind: 'unreadable',
            ...worded('errStorage:couldChecked', { what, reason: messageOf(e) }),
          })
          return fallback
        }
      }
      let filesChecked = 2
      await guard('workspace.json', () => workspace.check(), false)
      const libraryLoads = await guard('statutes.json', () => library.check(), false)
      // The trust list and the trash index, when the workspace has them (their damage is recorded by the store).
      await guard('trusted-keys', () => bundles.check(), undefined)
      await guard('trash', () => trash.check(), undefined)
      const found = await guard('cases', () => cases.check(), {
        filesChecked: 0,
        folders: [] as string[],
        readable: [] as string[],
        stubs: [] as string[],
        unindexed: [] as string[],
        copies: [] as { id: string; holds: string }[],
        problems: [] as WorkspaceProblem[],
      })
      filesChecked += found.filesChecked
      // A library put back from an older backup can lack excerpts the cases link (removing one unlinks it, but
      // not from a case then in the trash).
      if (libraryLoads) {
        const held = new Set((await guard('statutes.json', () => library.list(), [])).map((x) => x.id))
        for (const caseId of found.readable) {
          const missing = (await guard(caseFilePath(caseId), () => cases.linkedStatuteIds(caseId), [])).filter(
            (id) => !held.has(id),
          )
          if (missing.length)
            problems.push({
              file: caseFilePath(caseId),
              kind: 'inconsistent',
              ...worded('errStorage:linksStatutesLibraryLacks', {
                file: caseFilePath(caseId),
                count: missing.length,
                list: missing.join(', '),
                caseId,
              }),
            })
        }
      }
      for (const caseId of found.folders) {
        if (found.stubs.includes(caseId)) continue
        filesChecked += await guard(
          annotationsDir(caseId),
          async () => (await annotations.check(caseId)).filesChecked,
          0,
        )
        filesChecked += await guard(briefingsDir(caseId), async () => (await briefings.check(caseId)).filesChecked, 0)
      }

      filesChecked++
      const chain = await guard(AUDIT_LOG, () => audit.verifyChain(), null)
      if (chain && !chain.ok)
        problems.push(
          chain.interrupted
            ? {
                file: AUDIT_LOG,
                kind: 'inconsistent',
                ...worded('errStorage:auditLogEndsEntry', { reason: chain.reason }),
              }
            : {
                file: AUDIT_LOG,
                kind: 'invalid',
                ...worded('errStorage:auditLogHashChain', { reason: chain.reason }),
              },
        )
      if (chain && (chain.ok || chain.interrupted)) {
        const gaps = await guard('custody', () => evidence.custodyGaps(found.readable), [])
        for (const g of gaps)
          problems.push({ file: caseFilePath(g.caseId), kind: 'inconsistent', message: describeGap(g) })
      }
      problems.push(...(await guard(layout.journalDir, () => evidence.journal.pending(), [])))

      const blobs = await guard(BLOBS_DIR, () => evidence.blobProblems(found.readable), [])
      for (const b of blobs)
        problems.push({
          file: `${BLOBS_DIR}/${b.expected}`,
          kind: b.status === 'missing' ? 'missing' : 'invalid',
          message: describeBlobProblem(b),
        })

      const temps = await guard('temp files', () => staleTemps(ctx.store.root, writtenFolders(found.folders)), [])
      for (const t of temps)
        problems.push({
          file: t.file,
          kind: 'inconsistent',
          ...(t.importCopy
            ? worded('errStorage:importNeverFinished', { file: t.file })
            : worded(t.conversionCopy ? 'errStorage:conversionNeverFinished' : 'errStorage:tempFileWriteNever', {
                file: t.file,
                of: t.of,
              })),
        })

      // The audit log's state is the chain check's to say (an append refused earlier reported it too).
      const stored = workspace.problems().filter((p) => p.file !== AUDIT_LOG)
      return { filesChecked, problems: [...stored, ...found.problems, ...problems] }
    },
  }
}
export type CheckService = ReturnType<typeof createCheckService>

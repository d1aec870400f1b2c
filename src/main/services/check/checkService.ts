import type { CheckReport, WorkspaceProblem } from '@shared/domain'
import type { AnnotationsService } from '../annotations/annotationsService'
import { AUDIT_LOG, type AuditLog } from '../audit/auditLog'
import type { BriefingsService } from '../briefings/briefingsService'
import { caseFilePath } from '../cases/caseFiles'
import type { CasesService } from '../cases/casesService'
import { describeGap } from '../evidence/custodyGaps'
import type { EvidenceService } from '../evidence/evidenceService'
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
  trash: TrashService
}

/**
 * Loads and validates every stored file of the workspace, each through the
 * service that owns it: the index, the statute library, each case with its
 * annotations and briefings, the audit log's hash chain, and that every custody
 * entry has its audit entry. Problems are collected, not thrown, so one bad
 * file does not hide the others.
 */
export function createCheckService(deps: CheckDeps) {
  return {
    async run(): Promise<CheckReport> {
      const { workspace, library, cases, annotations, briefings, evidence, audit, trash } = deps
      let filesChecked = 2
      await workspace.check()
      await library.check()
      // The trash index, when the workspace has one (its damage is recorded by the store).
      await trash.check()
      const found = await cases.check()
      filesChecked += found.filesChecked
      for (const caseId of found.folders) {
        filesChecked += (await annotations.check(caseId)).filesChecked
        filesChecked += (await briefings.check(caseId)).filesChecked
      }
      filesChecked++
      const chain = await audit.verifyChain()
      const auditProblems: WorkspaceProblem[] = chain.ok
        ? (await evidence.custodyGaps(found.readable)).map((g) => ({
            file: caseFilePath(g.caseId),
            kind: 'inconsistent' as const,
            message: describeGap(g),
          }))
        : [{ file: AUDIT_LOG, kind: 'invalid', message: `The audit log's hash chain is broken: ${chain.reason}.` }]
      return { filesChecked, problems: [...workspace.problems(), ...found.problems, ...auditProblems] }
    },
  }
}
export type CheckService = ReturnType<typeof createCheckService>

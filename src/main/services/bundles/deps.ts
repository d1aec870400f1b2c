import type { AnnotationsService } from '../annotations/annotationsService'
import type { AuditLog } from '../audit/auditLog'
import type { BriefingsService } from '../briefings/briefingsService'
import type { CasesService } from '../cases/casesService'
import type { EvidenceService } from '../evidence/evidenceService'
import type { StatuteLibrary } from '../statutes/statuteLibrary'
import type { TaskRegistry } from '../tasks'
import type { TrashService } from '../trash/trashService'
import type { WorkspaceService } from '../workspace/workspaceService'

/**
 * The owners a bundle reads from and writes through. Notes and the case's actors
 * and events travel inside the case file, which the cases service owns.
 */
export interface BundlesDeps {
  workspace: WorkspaceService
  cases: CasesService
  evidence: EvidenceService
  annotations: AnnotationsService
  briefings: BriefingsService
  library: StatuteLibrary
  audit: AuditLog
  trash: TrashService
  tasks: TaskRegistry
}

import { layout } from '../../storage/layout'
import type { CasesService } from '../casesService'
import type { ServiceContext } from '../context'
import type { WorkspaceService } from '../workspaceService'
import { createAnnotationsService } from './annotationsService'
import { createAuditLog } from './auditLog'
import { sweepIncoming } from './blobStore'
import { createEvidenceService } from './evidenceService'
import { createNotesService } from './notesService'
import { createUploads } from './uploads'
import { createVerifier } from './verify'

/** The evidence area's services over one workspace: composed once by openWorkspace. */
export function createEvidenceServices(ctx: ServiceContext, workspace: WorkspaceService, cases: CasesService) {
  const audit = createAuditLog(ctx, () => workspace.userName())
  const annotations = createAnnotationsService(ctx, cases)
  const evidence = createEvidenceService(ctx, workspace, cases, audit, annotations)
  const uploads = createUploads(ctx, cases, evidence)
  const verify = createVerifier(ctx, cases, evidence, audit)
  const notes = createNotesService(ctx, cases)
  // Not awaited: opening never waits on housekeeping, and a failure here costs only disk space.
  if (!ctx.store.readOnly) void sweepIncoming(ctx.store.resolve(layout.blobsDir)).catch(() => undefined)
  return { audit, annotations, evidence: Object.assign(evidence, { verify, uploads }), notes }
}

/**
 * Reading an evidence file and keeping what was read: the examination (the
 * analyser's readers, weighed against what the item claims), its record with
 * the item and the audit log, and the examinations that run after an import.
 */
import { appError } from '@shared/i18n/appError'
import { join } from 'node:path'
import { ANALYSIS_VERSION, EvidenceItem, FileAnalysis } from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { Analyser } from '../verification/analyser'
import { createBackgroundExaminations } from './backgroundExaminations'
import { BLOBS_DIR } from './blobStore'
import { evidenceTarget } from './custodyGaps'
import { withFileSource } from './fileSources'
import { examinationSummary, withExamination } from './itemChanges'

/** What an item claims that a file's contents are weighed against. */
export type Claimed = Pick<EvidenceItem, 'id' | 'kind' | 'eventDate' | 'eventIds'>

export function createExaminations(
  ctx: ServiceContext,
  {
    analyser,
    audit,
    records,
    get,
  }: {
    analyser?: Analyser
    audit: AuditLog
    records: CasesService['evidenceRecords']
    get: (caseId: string, evidenceId: string) => Promise<EvidenceItem>
  },
) {
  const blobsDir = () => ctx.store.resolve(BLOBS_DIR)

  /** An analysis with its warnings against the item's claims. */
  async function weigh(caseId: string, item: Claimed, a: FileAnalysis): Promise<FileAnalysis> {
    const { warnings } = await analyser!.warningsFor(caseId, item, a)
    return FileAnalysis.parse({ ...a, warnings })
  }

  /**
   * Examines a stored blob, sealed or not (or, with `path`, the file it was copied from) and weighs it
   * against the item's claims.
   */
  async function examine(
    caseId: string,
    item: Claimed | null,
    file: EvidenceItem['file'] & object,
    signal?: AbortSignal,
    path = join(blobsDir(), file.sha256),
  ): Promise<FileAnalysis | undefined> {
    if (!analyser) return undefined
    try {
      const a = await withFileSource(path, (src) => analyser.analyse(src, file, { signal }))
      if (signal?.aborted) throw appError('CANCELLED', 'errMedia:examinationCancelled')
      return item ? await weigh(caseId, item, a) : a
    } catch (e) {
      if (signal?.aborted || (e instanceof AppError && e.code === 'CANCELLED')) throw e
      // Reading never fails an import: what broke is kept as the reason.
      return FileAnalysis.parse({
        version: ANALYSIS_VERSION,
        sha256: file.sha256,
        analysedAt: nowIso(ctx),
        metadata: { status: 'unreadable', reason: `No metadata found: the examination failed (${messageOf(e)}).` },
        c2pa: { status: 'error', reason: 'not examined' },
        fingerprint: { status: 'skipped', reason: 'not examined' },
      })
    }
  }

  /** The audit note of an examination on request (no custody entry: the file itself was not touched). */
  async function auditExamination(caseId: string, evidenceId: string, a: FileAnalysis) {
    await audit.append({
      action: 'examined',
      target: evidenceTarget(caseId, evidenceId),
      detail: { sha256: a.sha256, ...examinationSummary(a) },
    })
  }

  /** Keeps an examination with the item as it stands now: the technical check notes it, the audit log too. */
  async function keepExamination(caseId: string, evidenceId: string, analysis: FileAnalysis) {
    const at = nowIso(ctx)
    const out = await records.update(caseId, evidenceId, (current) =>
      EvidenceItem.parse({
        ...current,
        analysis,
        verification: withExamination(current.verification, analysis),
        updatedAt: at,
      }),
    )
    await auditExamination(caseId, evidenceId, analysis)
    ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: evidenceId })
    return out
  }

  const background = createBackgroundExaminations({
    examine: async (caseId, item, signal, path) => {
      // Weighed against the claims as they stand once the file has been read, not as imported.
      const a = await examine(caseId, null, item.file!, signal, path)
      return a && weigh(caseId, await get(caseId, item.id), { ...a, sha256: item.file!.sha256 })
    },
    keep: async (caseId, evidenceId, analysis) => {
      ctx.store.assertWritable()
      await keepExamination(caseId, evidenceId, analysis)
    },
    over: (caseId, evidenceId) => ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: evidenceId }),
  })

  return { weigh, examine, keep: keepExamination, background }
}

import { stat } from 'node:fs/promises'
import type { BlobCheck, VerifyReport } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import { blobPathIn, BLOBS_DIR, hashFile, throttle, type Progress } from './blobStore'
import { custodyGapsIn } from './custodyGaps'
import type { EvidenceCore } from './evidenceService'

/**
 * Re-hashes every stored file of a case (or of every case), checks the audit
 * chain and that every custody entry of those cases is in it. Each result is recorded as custody ('hash verified' / 'hash mismatch')
 * and in the audit log, unless the workspace is open read-only.
 */
export function createVerifier(ctx: ServiceContext, cases: CasesService, evidence: EvidenceCore, audit: AuditLog) {
  /** As task `taskId` when given, so the window can cancel it. */
  return async function verify(
    opts: { caseId?: string; taskId?: string; signal?: AbortSignal; onProgress?: Progress } = {},
  ): Promise<VerifyReport> {
    if (opts.taskId) {
      const { taskId, ...rest } = opts
      return evidence.tasks.run(taskId, (signal) => verify({ ...rest, signal }))
    }
    const caseIds = opts.caseId ? [opts.caseId] : (await cases.list()).map((c) => c.id)
    const work: { caseId: string; id: string; title: string; sha256: string; size: number }[] = []
    for (const caseId of caseIds) {
      for (const e of await cases.evidenceRecords.list(caseId)) {
        if (e.file) work.push({ caseId, id: e.id, title: e.title, sha256: e.file.sha256, size: e.file.size })
      }
    }
    const total = work.reduce((n, w) => n + w.size, 0)
    const progress = throttle(opts.onProgress)
    const blobs = ctx.store.resolve(BLOBS_DIR)
    const items: BlobCheck[] = []
    // Identical files are stored once; hash each blob once however many items share it.
    const seen = new Map<string, string | null>()
    let done = 0
    for (const w of work) {
      if (opts.signal?.aborted) throw new AppError('CANCELLED', 'Verification was cancelled.')
      let actual = seen.get(w.sha256)
      if (actual === undefined) {
        const path = blobPathIn(blobs, w.sha256)
        actual = (await stat(path)
          .then((s) => s.isFile())
          .catch(() => false))
          ? await hashFile(path)
          : null
        seen.set(w.sha256, actual)
      }
      done += w.size
      progress.report(done, total)
      const status = actual === null ? 'missing' : actual === w.sha256 ? 'ok' : 'mismatch'
      items.push({
        caseId: w.caseId,
        evidenceId: w.id,
        title: w.title,
        status,
        expected: w.sha256,
        ...(actual ? { actual } : {}),
      })
    }
    progress.flush(total, total)

    if (!ctx.store.readOnly) {
      for (const r of items) {
        const detail =
          r.status === 'ok'
            ? 'Stored file re-hashed; SHA-256 matches the one recorded at import.'
            : r.status === 'missing'
              ? `The stored file blobs/${r.expected} is missing.`
              : `Stored file re-hashed; SHA-256 is ${r.actual}, not the ${r.expected} recorded at import.`
        const entry = await evidence.custodyEntry(
          r.status === 'ok' ? 'hash verified' : 'hash mismatch',
          detail,
          r.actual ?? r.expected,
        )
        await evidence.appendCustody(r.caseId, r.evidenceId, [entry], {
          status: r.status,
          expected: r.expected,
          actual: r.actual ?? null,
        })
      }
    }
    const chain = await audit.verifyChain()
    const gaps = chain.ok ? await custodyGapsIn(cases.evidenceRecords, audit, caseIds) : []
    const problems = items.filter((r) => r.status !== 'ok')
    return {
      checked: items.length,
      ok: problems.length === 0 && chain.ok && gaps.length === 0,
      items,
      problems,
      audit: chain,
      custodyGaps: gaps,
    }
  }
}

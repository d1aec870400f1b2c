import { appError } from '@shared/i18n/appError'
import { lstat } from 'node:fs/promises'
import type { BlobCheck, VerifyReport } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import { assertOwnBlobsFolder, blobPathIn, BLOBS_DIR, hashFile, throttle, type Progress } from './blobStore'
import { custodyGapsIn } from './custodyGaps'
import type { EvidenceCore } from './evidenceService'

interface Work {
  caseId: string
  id: string
  title: string
  sha256: string
  size: number
}

/** The items holding a file in these cases; a case that cannot be read is listed apart, and the rest go on. */
async function blobWork(
  cases: CasesService,
  caseIds: string[],
): Promise<{ work: Work[]; unreadable: { caseId: string; message: string }[] }> {
  const work: Work[] = []
  const unreadable: { caseId: string; message: string }[] = []
  for (const caseId of caseIds) {
    try {
      for (const e of await cases.evidenceRecords.list(caseId))
        if (e.file) work.push({ caseId, id: e.id, title: e.title, sha256: e.file.sha256, size: e.file.size })
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      unreadable.push({ caseId, message: e.message })
    }
  }
  return { work, unreadable }
}

/**
 * Re-hashes the stored file of each item (each distinct blob once). A blob that is not a
 * regular file of the blob store (missing, a folder, a link) is 'missing'.
 */
async function hashBlobs(
  ctx: ServiceContext,
  work: Work[],
  opts: { signal?: AbortSignal; onProgress?: Progress } = {},
): Promise<BlobCheck[]> {
  const total = work.reduce((n, w) => n + w.size, 0)
  const progress = throttle(opts.onProgress)
  const blobs = ctx.store.resolve(BLOBS_DIR)
  // Never hash files through a blobs/ that leads out of the workspace.
  await assertOwnBlobsFolder(blobs)
  const items: BlobCheck[] = []
  const seen = new Map<string, string | null>()
  let done = 0
  for (const w of work) {
    if (opts.signal?.aborted) throw appError('CANCELLED', 'errMedia:verificationCancelled')
    let actual = seen.get(w.sha256)
    if (actual === undefined) {
      const path = blobPathIn(blobs, w.sha256)
      actual = (await lstat(path)
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
  return items
}

/** One line a person can act on for a blob that is missing or altered. */
export const describeBlobProblem = (b: BlobCheck) =>
  b.status === 'missing'
    ? `The stored file of evidence "${b.title}" (${b.evidenceId}) in case ${b.caseId} is missing from the blob store (blobs/${b.expected}).`
    : `The stored file of evidence "${b.title}" (${b.evidenceId}) in case ${b.caseId} was altered: its SHA-256 is ${b.actual}, not the ${b.expected} recorded at import.`

/** Blobs of these cases (or only these items) that are missing or altered; records nothing (check, export). */
export async function blobProblems(
  ctx: ServiceContext,
  cases: CasesService,
  caseIds: string[],
  only?: Set<string>,
): Promise<BlobCheck[]> {
  const { work } = await blobWork(cases, caseIds)
  return (await hashBlobs(ctx, only ? work.filter((w) => only.has(w.id)) : work)).filter((b) => b.status !== 'ok')
}

/**
 * Re-hashes every stored file of a case (or of every case), checks the audit
 * chain and that every custody entry of those cases is in it. Each result is recorded as custody ('hash verified' / 'hash mismatch')
 * and in the audit log, unless the workspace is open read-only. A case that cannot be read is
 * reported (unreadableCases) and the others are still verified.
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
    const { work, unreadable } = await blobWork(cases, caseIds)
    const items = await hashBlobs(ctx, work, opts)
    let chain = await audit.verifyChain()
    // An interrupted append is no break: the first record sets its fragment aside.
    const recordable = !ctx.store.readOnly && (chain.ok || !!chain.interrupted)
    if (recordable) {
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
      chain = await audit.verifyChain()
    }
    const readable = caseIds.filter((id) => !unreadable.some((u) => u.caseId === id))
    const gaps = chain.ok ? await custodyGapsIn(cases.evidenceRecords, audit, readable) : []
    const problems = items.filter((r) => r.status !== 'ok')
    return {
      checked: items.length,
      ok: problems.length === 0 && chain.ok && gaps.length === 0 && unreadable.length === 0,
      items,
      problems,
      audit: chain,
      custodyGaps: gaps,
      unreadableCases: unreadable,
      ...(recordable ? {} : { notRecorded: notRecordedReason(ctx, chain.ok) }),
    }
  }
}

const notRecordedReason = (ctx: ServiceContext, chainOk: boolean) =>
  ctx.store.readOnly
    ? `the workspace is open read-only (${ctx.store.readOnlyReason ?? 'read-only'})`
    : chainOk
      ? ''
      : 'the audit log is broken, so nothing more is recorded in it until the break is acknowledged'

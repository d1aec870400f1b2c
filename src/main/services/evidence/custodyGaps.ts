import type { CustodyGap, EvidenceItem } from '@shared/domain'
import type { AuditLog } from '../audit/auditLog'
import type { CaseRecords } from '../cases/caseRecords'

export const evidenceTarget = (caseId: string, evidenceId: string) => `evidence:${caseId}/${evidenceId}`

/**
 * Custody entries whose twin is missing from the audit log. An item's custody is
 * saved with its case, then appended to the log: if the app stops between the two
 * writes, the entry exists only in the case file, and this is where that shows.
 * Entries are matched by item, action and hash, each audit entry used once.
 */
export async function custodyGapsIn(
  records: CaseRecords<EvidenceItem>,
  audit: AuditLog,
  caseIds: string[],
): Promise<CustodyGap[]> {
  const key = (target: string, action: string, sha256: unknown) => `${target}\u0000${action}\u0000${sha256 ?? ''}`
  const logged = new Map<string, number>()
  for (const e of await audit.list()) {
    const k = key(e.target, e.action, e.detail.sha256)
    logged.set(k, (logged.get(k) ?? 0) + 1)
  }
  const out: CustodyGap[] = []
  for (const caseId of caseIds) {
    // A case that cannot be read is reported by whoever tried to read it.
    const items = await records.list(caseId).catch(() => [] as readonly EvidenceItem[])
    for (const item of items) {
      for (const c of item.custody) {
        const k = key(evidenceTarget(caseId, item.id), c.action, c.sha256)
        const n = logged.get(k) ?? 0
        if (n > 0) logged.set(k, n - 1)
        else
          out.push({
            caseId,
            evidenceId: item.id,
            title: item.title,
            action: c.action,
            at: c.at,
            ...(c.sha256 ? { sha256: c.sha256 } : {}),
          })
      }
    }
  }
  return out
}

/** One line a person can act on. */
export const describeGap = (g: CustodyGap) =>
  `Custody entry "${g.action}" of ${g.at} on evidence "${g.title}" (${g.evidenceId}) in case ${g.caseId} has no entry in the audit log (the app may have stopped between the two writes).`

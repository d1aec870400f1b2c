/**
 * What an evidence item's changes amount to, as pure functions over records: a
 * patch applied, the fields it changed, a verification's moves, an examination's
 * summary for the audit log and its line in the technical check.
 */
import {
  appendTechnicalLine,
  EvidenceItem,
  EvidencePatch,
  type FileAnalysis,
  technicalCheckLine,
  type Verification,
} from '@shared/domain'

const CHECKS = ['source', 'technical', 'content'] as const

/** The technical check with the examination's labelled, dated line added. */
export function withExamination(v: Verification, a: FileAnalysis): Verification {
  return {
    ...v,
    technical: { ...v.technical, reasoning: appendTechnicalLine(v.technical.reasoning, technicalCheckLine(a)) },
  }
}

export function examinationSummary(a: FileAnalysis): Record<string, unknown> {
  return {
    metadata: a.metadata.status,
    facts: a.metadata.facts.length,
    readers: a.metadata.readers,
    c2pa: a.c2pa.status,
    fingerprint:
      a.fingerprint.status === 'done'
        ? a.fingerprint.kind === 'video'
          ? `${a.fingerprint.times.length} keyframes`
          : 'image'
        : 'none',
    warnings: a.warnings.map((w) => w.code),
  }
}

export function describeVerification(before: Verification, after: Verification): string[] {
  const out: string[] = []
  if (before.status !== after.status) out.push(`overall: ${before.status} -> ${after.status}`)
  for (const k of CHECKS)
    if (before[k].status !== after[k].status) out.push(`${k}: ${before[k].status} -> ${after[k].status}`)
  return out
}

export function changedFields(before: EvidenceItem, after: EvidenceItem): string[] {
  const keys = Object.keys(EvidencePatch.shape) as (keyof EvidenceItem)[]
  const out: string[] = []
  for (const k of keys) {
    if (k === 'verification') {
      const b = before.verification
      const a = after.verification
      if (b.reasoning !== a.reasoning || CHECKS.some((c) => b[c].reasoning !== a[c].reasoning))
        out.push('verification reasoning')
    } else if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out.push(k)
  }
  return out
}

export function applyPatch(item: EvidenceItem, patch: EvidencePatch, at: string): EvidenceItem {
  const p = EvidencePatch.parse(patch)
  const next: Record<string, unknown> = { ...item, updatedAt: at }
  for (const [k, v] of Object.entries(p)) {
    if (k === 'verification' || v === undefined) continue
    if (v === null) delete next[k]
    else next[k] = v
  }
  if (p.verification) {
    const v = p.verification
    const merged: Verification = { ...item.verification }
    if (v.status !== undefined) merged.status = v.status
    if (v.reasoning !== undefined) merged.reasoning = v.reasoning
    for (const c of CHECKS) {
      const part = v[c]
      if (part)
        merged[c] = {
          status: part.status ?? item.verification[c].status,
          reasoning: part.reasoning ?? item.verification[c].reasoning,
        }
    }
    next.verification = merged
  }
  return EvidenceItem.parse(next)
}

import { appError } from '@shared/i18n/appError'
import { extname } from 'node:path'
import {
  CustodyReport,
  ReportFormat,
  type AuditEntry,
  type CustodyReportEntry,
  type EvidenceItem,
  type Language,
} from '@shared/domain'
import { renderCustodyReportPdf } from '@main/pdf/custodyReport'
import { csv } from '@main/formats/csv'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import { evidenceTarget } from '../evidence/custodyGaps'
import type { WorkspaceService } from '../workspace/workspaceService'
import { fileNameFor, withExtension, writeOutput } from '../outputs'

/** Pairs each custody entry with its audit twin: same item, action and hash, in order, each audit entry used once. */
function withAudit(item: EvidenceItem, logged: AuditEntry[]): CustodyReportEntry[] {
  const used = new Set<number>()
  return item.custody.map((c) => {
    const twin = logged.find(
      (a) => !used.has(a.seq) && a.action === c.action && (a.detail.sha256 ?? undefined) === c.sha256,
    )
    if (!twin) return { ...c }
    used.add(twin.seq)
    return { ...c, audit: { seq: twin.seq, hash: twin.hash, prevHash: twin.prevHash } }
  })
}

const CSV_COLUMNS = [
  'case_id',
  'case_reference',
  'exhibit',
  'evidence_id',
  'title',
  'file_sha256',
  'file_size',
  'media_type',
  'original_name',
  'entry',
  'at',
  'actor',
  'action',
  'detail',
  'entry_sha256',
  'audit_seq',
  'audit_hash',
  'audit_prev_hash',
] as const

export function custodyReportCsv(report: CustodyReport): string {
  const rows: unknown[][] = [[...CSV_COLUMNS]]
  for (const e of report.exhibits)
    e.custody.forEach((c, i) =>
      rows.push([
        report.case.id,
        report.case.reference,
        e.number,
        e.evidenceId,
        e.title,
        e.file?.sha256,
        e.file?.size,
        e.file?.mediaType,
        e.file?.originalName,
        i + 1,
        c.at,
        c.actor,
        c.action,
        c.detail,
        c.sha256,
        c.audit?.seq,
        c.audit?.hash,
        c.audit?.prevHash,
      ]),
    )
  return csv(rows)
}

/**
 * The chain-of-custody report of a case, for a court's technical expert: each
 * exhibit's file facts and every custody entry with the audit-log entry that
 * proves it, as PDF, CSV or JSON. Making one is itself recorded in the audit log
 * with the report's SHA-256.
 */
export function createCustodyReportService(
  ctx: ServiceContext,
  deps: { workspace: WorkspaceService; cases: CasesService; audit: AuditLog },
) {
  const { workspace, cases, audit } = deps

  async function model(caseId: string, language?: Language): Promise<CustodyReport> {
    const content = await cases.content(caseId)
    const entries = await audit.list()
    const chain = await audit.verifyChain()
    const head = entries.at(-1)
    const byTarget = new Map<string, AuditEntry[]>()
    for (const a of entries) byTarget.set(a.target, [...(byTarget.get(a.target) ?? []), a])
    return CustodyReport.parse({
      format: 'casefile-custody-report',
      version: 1,
      generatedAt: ctx.now().toISOString(),
      generatedBy: await workspace.userName(),
      language: language ?? (await workspace.settings()).memoLanguage,
      workspace: (await workspace.info()).name,
      case: {
        id: content.case.id,
        title: content.case.title,
        reference: content.case.reference,
        classification: content.case.classification,
      },
      audit: {
        ok: chain.ok,
        entries: chain.entries,
        headSeq: head?.seq ?? -1,
        headHash: head?.hash ?? '',
        ...(chain.reason ? { reason: chain.reason } : {}),
      },
      exhibits: content.evidence.map((item, i) => {
        const first = item.custody[0]
        const check = [...item.custody]
          .reverse()
          .find((c) => c.action === 'hash verified' || c.action === 'hash mismatch')
        return {
          number: i + 1,
          evidenceId: item.id,
          title: item.title,
          kind: item.kind,
          sourceUrl: item.sourceUrl,
          ...(item.file ? { file: item.file } : {}),
          verification: item.verification.status,
          ...(first ? { received: { at: first.at, actor: first.actor, action: first.action } } : {}),
          custody: withAudit(item, byTarget.get(evidenceTarget(caseId, item.id)) ?? []),
          ...(check ? { latestCheck: { at: check.at, actor: check.actor, result: check.action } } : {}),
        }
      }),
    })
  }

  const service = {
    model,

    /**
     * Writes the report to `outPath` (format from `format`, else the file's extension: .pdf, .csv, .json),
     * durably, and records it in the audit log with its SHA-256.
     */
    async write(
      caseRef: string,
      opts: { outPath: string; format?: ReportFormat; language?: Language; deterministic?: boolean },
    ): Promise<{ path: string; format: ReportFormat; sha256: string; bytes: number; exhibits: number }> {
      ctx.store.assertWritable()
      const caseId = await cases.resolve(caseRef)
      const ext = extname(opts.outPath).slice(1).toLowerCase()
      const parsed = ReportFormat.safeParse(opts.format ?? ext)
      if (!parsed.success) throw appError('VALIDATION', 'errRecords:reportWrittenPdfCsv')
      const format = parsed.data
      const report = await model(caseId, opts.language)
      const bytes =
        format === 'pdf'
          ? (await renderCustodyReportPdf(report, { deterministic: opts.deterministic })).buffer
          : Buffer.from(format === 'csv' ? custodyReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`, 'utf8')
      const { path, sha256 } = await writeOutput(opts.outPath, bytes, ctx.store.root)
      await audit.append({
        action: 'custody report',
        target: `case:${caseId}`,
        detail: { sha256, format, file: path, exhibits: report.exhibits.length, auditHead: report.audit.headHash },
      })
      return { path, format, sha256, bytes: bytes.length, exhibits: report.exhibits.length }
    },

    /** The window's action: asks where to save (`choosePath`), then writes. CANCELLED when no file is chosen. */
    async writeChosen(
      caseId: string,
      opts: { format: ReportFormat; language?: Language },
      choosePath: (defaultName: string) => Promise<string | null>,
    ) {
      const c = await cases.getCase(caseId)
      const chosen = await choosePath(fileNameFor([c.reference, 'custody report'], opts.format, 'custody report'))
      if (!chosen) throw appError('CANCELLED', 'errRecords:noFileChosenNo')
      return service.write(caseId, {
        outPath: withExtension(chosen, opts.format),
        format: opts.format,
        language: opts.language,
      })
    },
  }
  return service
}
export type CustodyReportService = ReturnType<typeof createCustodyReportService>

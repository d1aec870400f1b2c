import { appError } from '@shared/i18n/appError'
import { createHash } from 'node:crypto'
import { lstat, readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import {
  citationsIn,
  Clearance,
  formatLongDate,
  type Annotation,
  type Briefing,
  type CitationAttrs,
  type EvidenceItem,
  type ExportRecord,
  type ExportResult,
} from '@shared/domain'
import { translator } from '@shared/i18n'
import { AppError } from '@shared/ipc/result'
import { exportIdOf, isReleaseCopy, paragraphChanges, paragraphsOf, readClearance } from '@main/docx/clearance'
import { readDocxParts } from '@main/docx/readDocx'
import { releaseRules } from '@main/memo/release'
import type { Letterhead } from '@main/memo/input'
import type { AnnotationsService } from '../annotations/annotationsService'
import type { AuditLog } from '../audit/auditLog'
import type { BriefingsService } from '../briefings/briefingsService'
import type { CaseDetailService } from '../caseDetail/caseDetailService'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import type { EvidenceService } from '../evidence/evidenceService'
import { describeBlobProblem } from '../evidence/verify'
import type { StatuteLibrary } from '../statutes/statuteLibrary'
import type { WorkspaceService } from '../workspace/workspaceService'
import { fileNameFor, prepareOutput, withExtension, writeOutput } from '../outputs'
import type { ProgressReport, TaskRegistry } from '../tasks'
import { readBlobFile } from '@main/storage/crypto/blobFiles'

export interface ExportBriefingOptions {
  /** A case id or its reference. */
  caseId: string
  /** The case's most recently changed briefing when omitted. */
  briefingId?: string
  /** Any path the user picked; written durably (temp file, fsync, rename). */
  outPath: string
  /** Adds the DRAFT watermark to a final briefing too; a draft always carries it. */
  draft?: boolean
  /** Refuse unless the briefing is final (a memo meant to go out must not leave as a draft). */
  final?: boolean
  /** 'pdf' or 'docx'; by default the out path's extension says (.docx), else PDF. */
  format?: 'pdf' | 'docx'
  /** A release copy: redacted passages and what is flagged not for release are left out of the file. */
  release?: boolean
  /** Fixed dates and document id: the same briefing gives byte-identical files. */
  deterministic?: boolean
  onProgress?: (done: number, total: number, label: string) => void
  signal?: AbortSignal
}

export interface ExportBriefingResult extends ExportResult {
  bytes: number
  briefingId: string
  /** The memo number the export fixed, if this export gave the briefing one. */
  numbered?: string
  /** Set when the case had no briefing and one was drafted from the case file to export. */
  drafted?: { id: string; title: string }
}

export interface ExportDeps {
  audit: AuditLog
  workspace: WorkspaceService
  cases: CasesService
  briefings: BriefingsService
  caseDetail: CaseDetailService
  library: StatuteLibrary
  annotations: AnnotationsService
  evidence: EvidenceService
  tasks: TaskRegistry
}

/** A Word memo larger than this is not one (and is not read). */
const MAX_DOCX = 64 * 1024 * 1024

/** Renders briefings as PDF memos, and records each export on the briefing and in custody. */
export function createExportService(ctx: ServiceContext, deps: ExportDeps) {
  const { audit, workspace, cases, briefings, caseDetail, library, annotations, evidence, tasks } = deps

  /**
   * The briefing to export: the named one, or the case's most recently changed;
   * a case with none gets one drafted from the case file.
   */
  async function pickBriefing(caseId: string, briefingId?: string): Promise<{ briefing: Briefing; drafted: boolean }> {
    if (briefingId) return { briefing: await briefings.get(caseId, briefingId), drafted: false }
    const list = await briefings.list(caseId)
    if (list.length) return { briefing: await briefings.get(caseId, list[0].id), drafted: false }
    return { briefing: await briefings.createFromTemplate(caseId, 'case file'), drafted: true }
  }

  /** The bytes of the PNG and JPEG exhibits the memo cites (stills), within a budget, for the exhibit annex. */
  async function citedImages(items: EvidenceItem[], cites: CitationAttrs[]): Promise<Record<string, Buffer>> {
    const cited = new Set(cites.map((c) => (c.target === 'annotation' ? c.evidenceId : c.id)))
    const out: Record<string, Buffer> = {}
    let budget = 40 * 1024 * 1024
    for (const e of items) {
      if (!cited.has(e.id) || !e.file || !/^image\/(png|jpeg)$/.test(e.file.mediaType) || e.file.size > budget) continue
      const bytes = await readBlobFile(await evidence.blobPath(e.file.sha256)).catch(() => null)
      if (bytes) {
        out[e.id] = bytes
        budget -= bytes.length
      }
    }
    return out
  }

  /** The organisation's letterhead, with its logo read from the blob store (a missing logo is left out). */
  async function letterhead(): Promise<Letterhead> {
    const org = (await workspace.settings()).organisation
    const logo = org.logo
      ? await readBlobFile(await evidence.blobPath(org.logo.sha256)).catch(() => undefined)
      : undefined
    return { lines: org.letterhead, logo }
  }

  async function citedAnnotations(
    caseId: string,
    cites: CitationAttrs[],
    evidenceIds: string[],
  ): Promise<Annotation[]> {
    const annCites = cites.filter((c) => c.target === 'annotation')
    // A citation normally names its item; one that does not means looking through every item's annotations.
    const byEvidence = annCites.some((c) => !c.evidenceId)
      ? new Set(evidenceIds)
      : new Set(annCites.map((c) => c.evidenceId!))
    const out: Annotation[] = []
    for (const evidenceId of byEvidence) {
      try {
        out.push(...(await annotations.list(caseId, evidenceId)))
      } catch (e) {
        // A deleted item or a quarantined annotations file leaves its citations marked unresolved in the memo.
        if (!(e instanceof AppError)) throw e
      }
    }
    return out
  }

  /**
   * Custody: each evidence item the memo cites (directly or through an annotation)
   * gets an "exported" entry and an audit line, once per export.
   */
  async function recordCustodyExported(
    caseId: string,
    cites: CitationAttrs[],
    what: { file: string; sha256: string; format: 'pdf' | 'docx'; release?: string[] },
  ) {
    const present = new Set((await cases.content(caseId)).evidence.map((e) => e.id))
    const ids = new Set<string>()
    for (const c of cites) {
      const id = c.target === 'evidence' ? c.id : c.target === 'annotation' ? c.evidenceId : undefined
      // A cited item deleted since it was cited has no custody log to extend.
      if (id && present.has(id)) ids.add(id)
    }
    const kind = `${what.format === 'docx' ? 'Word memo' : 'PDF memo'}${what.release ? ' (release copy)' : ''}`
    if (ids.size)
      await evidence.recordExported(caseId, [...ids], { format: kind, file: what.file, sha256: what.sha256 })
    // A release copy is itself on the record, with what it left out and why.
    if (what.release)
      await audit.append({
        action: 'release copy',
        target: `case:${caseId}`,
        detail: { file: what.file, sha256: what.sha256, format: what.format, reasons: what.release },
      })
  }

  /**
   * Renders a briefing of a case as the PDF memo, writes it durably to `outPath`,
   * records the export on the briefing, and custody "exported" (with an audit
   * line) on every evidence item it cites.
   */
  async function toFile(opts: ExportBriefingOptions): Promise<ExportBriefingResult> {
    // Refuse up front when the export could not be recorded (read-only workspace): custody must not have gaps.
    ctx.store.assertWritable()
    // Before a memo number is given out: a place refused, or whose folder cannot be made, must not use one up.
    await prepareOutput(opts.outPath, ctx.store.root)
    const caseId = await cases.resolve(opts.caseId)
    const picked = await pickBriefing(caseId, opts.briefingId)
    let briefing = picked.briefing
    if (opts.final && briefing.status !== 'final')
      throw appError('VALIDATION', 'errRecords:draftSetStatusFinal', { title: briefing.title, id: briefing.id })
    // A final memo gets its number the first time it goes out, and keeps it.
    let numbered: string | undefined
    if (briefing.status === 'final' && !briefing.header.number) {
      const number = await workspace.nextMemoNumber(ctx.now())
      if (number) {
        briefing = await briefings.update(caseId, briefing.id, { header: { number } })
        numbered = number
      }
    }
    const draft = briefing.status === 'draft' || !!opts.draft
    const detail = await caseDetail.get(caseId)
    const cites = citationsIn(briefing.body)
    const citedStatuteIds = cites.filter((c) => c.target === 'statute').map((c) => c.id)
    const linked = new Set(detail.statutes.map((s) => s.id))
    const extra = await library.getMany([...new Set(citedStatuteIds)].filter((id) => !linked.has(id)))
    const cited = await citedAnnotations(
      caseId,
      cites,
      detail.evidence.map((e) => e.id),
    )

    const format = opts.format ?? (extname(opts.outPath).toLowerCase() === '.docx' ? 'docx' : 'pdf')
    const release = opts.release
      ? releaseRules({
          body: briefing.body,
          actors: detail.actors,
          evidence: detail.evidence,
          t: translator(briefing.language, 'memo'),
        })
      : undefined
    const exportId = ctx.newId('export')
    const input = {
      briefing,
      detail,
      statutes: [...detail.statutes, ...extra],
      annotations: cited,
      letterhead: await letterhead(),
      images: await citedImages(detail.evidence, cites),
    }
    let buffer: Buffer
    let pages = 0
    let footnotes: ExportRecord['footnotes']
    if (format === 'docx') {
      opts.onProgress?.(0, 1, 'Word document')
      // Loaded on first use: the Word writer and pdfkit are the heaviest modules, and most commands never export.
      const { renderBriefingDocx } = await import('@main/docx/memoDocx')
      const doc = await renderBriefingDocx(input, { draft, exportId, release })
      buffer = doc.buffer
      footnotes = doc.footnotes
      opts.onProgress?.(1, 1, 'Word document')
    } else {
      const { renderBriefingPdf } = await import('@main/pdf')
      ;({ buffer, pages } = await renderBriefingPdf(input, {
        draft,
        deterministic: !!opts.deterministic,
        generatedAt: ctx.now(),
        onProgress: opts.onProgress,
        signal: opts.signal,
        release,
      }))
    }
    if (opts.signal?.aborted) throw appError('CANCELLED', 'errRecords:exportCancelled')

    const { path, sha256 } = await writeOutput(opts.outPath, buffer, ctx.store.root)
    // The memo lists every exhibit with the SHA-256 recorded at import: say when the stored file
    // behind one is gone or no longer hashes to it (the memo is written all the same).
    const warnings: string[] = []
    for (const b of await evidence.blobProblems([caseId])) {
      const message = `${describeBlobProblem(b)} The memo lists it with the SHA-256 recorded at import.`
      warnings.push(message)
      ctx.store.problems.report({
        file: `blobs/${b.expected}`,
        kind: b.status === 'missing' ? 'missing' : 'invalid',
        message,
      })
    }
    await briefings.recordExport(caseId, briefing.id, {
      id: exportId,
      at: ctx.now().toISOString(),
      format,
      file: path,
      sha256,
      pages,
      options: { draft, deterministic: !!opts.deterministic },
      ...(release ? { release: { reasons: release.reasons } } : {}),
      ...(footnotes ? { footnotes, body: briefing.body } : {}),
    })
    await recordCustodyExported(caseId, cites, { file: path, sha256, format, release: release?.reasons })
    return {
      path,
      sha256,
      pages,
      bytes: buffer.length,
      briefingId: briefing.id,
      ...(numbered ? { numbered } : {}),
      ...(picked.drafted ? { drafted: { id: briefing.id, title: briefing.title } } : {}),
      ...(warnings.length ? { warnings } : {}),
    }
  }

  /**
   * An edited Word copy back from clearance: it becomes a new version of the
   * briefing it was exported from (that one is left as it was), with the
   * citations whose footnotes survived, the reviewers' comments, and the changes
   * against the copy that was sent.
   */
  async function importClearance(caseRef: string, filePath: string): Promise<Briefing> {
    ctx.store.assertWritable()
    const caseId = await cases.resolve(caseRef)
    const info = await lstat(filePath).catch(() => null)
    if (!info) throw appError('NOT_FOUND', 'errRecords:cannotReadNoSuch', { filePath })
    if (!info.isFile()) throw appError('VALIDATION', 'errRecords:regularFile', { filePath })
    if (info.size > MAX_DOCX)
      throw appError('VALIDATION', 'errRecords:largerThanMemoMb', { filePath, value: MAX_DOCX / 1024 / 1024 })
    const bytes = await readFile(filePath)
    const parts = await readDocxParts(bytes)
    const exportId = exportIdOf(parts)
    const found = exportId ? await briefings.findExportById(caseId, exportId) : null
    if (!found && isReleaseCopy(parts)) throw appError('NOT_FOUND', 'errRecords:wordFileReleaseCopy')
    if (!found) throw appError('NOT_FOUND', 'errRecords:wordFileExportedCase')
    const { briefing: sent, record } = found
    const read = readClearance(parts, record.footnotes)
    const clearance = Clearance.parse({
      fromBriefingId: sent.id,
      fromExportId: record.id,
      sentSha256: record.sha256,
      receivedSha256: createHash('sha256').update(bytes).digest('hex'),
      receivedFile: resolve(filePath),
      importedAt: ctx.now().toISOString(),
      insertions: read.insertions,
      deletions: read.deletions,
      citationsRemoved: read.citationsRemoved,
      notesAdded: read.notesAdded,
      comments: read.comments,
      changes: paragraphChanges(paragraphsOf(record.body ?? sent.body), paragraphsOf(read.body)),
    })
    const date = formatLongDate(ctx.now(), sent.language)
    const cleared = translator(sent.language, 'memo')('clearedTitle', { title: sent.title, date })
    return briefings.create(caseId, {
      title: cleared.slice(0, 300),
      template: sent.template,
      status: 'draft',
      language: sent.language,
      header: { ...sent.header, number: '' },
      body: read.body,
      clearance,
    })
  }

  return {
    toFile,
    importClearance,

    /**
     * The window's export: asks where to save (`choosePath`, offered a default
     * name), then renders as task `taskId` so a Cancel reaches it. CANCELLED when
     * no file is chosen.
     */
    async interactive(
      input: {
        caseId: string
        briefingId: string
        draft?: boolean
        taskId: string
        format?: 'pdf' | 'docx'
        release?: boolean
      },
      choosePath: (defaultName: string) => Promise<string | null>,
      onProgress: ProgressReport,
    ): Promise<ExportResult> {
      const briefing = await briefings.get(input.caseId, input.briefingId)
      const c = await cases.getCase(input.caseId)
      const format = input.format ?? 'pdf'
      const chosen = await choosePath(fileNameFor([c.reference, briefing.title], format, 'briefing'))
      if (!chosen) throw appError('CANCELLED', 'errRecords:exportCancelledNoFile')
      const outPath = withExtension(chosen, format)
      // Registered before the first progress event, so a Cancel pressed on seeing it reaches this export.
      return tasks.run(input.taskId, async (signal) => {
        onProgress('Preparing the memo', 0, 1)
        const result = await toFile({
          caseId: input.caseId,
          briefingId: input.briefingId,
          outPath,
          draft: input.draft,
          format,
          release: input.release,
          signal,
          onProgress: (done, total, label) => onProgress(label, done, total),
        })
        onProgress('Done', 1, 1)
        return { path: result.path, sha256: result.sha256, pages: result.pages, warnings: result.warnings }
      })
    },

    /**
     * A PDF or Word memo this workspace exported, found by its export record: the
     * only files the window may ask the system to open. FORBIDDEN otherwise.
     */
    async assertExported(path: string): Promise<void> {
      if (!['.pdf', '.docx'].includes(extname(path).toLowerCase()) || !(await briefings.findExport(path)))
        throw appError('FORBIDDEN', 'errRecords:onlyMemosExportedWorkspace')
    },
  }
}
export type ExportService = ReturnType<typeof createExportService>

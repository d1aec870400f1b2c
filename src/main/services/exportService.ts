import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Annotation, Briefing, CitationAttrs, ExportRecord } from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { renderBriefingPdf } from '../pdf'
import { collectCitations } from '../pdf/model'
import { durableWriteFile } from '../storage/durableWrite'
import type { Services } from './index'

export interface ExportBriefingOptions {
  /** A case id or its reference. */
  caseId: string
  /** The case's most recently changed briefing when omitted. */
  briefingId?: string
  /** Any path the user picked; written durably (temp file, fsync, rename). */
  outPath: string
  draft?: boolean
  /** Fixed dates and document id: the same briefing gives byte-identical files. */
  deterministic?: boolean
  onProgress?: (done: number, total: number, label: string) => void
  signal?: AbortSignal
}

export interface ExportBriefingResult {
  path: string
  sha256: string
  pages: number
  bytes: number
}

/** The briefing to export: the named one, or the case's most recently changed. */
async function pickBriefing(services: Services, caseId: string, briefingId?: string): Promise<Briefing> {
  if (briefingId) return services.briefings.get(caseId, briefingId)
  const list = await services.briefings.list(caseId)
  if (!list.length) {
    throw new AppError('NOT_FOUND', 'This case has no briefing to export; create one first (or pass --briefing ID).')
  }
  return services.briefings.get(caseId, list[0].id)
}

async function citedAnnotations(
  services: Services,
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
      out.push(...(await services.annotations.list(caseId, evidenceId)))
    } catch (e) {
      // A deleted item or a quarantined annotations file leaves its citations marked unresolved in the memo.
      if (!(e instanceof AppError)) throw e
    }
  }
  return out
}

/**
 * Renders a briefing of a case as the PDF memo, writes it durably to `outPath`,
 * records the export on the briefing, and custody "exported" (with an audit
 * line) on every evidence item it cites.
 */
export async function exportBriefingPdf(
  services: Services,
  opts: ExportBriefingOptions,
): Promise<ExportBriefingResult> {
  // Refuse up front when the export could not be recorded (read-only workspace): custody must not have gaps.
  services.store.assertWritable()
  const caseId = await services.cases.resolve(opts.caseId)
  const briefing = await pickBriefing(services, caseId, opts.briefingId)
  const detail = await services.cases.get(caseId)
  const cites = collectCitations(briefing.body)
  const citedStatuteIds = cites.filter((c) => c.target === 'statute').map((c) => c.id)
  const linked = new Set(detail.statutes.map((s) => s.id))
  const extra = await services.statutes.getMany([...new Set(citedStatuteIds)].filter((id) => !linked.has(id)))
  const annotations = await citedAnnotations(
    services,
    caseId,
    cites,
    detail.evidence.map((e) => e.id),
  )

  const { buffer, pages } = await renderBriefingPdf(
    { briefing, detail, statutes: [...detail.statutes, ...extra], annotations },
    {
      draft: !!opts.draft,
      deterministic: !!opts.deterministic,
      generatedAt: services.ctx.now(),
      onProgress: opts.onProgress,
      signal: opts.signal,
    },
  )
  if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')

  const path = resolve(opts.outPath)
  try {
    await mkdir(dirname(path), { recursive: true })
    await durableWriteFile(path, buffer)
  } catch (e) {
    throw new AppError('IO', `Could not write ${path}: ${(e as Error).message}`)
  }
  const sha256 = createHash('sha256').update(buffer).digest('hex')

  const record: ExportRecord = {
    at: services.ctx.now().toISOString(),
    file: path,
    sha256,
    pages,
    options: { draft: !!opts.draft, deterministic: !!opts.deterministic },
  }
  // Re-read just before appending, so an export finishing meanwhile is not overwritten.
  const current = await services.briefings.get(caseId, briefing.id)
  await services.briefings.update(caseId, briefing.id, { exports: [...current.exports, record] })
  await recordCustodyExported(services, caseId, cites, { file: path, sha256 })
  return { path, sha256, pages, bytes: buffer.length }
}

/**
 * Custody: each evidence item the memo cites (directly or through an annotation)
 * gets an "exported" entry and an audit line, once per export.
 */
async function recordCustodyExported(
  services: Services,
  caseId: string,
  cites: CitationAttrs[],
  what: { file: string; sha256: string },
): Promise<void> {
  const present = new Set((await services.cases.get(caseId)).evidence.map((e) => e.id))
  const ids = new Set<string>()
  for (const c of cites) {
    const id = c.target === 'evidence' ? c.id : c.target === 'annotation' ? c.evidenceId : undefined
    // A cited item deleted since it was cited has no custody log to extend.
    if (id && present.has(id)) ids.add(id)
  }
  if (ids.size) await services.evidence.recordExported(caseId, [...ids], { format: 'PDF memo', ...what })
}

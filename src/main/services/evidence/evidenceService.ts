import { basename } from 'node:path'
import { CustodyEntry, EvidenceItem, type Verification } from '../../../shared/domain'
import { EvidenceInput, EvidencePatch, blobUrl } from '../../../shared/domain/evidenceInput'
import { AppError } from '../../../shared/ipc/result'
import { layout } from '../../storage/layout'
import type { CasesService } from '../casesService'
import { nowIso, type ServiceContext } from '../context'
import type { WorkspaceService } from '../workspaceService'
import type { AnnotationsService } from './annotationsService'
import type { AuditLog } from './auditLog'
import { storeFile, type Progress, type StoredBlob } from './blobStore'
import { kindFor, MEDIA_TYPE, mediaTypeFor, OCTET_STREAM } from './mediaTypes'
import { TaskRegistry } from './tasks'

type CustodyAction = CustodyEntry['action']

export interface ImportOptions {
  title?: string
  kind?: EvidenceItem['kind']
  /** The name to record; defaults to the file's own name. */
  originalName?: string
  mediaType?: string
  signal?: AbortSignal
  onProgress?: Progress
}

export const evidenceTarget = (caseId: string, evidenceId: string) => `evidence:${caseId}/${evidenceId}`

const CHECKS = ['source', 'technical', 'content'] as const

/**
 * Evidence records (in case.json, through casesService.mutate), their files (the
 * blob store) and their custody: every custody entry is mirrored in the audit log.
 */
export function createEvidenceService(
  ctx: ServiceContext,
  workspace: WorkspaceService,
  cases: CasesService,
  audit: AuditLog,
  annotations: AnnotationsService,
) {
  const tasks = new TaskRegistry()
  const blobsDir = () => ctx.store.resolve(layout.blobsDir)

  async function custody(action: CustodyAction, detail = '', sha256?: string): Promise<CustodyEntry> {
    return CustodyEntry.parse({ at: nowIso(ctx), actor: await workspace.userName(), action, sha256, detail })
  }

  /** The audit twin of custody entries just saved on an item. */
  async function auditCustody(
    caseId: string,
    evidenceId: string,
    entries: CustodyEntry[],
    extra: Record<string, unknown> = {},
  ) {
    for (const c of entries) {
      await audit.append({
        action: c.action,
        target: evidenceTarget(caseId, evidenceId),
        actor: c.actor,
        detail: { ...(c.sha256 ? { sha256: c.sha256 } : {}), ...(c.detail ? { note: c.detail } : {}), ...extra },
      })
    }
  }

  async function get(caseId: string, evidenceId: string): Promise<EvidenceItem> {
    const item = (await cases.caseDoc(caseId)).data.evidence.find((e) => e.id === evidenceId)
    if (!item) throw new AppError('NOT_FOUND', `No evidence item with id "${evidenceId}" in this case.`)
    return item
  }

  /** Appends custody entries to a stored item (and the audit log). */
  async function appendCustody(
    caseId: string,
    evidenceId: string,
    entries: CustodyEntry[],
    extra?: Record<string, unknown>,
  ) {
    await cases.mutate(caseId, (file) => {
      const item = file.evidence.find((e) => e.id === evidenceId)
      if (!item) throw new AppError('NOT_FOUND', `No evidence item with id "${evidenceId}" in this case.`)
      item.custody.push(...entries)
    })
    await auditCustody(caseId, evidenceId, entries, extra)
  }

  async function insert(caseId: string, item: EvidenceItem, extra?: Record<string, unknown>): Promise<EvidenceItem> {
    await cases.mutate(caseId, (file) => {
      file.evidence.push(item)
    })
    await auditCustody(caseId, item.id, item.custody, { title: item.title, ...extra })
    ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: item.id })
    return item
  }

  /** Adds the item for a blob just stored. */
  async function addStored(
    caseId: string,
    stored: StoredBlob,
    name: string,
    opts: ImportOptions,
  ): Promise<EvidenceItem> {
    const mediaType =
      opts.mediaType && MEDIA_TYPE.test(opts.mediaType) && opts.mediaType !== OCTET_STREAM
        ? opts.mediaType
        : mediaTypeFor(name)
    const at = nowIso(ctx)
    const item = EvidenceItem.parse({
      id: ctx.newId('ev'),
      kind: opts.kind ?? kindFor(mediaType),
      title: opts.title?.trim() || name,
      file: { sha256: stored.sha256, size: stored.size, mediaType, originalName: name },
      custody: [
        await custody(
          'imported',
          `Imported "${name}" (${stored.size} bytes)${stored.existed ? '; identical bytes were already stored' : ''}.`,
          stored.sha256,
        ),
        await custody('hashed', 'SHA-256 computed while copying into the blob store.', stored.sha256),
      ],
      createdAt: at,
      updatedAt: at,
    })
    return insert(caseId, item, { size: stored.size, originalName: name, mediaType })
  }

  function describeVerification(before: Verification, after: Verification): string[] {
    const out: string[] = []
    if (before.status !== after.status) out.push(`overall: ${before.status} -> ${after.status}`)
    for (const k of CHECKS)
      if (before[k].status !== after[k].status) out.push(`${k}: ${before[k].status} -> ${after[k].status}`)
    return out
  }

  function changedFields(before: EvidenceItem, after: EvidenceItem): string[] {
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

  function applyPatch(item: EvidenceItem, patch: EvidencePatch, at: string): EvidenceItem {
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

  return {
    tasks,
    get,
    appendCustody,
    addStored,

    /** An item without a file: a URL reference or metadata only. */
    async add(caseId: string, input: EvidenceInput): Promise<EvidenceItem> {
      const fields = EvidenceInput.parse(input)
      const at = nowIso(ctx)
      const what = fields.sourceUrl
        ? `Added as a reference to ${fields.sourceUrl} (no file held).`
        : 'Added without a file.'
      const item = EvidenceItem.parse({
        ...fields,
        id: ctx.newId('ev'),
        custody: [await custody('referenced', what)],
        createdAt: at,
        updatedAt: at,
      })
      return insert(caseId, item, fields.sourceUrl ? { url: fields.sourceUrl } : {})
    },

    /** Streams a file into the blob store (one pass: copy + SHA-256) and adds an item for it. */
    async importFile(caseId: string, path: string, opts: ImportOptions = {}): Promise<EvidenceItem> {
      ctx.store.assertWritable()
      await cases.caseDoc(caseId) // fail before copying gigabytes into a case that does not exist
      const stored = await storeFile(blobsDir(), path, { signal: opts.signal, onProgress: opts.onProgress })
      return addStored(caseId, stored, opts.originalName ?? basename(path), opts)
    },

    async update(caseId: string, evidenceId: string, patch: EvidencePatch): Promise<EvidenceItem> {
      const at = nowIso(ctx)
      const actor = await workspace.userName()
      let added: CustodyEntry[] = []
      let statusDetail: Record<string, unknown> = {}
      const out = await cases.mutate(caseId, (file) => {
        const i = file.evidence.findIndex((e) => e.id === evidenceId)
        if (i < 0) throw new AppError('NOT_FOUND', `No evidence item with id "${evidenceId}" in this case.`)
        const before = file.evidence[i]
        const after = applyPatch(before, patch, at)
        const statuses = describeVerification(before.verification, after.verification)
        const fields = changedFields(before, after)
        const entry = (action: CustodyAction, detail: string) => CustodyEntry.parse({ at, actor, action, detail })
        added = []
        if (statuses.length) {
          const why = after.verification.reasoning ? ` Reasoning: ${after.verification.reasoning}` : ''
          added.push(entry('status changed', `${statuses.join('; ')}.${why}`.slice(0, 2_000)))
          statusDetail = { from: before.verification.status, to: after.verification.status, changes: statuses }
        }
        const edited = fields.filter((f) => f !== 'verification reasoning' || !statuses.length)
        if (edited.length) added.push(entry('edited', `Changed ${edited.join(', ')}.`))
        after.custody = [...before.custody, ...added]
        file.evidence[i] = after
        return after
      })
      await auditCustody(caseId, evidenceId, added, statusDetail)
      ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: evidenceId })
      return out
    },

    /** Removes the record and its annotations; the blob stays (shared by identical items; the audit log names it). */
    async remove(caseId: string, evidenceId: string): Promise<void> {
      const removed = await cases.mutate(caseId, (file) => {
        const i = file.evidence.findIndex((e) => e.id === evidenceId)
        if (i < 0) throw new AppError('NOT_FOUND', `No evidence item with id "${evidenceId}" in this case.`)
        return file.evidence.splice(i, 1)[0]
      })
      await annotations.removeAllFor(caseId, evidenceId)
      await audit.append({
        action: 'removed',
        target: evidenceTarget(caseId, evidenceId),
        detail: { title: removed.title, ...(removed.file ? { sha256: removed.file.sha256 } : {}) },
      })
      ctx.changes.emit({ kind: 'evidence', op: 'remove', caseId, id: evidenceId })
    },

    /**
     * Records that items went out in an export (a PDF memo, a bundle): custody
     * 'exported' on each and the audit log. Exporters call this after writing.
     */
    async recordExported(
      caseId: string,
      evidenceIds: string[],
      what: { format: string; file?: string; sha256?: string },
    ) {
      const detail = `Exported in ${what.format}${what.file ? ` ${basename(what.file)}` : ''}${what.sha256 ? ` (SHA-256 ${what.sha256})` : ''}.`
      for (const id of evidenceIds) {
        const item = await get(caseId, id)
        await appendCustody(caseId, id, [await custody('exported', detail, item.file?.sha256)], {
          format: what.format,
          exportSha256: what.sha256,
        })
      }
    },

    /** `base`: where this window reaches the blob store (the Platform says; see blobUrlBase). */
    async blobUrl(caseId: string, evidenceId: string, base?: string) {
      const item = await get(caseId, evidenceId)
      if (!item.file) throw new AppError('NOT_FOUND', `"${item.title}" has no stored file.`)
      return { url: blobUrl(item.file, base), mediaType: item.file.mediaType, size: item.file.size }
    },

    custodyEntry: custody,
  }
}
export type EvidenceService = ReturnType<typeof createEvidenceService>

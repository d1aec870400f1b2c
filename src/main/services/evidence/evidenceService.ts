import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  type AuditEntry,
  blobUrl,
  CustodyEntry,
  EvidenceImportOptions,
  EvidenceInput,
  EvidenceItem,
  EvidencePatch,
  type EvidenceKind,
  type Verification,
} from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import type { AnnotationsService } from '../annotations/annotationsService'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { ProgressReport, TaskRegistry } from '../tasks'
import type { WorkspaceService } from '../workspace/workspaceService'
import {
  BlobWriter,
  blobPathIn,
  BLOBS_DIR,
  containedBlobPath,
  discardSealed,
  placeSealed,
  storeFile,
  type Progress,
  type SealedBlob,
  type StoredBlob,
} from './blobStore'
import { custodyGapsIn, evidenceTarget } from './custodyGaps'
import { kindFor, MEDIA_TYPE, mediaTypeFor, OCTET_STREAM } from './mediaTypes'
import { createUploads } from './uploads'
import { createVerifier } from './verify'

type CustodyAction = CustodyEntry['action']

/** What an import is told besides the file: the person's choices, and how to report and stop. */
export type ImportOptions = EvidenceImportOptions & {
  /** A fixed id (the demo's); a new one otherwise. */
  id?: string
  /** Other fields of the new item (description, dates, links, verification). */
  details?: Omit<EvidenceInput, 'title' | 'kind'>
  /** A still or clip made from another item: recorded on the item and as its first custody entry. */
  derivation?: { from: NonNullable<EvidenceItem['derivedFrom']>; detail: string }
  /** The name to record; defaults to the file's own name. */
  originalName?: string
  mediaType?: string
  signal?: AbortSignal
  onProgress?: Progress
}

const CHECKS = ['source', 'technical', 'content'] as const

/** What the uploads and the verifier build on. */
export interface EvidenceCore {
  tasks: TaskRegistry
  get(caseId: string, evidenceId: string): Promise<EvidenceItem>
  appendCustody(
    caseId: string,
    evidenceId: string,
    entries: CustodyEntry[],
    extra?: Record<string, unknown>,
  ): Promise<void>
  addStored(caseId: string, stored: StoredBlob, name: string, opts: ImportOptions): Promise<EvidenceItem>
  custodyEntry(action: CustodyAction, detail?: string, sha256?: string): Promise<CustodyEntry>
}

export interface EvidenceDeps {
  workspace: WorkspaceService
  cases: CasesService
  audit: AuditLog
  annotations: AnnotationsService
  tasks: TaskRegistry
}

/**
 * Evidence records (kept in case.json, reached through the cases service's
 * evidenceRecords), their files (the blob store) and their custody: every
 * custody entry is mirrored in the audit log.
 */
export function createEvidenceService(
  ctx: ServiceContext,
  { workspace, cases, audit, annotations, tasks }: EvidenceDeps,
) {
  const records = cases.evidenceRecords
  const blobsDir = () => ctx.store.resolve(BLOBS_DIR)

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

  const get = (caseId: string, evidenceId: string): Promise<EvidenceItem> => records.get(caseId, evidenceId)

  /** Appends custody entries to a stored item (and the audit log). */
  async function appendCustody(
    caseId: string,
    evidenceId: string,
    entries: CustodyEntry[],
    extra?: Record<string, unknown>,
  ) {
    await records.update(caseId, evidenceId, (item) => ({ ...item, custody: [...item.custody, ...entries] }))
    await auditCustody(caseId, evidenceId, entries, extra)
  }

  async function insert(caseId: string, item: EvidenceItem, extra?: Record<string, unknown>): Promise<EvidenceItem> {
    await records.add(caseId, item)
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
      ...(opts.details ? EvidenceInput.omit({ title: true, kind: true }).parse(opts.details) : {}),
      id: opts.id ?? ctx.newId('ev'),
      kind: opts.kind ?? kindFor(mediaType),
      title: opts.title?.trim() || name,
      file: { sha256: stored.sha256, size: stored.size, mediaType, originalName: name },
      ...(opts.derivation ? { derivedFrom: opts.derivation.from } : {}),
      custody: [
        opts.derivation
          ? await custody('derived', opts.derivation.detail, stored.sha256)
          : await custody(
              'imported',
              `Imported "${name}" (${stored.size} bytes)${stored.existed ? '; identical bytes were already stored' : ''}.`,
              stored.sha256,
            ),
        await custody('hashed', 'SHA-256 computed while copying into the blob store.', stored.sha256),
      ],
      createdAt: at,
      updatedAt: at,
    })
    return insert(caseId, item, {
      size: stored.size,
      originalName: name,
      mediaType,
      ...(opts.derivation ? { derivedFrom: opts.derivation.from } : {}),
    })
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

  async function importFile(caseId: string, path: string, opts: ImportOptions = {}): Promise<EvidenceItem> {
    ctx.store.assertWritable()
    await cases.assertExists(caseId) // fail before copying gigabytes into a case that does not exist
    const stored = await storeFile(blobsDir(), path, { signal: opts.signal, onProgress: opts.onProgress })
    return addStored(caseId, stored, opts.originalName ?? basename(path), opts)
  }

  const core: EvidenceCore = { tasks, get, appendCustody, addStored, custodyEntry: custody }
  const uploads = createUploads(ctx, cases, core)
  const verify = createVerifier(ctx, cases, core, audit)

  return {
    get,
    uploads,
    verify,

    /** Custody entries of these cases whose twin is missing from the audit log. */
    custodyGaps: (caseIds: string[]) => custodyGapsIn(records, audit, caseIds),

    /** An item without a file: a URL reference or metadata only. */
    async add(
      caseId: string,
      input: EvidenceInput,
      opts: { id?: string; custodyDetail?: string } = {},
    ): Promise<EvidenceItem> {
      const fields = EvidenceInput.parse(input)
      const at = nowIso(ctx)
      const what =
        opts.custodyDetail ??
        (fields.sourceUrl ? `Added as a reference to ${fields.sourceUrl} (no file held).` : 'Added without a file.')
      const item = EvidenceItem.parse({
        ...fields,
        id: opts.id ?? ctx.newId('ev'),
        custody: [await custody('referenced', what)],
        createdAt: at,
        updatedAt: at,
      })
      return insert(caseId, item, fields.sourceUrl ? { url: fields.sourceUrl } : {})
    },

    /** Streams a file into the blob store (one pass: copy + SHA-256) and adds an item for it. */
    importFile,

    /**
     * Asks for files (`choose`: the open dialog), then imports each in turn as task `taskId`:
     * disks copy large files fastest one after the other, and one cancel stops the rest.
     */
    async importChosen(
      caseId: string,
      opts: { kind?: EvidenceKind; taskId?: string; onProgress?: ProgressReport },
      choose: () => Promise<string[] | null>,
    ): Promise<{ cancelled: boolean; items: EvidenceItem[] }> {
      await cases.assertExists(caseId) // a wrong case fails before the dialog, not after
      const paths = await choose()
      if (!paths?.length) return { cancelled: true, items: [] }
      const items: EvidenceItem[] = []
      await tasks.run(opts.taskId, async (signal) => {
        for (const [i, path] of paths.entries()) {
          const label = `Importing ${i + 1} of ${paths.length}: ${basename(path)}`
          const onProgress = opts.onProgress && ((done: number, total: number) => opts.onProgress!(label, done, total))
          items.push(await importFile(caseId, path, { kind: opts.kind, signal, onProgress }))
        }
      })
      return { cancelled: false, items }
    },

    async update(caseId: string, evidenceId: string, patch: EvidencePatch): Promise<EvidenceItem> {
      const at = nowIso(ctx)
      const actor = await workspace.userName()
      let added: CustodyEntry[] = []
      let statusDetail: Record<string, unknown> = {}
      const out = await records.update(caseId, evidenceId, (before) => {
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
        return after
      })
      await auditCustody(caseId, evidenceId, added, statusDetail)
      ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: evidenceId })
      return out
    },

    /** Removes the record and its annotations; the blob stays (shared by identical items; the audit log names it). */
    async remove(caseId: string, evidenceId: string): Promise<void> {
      const removed = await records.remove(caseId, evidenceId)
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

    /** A custody entry by this workspace's user, now (for records made elsewhere, such as an import). */
    custodyEntry: custody,

    /** Whether the blob store holds these bytes already (a regular file under their hash). */
    async hasBlob(sha256: string): Promise<boolean> {
      return stat(blobPathIn(blobsDir(), sha256)).then(
        (s) => s.isFile(),
        () => false,
      )
    },

    /**
     * A writer for one blob whose bytes wait in `tempDir` (a staging folder inside
     * the workspace, on its disk) until placeBlob; it hashes what it is given itself.
     */
    async stageBlob(tempDir: string): Promise<BlobWriter> {
      ctx.store.assertWritable()
      return BlobWriter.create(blobsDir(), { tempDir: ctx.store.resolve(ctx.store.rel(tempDir)) })
    },

    /** Puts staged bytes into the store under their hash (kept as they are when already there). */
    async placeBlob(sealed: SealedBlob): Promise<StoredBlob> {
      ctx.store.assertWritable()
      if (sealed.blobsDir !== blobsDir()) throw new AppError('FORBIDDEN', 'That blob was staged for another workspace.')
      return placeSealed(sealed)
    },

    /** Drops staged bytes that will not be stored. */
    discardBlob: (sealed: SealedBlob) => discardSealed(sealed),

    /**
     * After a case arrived from a bundle (cases.moveIn): every custody entry its
     * items carry gets its twin in this workspace's audit log. The sender's entries
     * are marked as carried in the bundle, with the hash of the sender's own audit
     * entry when the bundle has it; the 'received' entry names bundle and signer.
     */
    async logImported(
      caseId: string,
      items: readonly EvidenceItem[],
      from: { bundleSha256: string; fingerprint: string; senderAudit: ReadonlyMap<string, readonly AuditEntry[]> },
    ): Promise<void> {
      for (const item of items) {
        const unused = [...(from.senderAudit.get(item.id) ?? [])]
        for (const c of item.custody) {
          let extra: Record<string, unknown>
          if (c.action === 'received' && c.detail.includes(from.bundleSha256)) {
            extra = { bundle: from.bundleSha256, signer: from.fingerprint }
          } else {
            const i = unused.findIndex((a) => a.action === c.action && (a.detail.sha256 ?? undefined) === c.sha256)
            const twin = i >= 0 ? unused.splice(i, 1)[0] : undefined
            extra = {
              carriedIn: from.bundleSha256,
              originalAt: c.at,
              ...(twin ? { senderAuditHash: twin.hash } : {}),
            }
          }
          await auditCustody(caseId, item.id, [c], extra)
        }
        ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: item.id })
      }
    },

    /** Streams a file into the blob store without making it evidence (the letterhead's logo). */
    async storeBlob(path: string): Promise<StoredBlob> {
      ctx.store.assertWritable()
      return storeFile(blobsDir(), path)
    },

    /** The real path of a stored blob for reading it, contained in this workspace (the blob protocol serves it). */
    blobPath: (sha256: string) => containedBlobPath(ctx.store.root, sha256),

    /** `base`: where this window reaches the blob store (the Platform says; see blobUrlBase). */
    async blobUrl(caseId: string, evidenceId: string, base?: string) {
      const item = await get(caseId, evidenceId)
      if (!item.file) throw new AppError('NOT_FOUND', `"${item.title}" has no stored file.`)
      return { url: blobUrl(item.file, base), mediaType: item.file.mediaType, size: item.file.size }
    },
  }
}
export type EvidenceService = ReturnType<typeof createEvidenceService>

import { appError, worded } from '@shared/i18n/appError'
import { basename } from 'node:path'
import {
  type AuditEntry,
  blobUrl,
  CustodyEntry,
  EvidenceInput,
  EvidenceItem,
  EvidencePatch,
  type EvidenceKind,
} from '@shared/domain'
import type { AnnotationsService } from '../annotations/annotationsService'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { ProgressReport, TaskRegistry } from '../tasks'
import type { Analyser } from '../verification/analyser'
import type { WorkspaceService } from '../workspace/workspaceService'
import type { StoredBlob } from './blobStore'
import { custodyGapsIn, evidenceTarget } from './custodyGaps'
import { createCustodyJournal } from './custodyJournal'
import { applyPatch, changedFields, describeVerification } from './itemChanges'
import { createExaminations } from './examinations'
import { createBlobAccess, createEvidenceImports, type ImportOptions } from './evidenceImports'
import { createUploads } from './uploads'
import { EXAMINE_INLINE_UP_TO } from './backgroundExaminations'
import { blobProblems, createVerifier } from './verify'

type CustodyAction = CustodyEntry['action']

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
  /** Examines each imported file (metadata, Content Credentials, fingerprint); none: files are only stored. */
  analyser?: Analyser
  /** Files above this many bytes are examined after their import returns (tests lower it). */
  examineInlineUpTo?: number
}

/**
 * Evidence records (kept in case.json, reached through the cases service's
 * evidenceRecords), their files (the blob store) and their custody: every
 * custody entry is mirrored in the audit log.
 */
export function createEvidenceService(
  ctx: ServiceContext,
  { workspace, cases, audit, annotations, tasks, analyser, examineInlineUpTo = EXAMINE_INLINE_UP_TO }: EvidenceDeps,
) {
  const records = cases.evidenceRecords

  async function custody(action: CustodyAction, detail = '', sha256?: string): Promise<CustodyEntry> {
    return CustodyEntry.parse({ at: nowIso(ctx), actor: await workspace.userName(), action, sha256, detail })
  }

  const journal = createCustodyJournal(ctx, { audit, records, annotations })

  /** The audit twins of custody entries: one audit entry per custody entry. */
  function auditTwins(
    caseId: string,
    evidenceId: string,
    entries: CustodyEntry[],
    extra: Record<string, unknown> = {},
  ) {
    return entries.map((c) => ({
      action: c.action,
      target: evidenceTarget(caseId, evidenceId),
      actor: c.actor,
      detail: { ...(c.sha256 ? { sha256: c.sha256 } : {}), ...(c.detail ? { note: c.detail } : {}), ...extra },
    }))
  }

  const get = (caseId: string, evidenceId: string): Promise<EvidenceItem> => records.get(caseId, evidenceId)

  /** One change at a time per item: an update's custody entries are computed from the state it changes. */
  const itemQueues = new Map<string, Promise<unknown>>()
  function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = (itemQueues.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn)
    itemQueues.set(key, run)
    void run.finally(() => itemQueues.get(key) === run && itemQueues.delete(key)).catch(() => undefined)
    return run
  }

  /** Appends custody entries to a stored item and their twins to the audit log, as one step (the journal). */
  async function appendCustody(
    caseId: string,
    evidenceId: string,
    entries: CustodyEntry[],
    extra?: Record<string, unknown>,
  ) {
    await oneAtATime(`${caseId}/${evidenceId}`, () =>
      journal.run(
        { op: 'custody', caseId, evidenceId, custody: entries, audit: auditTwins(caseId, evidenceId, entries, extra) },
        () => records.update(caseId, evidenceId, (item) => ({ ...item, custody: [...item.custody, ...entries] })),
      ),
    )
  }

  async function insert(caseId: string, item: EvidenceItem, extra?: Record<string, unknown>): Promise<EvidenceItem> {
    await journal.run(
      {
        op: 'custody',
        caseId,
        evidenceId: item.id,
        custody: item.custody,
        audit: auditTwins(caseId, item.id, item.custody, { title: item.title, ...extra }),
      },
      () => records.add(caseId, item),
    )
    ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: item.id })
    return item
  }

  const {
    weigh,
    examine,
    keep: keepExamination,
    background,
  } = createExaminations(ctx, {
    analyser,
    audit,
    records,
    get,
  })

  const imports = createEvidenceImports(ctx, {
    cases,
    analyser,
    examineInlineUpTo,
    examinations: { weigh, examine, background },
    custody,
    insert,
    get,
  })
  const { addStored, importFile, importBytes } = imports

  /** An item may link only events of its own case. */
  async function assertEventIds(caseId: string, ids: readonly string[] | undefined): Promise<void> {
    if (!ids?.length) return
    const events = (await cases.content(caseId)).events
    for (const id of ids)
      if (!events.some((e) => e.id === id)) throw appError('VALIDATION', 'errMedia:noEventIdCase', { id })
  }

  const core: EvidenceCore = { tasks, get, appendCustody, addStored, custodyEntry: custody }
  const uploads = createUploads(ctx, cases, core)
  const verify = createVerifier(ctx, cases, core, audit)

  return {
    get,
    uploads,
    verify,

    /** Intents of custody changes a stop interrupted: settled on writable open, listed by check. */
    journal,

    /** Stored files of these cases that are missing or no longer hash to their SHA-256 (records nothing). */
    blobProblems: (caseIds: string[], only?: Set<string>) => blobProblems(ctx, cases, caseIds, only),

    /** Custody entries of these cases whose twin is missing from the audit log. */
    custodyGaps: (caseIds: string[]) => custodyGapsIn(records, audit, caseIds),

    /** An item without a file: a URL reference or metadata only. */
    async add(
      caseId: string,
      input: EvidenceInput,
      opts: { id?: string; custodyDetail?: string } = {},
    ): Promise<EvidenceItem> {
      const fields = EvidenceInput.parse(input)
      await assertEventIds(caseId, fields.eventIds)
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
    importBytes,

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
          const label = worded('errMedia:progress.importingOf', { n: i + 1, count: paths.length, name: basename(path) })
          const onProgress = opts.onProgress && ((done: number, total: number) => opts.onProgress!(label, done, total))
          items.push(await importFile(caseId, path, { kind: opts.kind, signal, onProgress }))
        }
      })
      return { cancelled: false, items }
    },

    async update(caseId: string, evidenceId: string, patch: EvidencePatch): Promise<EvidenceItem> {
      await assertEventIds(caseId, EvidencePatch.parse(patch).eventIds)
      return oneAtATime(`${caseId}/${evidenceId}`, async () => {
        const at = nowIso(ctx)
        const actor = await workspace.userName()
        const before = await records.get(caseId, evidenceId)
        const after = applyPatch(before, patch, at)
        const statuses = describeVerification(before.verification, after.verification)
        const fields = changedFields(before, after)
        const entry = (action: CustodyAction, detail: string) => CustodyEntry.parse({ at, actor, action, detail })
        const added: CustodyEntry[] = []
        let statusDetail: Record<string, unknown> = {}
        if (statuses.length) {
          const why = after.verification.reasoning ? ` Reasoning: ${after.verification.reasoning}` : ''
          added.push(entry('status changed', `${statuses.join('; ')}.${why}`.slice(0, 2_000)))
          statusDetail = { from: before.verification.status, to: after.verification.status, changes: statuses }
        }
        const edited = fields.filter((f) => f !== 'verification reasoning' || !statuses.length)
        if (edited.length) added.push(entry('edited', `Changed ${edited.join(', ')}.`))
        after.custody = [...before.custody, ...added]
        // Changes to one item run one at a time, so `before` is what the file holds; custody is merged
        // all the same, so nothing appended to it in between could be dropped.
        const write = () =>
          records.update(caseId, evidenceId, (current) => ({ ...after, custody: [...current.custody, ...added] }))
        const out = added.length
          ? await journal.run(
              {
                op: 'custody',
                caseId,
                evidenceId,
                custody: added,
                audit: auditTwins(caseId, evidenceId, added, statusDetail),
              },
              write,
            )
          : await write()
        ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: evidenceId })
        return out
      })
    },

    /** Removes the record and its annotations; the blob stays (shared by identical items; the audit log names it). */
    async remove(caseId: string, evidenceId: string): Promise<void> {
      const item = await records.get(caseId, evidenceId)
      await journal.run(
        {
          op: 'remove',
          caseId,
          evidenceId,
          custody: [],
          audit: [
            {
              action: 'removed',
              target: evidenceTarget(caseId, evidenceId),
              actor: await workspace.userName(),
              detail: { title: item.title, ...(item.file ? { sha256: item.file.sha256 } : {}) },
            },
          ],
        },
        async () => {
          await records.remove(caseId, evidenceId)
          await annotations.removeAllFor(caseId, evidenceId)
        },
      )
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

    /**
     * Examines an item's stored file again (items imported before files were
     * read, or after the readers improved) and keeps the result with the item,
     * the technical check noting it. NOT_FOUND when the item holds no file.
     */
    async reexamine(caseId: string, evidenceId: string, signal?: AbortSignal): Promise<EvidenceItem> {
      ctx.store.assertWritable()
      const item = await get(caseId, evidenceId)
      if (!item.file) throw appError('NOT_FOUND', 'errMedia:hasNoStoredFile', { title: item.title })
      if (!analyser) throw appError('VALIDATION', 'errMedia:workspaceOpenedWithoutFile')
      const analysis = await examine(caseId, item, item.file, signal)
      if (!analysis) throw appError('IO', 'errMedia:fileCouldExamined')
      return keepExamination(caseId, evidenceId, analysis)
    },

    /** Whether the item's file is being examined after its import (large files are). */
    examiningLater: (caseId: string, evidenceId: string) => background.examining(caseId, evidenceId),

    /** Resolves once every examination started after an import has been recorded. */
    examinationsSettled: () => background.settled(),

    /** Starts no more examinations and waits for those running, or stops them (`stop`: the app lock). */
    finishExaminations: (opts: { stop?: boolean } = {}) => background.finish(opts),

    /** A custody entry by this workspace's user, now (for records made elsewhere, such as an import). */
    custodyEntry: custody,

    ...createBlobAccess(ctx),

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
          for (const twin of auditTwins(caseId, item.id, [c], extra)) await audit.append(twin)
        }
        ctx.changes.emit({ kind: 'evidence', op: 'upsert', caseId, id: item.id })
      }
    },

    /** `base`: where this window reaches the blob store (the Platform says; see blobUrlBase). */
    async blobUrl(caseId: string, evidenceId: string, base?: string) {
      const item = await get(caseId, evidenceId)
      if (!item.file) throw appError('NOT_FOUND', 'errMedia:hasNoStoredFile2', { title: item.title })
      return { url: blobUrl(item.file, base), mediaType: item.file.mediaType, size: item.file.size }
    },
  }
}
export type EvidenceService = ReturnType<typeof createEvidenceService>

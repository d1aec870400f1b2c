import { appError, worded } from '@shared/i18n/appError'
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
  FileAnalysis,
  type EvidenceKind,
} from '@shared/domain'
import type { AnnotationsService } from '../annotations/annotationsService'
import type { AuditLog } from '../audit/auditLog'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { ProgressReport, TaskRegistry } from '../tasks'
import type { Analyser } from '../verification/analyser'
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
import { createCustodyJournal } from './custodyJournal'
import { kindFor, MEDIA_TYPE, mediaTypeFor, OCTET_STREAM } from './mediaTypes'
import { applyPatch, changedFields, describeVerification, examinationSummary, withExamination } from './itemChanges'
import { createExaminations } from './examinations'
import { createUploads } from './uploads'
import { EXAMINE_INLINE_UP_TO, type ExaminationSource } from './backgroundExaminations'
import { blobProblems, createVerifier } from './verify'

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
  /** false: store the file without examining it (benchmarks compare the two). */
  analyse?: boolean
  /**
   * An examination of the source file started while it was being copied (importFile):
   * it is taken for the blob's when the source did not change meanwhile.
   */
  examining?: Promise<{ analysis: FileAnalysis | undefined; unchanged: (storedSize: number) => Promise<boolean> }>
  /** The file a large import copied from, examined after the import returns while it is unchanged. */
  examineLater?: ExaminationSource
  /** Returns only once a large file's examination is recorded too (the command line, which ends after). */
  awaitExamination?: boolean
}

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
  const blobsDir = () => ctx.store.resolve(BLOBS_DIR)

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
    const details = opts.details ? EvidenceInput.omit({ title: true, kind: true }).parse(opts.details) : undefined
    const file = { sha256: stored.sha256, size: stored.size, mediaType, originalName: name }
    const id = opts.id ?? ctx.newId('ev')
    const kind = opts.kind ?? kindFor(mediaType)
    const claims = { id, kind, eventDate: details?.eventDate, eventIds: details?.eventIds ?? [] }
    let analysis: FileAnalysis | undefined
    // Decided as the import decided it before the copy (a file that grew or shrank past the mark meanwhile
    // keeps its road): later with a source to read, now with an examination under way.
    const later =
      !!analyser &&
      opts.analyse !== false &&
      (opts.examineLater ? true : opts.examining ? false : stored.size > examineInlineUpTo)
    if (analyser && opts.analyse !== false && !later) {
      const early = await opts.examining
      analysis =
        early?.analysis && (await early.unchanged(stored.size))
          ? await weigh(caseId, claims, { ...early.analysis, sha256: stored.sha256 })
          : await examine(caseId, claims, file, opts.signal)
    }
    const at = nowIso(ctx)
    const item = EvidenceItem.parse({
      ...details,
      ...(analysis
        ? {
            verification: withExamination(EvidenceItem.shape.verification.parse(details?.verification), analysis),
            analysis,
          }
        : {}),
      id,
      kind,
      title: opts.title?.trim() || name,
      file,
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
    // The examination at import rides on the import's own audit entries (no entry of its own);
    // one made later gets its own, as a re-reading does.
    const out = await insert(caseId, item, {
      size: stored.size,
      originalName: name,
      mediaType,
      ...(opts.derivation ? { derivedFrom: opts.derivation.from } : {}),
      ...(analysis ? { examined: examinationSummary(analysis) } : {}),
    })
    if (later) background.schedule(caseId, out, opts.examineLater)
    return out
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

  async function importFile(caseId: string, path: string, opts: ImportOptions = {}): Promise<EvidenceItem> {
    ctx.store.assertWritable()
    await cases.assertExists(caseId) // fail before copying gigabytes into a case that does not exist
    const name = opts.originalName ?? basename(path)
    // The examination of a file up to examineInlineUpTo reads the source while the copy does (the
    // other core decodes keyframes while this one hashes); a larger one reads it after the import
    // returns. Either stands for the blob's only if the source did not change meanwhile.
    let examining: ImportOptions['examining']
    const stop = new AbortController()
    const onAbort = () => stop.abort()
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    const before = analyser && opts.analyse !== false ? await stat(path).catch(() => null) : null
    // Only a regular file is read early: a reader opening a FIFO or a device would wait on it for ever
    // (the copy refuses those with a reason).
    let examineLater: ExaminationSource | undefined
    if (before?.isFile()) {
      const unchanged = async (storedSize: number) => {
        const after = await stat(path).catch(() => null)
        return !!after && before.size === storedSize && after.size === storedSize && before.mtimeMs === after.mtimeMs
      }
      if (before.size > examineInlineUpTo) {
        examineLater = { path, unchanged }
      } else {
        const mediaType = opts.mediaType && MEDIA_TYPE.test(opts.mediaType) ? opts.mediaType : mediaTypeFor(name)
        const provisional = { sha256: '0'.repeat(64), size: before.size, mediaType, originalName: name }
        examining = examine(caseId, null, provisional, stop.signal, path).then((analysis) => ({ analysis, unchanged }))
        examining.catch(() => undefined) // awaited by addStored; a failed copy must not leave it unhandled
      }
    }
    try {
      const stored = await storeFile(blobsDir(), path, { signal: opts.signal, onProgress: opts.onProgress })
      const item = await addStored(caseId, stored, name, { ...opts, examining, examineLater })
      if (!opts.awaitExamination || !background.examining(caseId, item.id)) return item
      await background.done(caseId, item.id)
      return await get(caseId, item.id)
    } catch (e) {
      stop.abort() // a failed or cancelled copy stops the readers too
      throw e
    } finally {
      opts.signal?.removeEventListener('abort', onAbort)
    }
  }

  /** An item may link only events of its own case. */
  async function assertEventIds(caseId: string, ids: readonly string[] | undefined): Promise<void> {
    if (!ids?.length) return
    const events = (await cases.content(caseId)).events
    for (const id of ids)
      if (!events.some((e) => e.id === id)) throw appError('VALIDATION', 'errMedia:noEventIdCase', { id })
  }

  /**
   * Stores bytes that arrive as a stream (a helper's output, a picture in memory) and adds them as
   * an item, as importFile does a file: hashed while written, sealed in an encrypted workspace, never
   * staged outside the workspace; examined as an imported file is (a sealed one through fileSources.ts).
   */
  async function importBytes(
    caseId: string,
    bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    name: string,
    opts: ImportOptions = {},
  ): Promise<EvidenceItem> {
    ctx.store.assertWritable()
    await cases.assertExists(caseId)
    const writer = await BlobWriter.create(blobsDir())
    let stored: StoredBlob
    try {
      for await (const chunk of bytes) {
        if (opts.signal?.aborted) throw appError('CANCELLED', 'errMedia:importCancelledNothingStored')
        await writer.write(Buffer.from(chunk))
      }
      stored = await writer.commit()
    } catch (e) {
      await writer.abort()
      throw e
    }
    return addStored(caseId, stored, name, opts)
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
     * expectedBytes: the size announced, when known (a large file is sealed in a thread of its own).
     */
    async stageBlob(tempDir: string, expectedBytes?: number): Promise<BlobWriter> {
      ctx.store.assertWritable()
      return BlobWriter.create(blobsDir(), { tempDir: ctx.store.resolve(ctx.store.rel(tempDir)), expectedBytes })
    },

    /** Puts staged bytes into the store under their hash (kept as they are when already there). */
    async placeBlob(sealed: SealedBlob): Promise<StoredBlob> {
      ctx.store.assertWritable()
      if (sealed.blobsDir !== blobsDir()) throw appError('FORBIDDEN', 'errMedia:blobStagedAnotherWorkspace')
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
          for (const twin of auditTwins(caseId, item.id, [c], extra)) await audit.append(twin)
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
      if (!item.file) throw appError('NOT_FOUND', 'errMedia:hasNoStoredFile2', { title: item.title })
      return { url: blobUrl(item.file, base), mediaType: item.file.mediaType, size: item.file.size }
    },
  }
}
export type EvidenceService = ReturnType<typeof createEvidenceService>

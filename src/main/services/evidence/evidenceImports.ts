/**
 * Imports: a file or a stream of bytes into the blob store (hashed while copied,
 * sealed in an encrypted workspace), then the item for it, examined now or
 * after the import returns. The evidence service hands over what it owns
 * (custody entries, the journalled insert, the examinations).
 */
import { appError } from '@shared/i18n/appError'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '@shared/ipc/result'
import { CustodyEntry, EvidenceImportOptions, EvidenceInput, EvidenceItem, FileAnalysis } from '@shared/domain'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { Analyser } from '../verification/analyser'
import {
  BlobWriter,
  blobPresent,
  BLOBS_DIR,
  containedBlobPath,
  discardSealed,
  keepBlob,
  placeSealed,
  storeFile,
  withdrawBlob,
  type Progress,
  type SealedBlob,
  type StoredBlob,
} from './blobStore'
import { kindFor, MEDIA_TYPE, mediaTypeFor, OCTET_STREAM } from './mediaTypes'
import { examinationSummary, withExamination } from './itemChanges'
import type { createExaminations } from './examinations'
import type { ExaminationSource } from './backgroundExaminations'

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

type Examinations = ReturnType<typeof createExaminations>

export interface ImportDeps {
  cases: CasesService
  analyser?: Analyser
  examineInlineUpTo: number
  examinations: Pick<Examinations, 'weigh' | 'examine' | 'background'>
  /** A custody entry by this workspace's user, now. */
  custody(action: CustodyEntry['action'], detail?: string, sha256?: string): Promise<CustodyEntry>
  /** Adds the item and its custody's audit twins as one journalled step. */
  insert(caseId: string, item: EvidenceItem, extra?: Record<string, unknown>): Promise<EvidenceItem>
  get(caseId: string, evidenceId: string): Promise<EvidenceItem>
}

export function createEvidenceImports(
  ctx: ServiceContext,
  { cases, analyser, examineInlineUpTo, examinations, custody, insert, get }: ImportDeps,
) {
  const { weigh, examine, background } = examinations
  const blobsDir = () => ctx.store.resolve(BLOBS_DIR)

  /**
   * Adds the item for a blob just stored. If that fails before the item is written (its examination
   * cancelled, the case gone), a blob this import placed, and nothing else came to use meanwhile, is taken
   * back: a cancelled import leaves none of the file's bytes in the workspace.
   */
  async function addStored(
    caseId: string,
    stored: StoredBlob,
    name: string,
    opts: ImportOptions,
  ): Promise<EvidenceItem> {
    let written = false
    try {
      const item = await addItemFor(caseId, stored, name, opts, () => (written = true))
      keepBlob(stored)
      return item
    } catch (e) {
      if (written) {
        keepBlob(stored)
        throw e
      }
      const withdrawn = await withdrawBlob(blobsDir(), stored).catch(() => false)
      if ((withdrawn || stored.existed) && e instanceof AppError && e.code === 'CANCELLED')
        throw appError('CANCELLED', 'errMedia:importCancelledNothingStored')
      throw e
    }
  }

  async function addItemFor(
    caseId: string,
    stored: StoredBlob,
    name: string,
    opts: ImportOptions,
    writing: () => void,
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
    if (opts.signal?.aborted) throw appError('CANCELLED', 'errMedia:importCancelledNothingStored')
    // From here the item may be on disk even if this throws (the journal replays it): its blob stays.
    writing()
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
      const stored = await storeFile(blobsDir(), path, {
        signal: opts.signal,
        onProgress: opts.onProgress,
        watch: true,
      })
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
      stored = await writer.commit({ watch: true })
    } catch (e) {
      await writer.abort()
      throw e
    }
    return addStored(caseId, stored, name, opts)
  }

  return { addStored, importFile, importBytes }
}

/** The blob store for what arrives other than as an import: a bundle's files, the letterhead's logo. */
export function createBlobAccess(ctx: ServiceContext) {
  const blobsDir = () => ctx.store.resolve(BLOBS_DIR)
  return {
    /** Whether the blob store holds these bytes already (a regular file under their hash). */
    hasBlob: (sha256: string): Promise<boolean> => blobPresent(blobsDir(), sha256),

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

    /** Streams a file into the blob store without making it evidence (the letterhead's logo). */
    async storeBlob(path: string): Promise<StoredBlob> {
      ctx.store.assertWritable()
      return storeFile(blobsDir(), path)
    },

    /** The real path of a stored blob for reading it, contained in this workspace (the blob protocol serves it). */
    blobPath: (sha256: string) => containedBlobPath(ctx.store.root, sha256),
  }
}

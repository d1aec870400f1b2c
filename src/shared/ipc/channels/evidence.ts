/**
 * Evidence, custody/audit, annotations and notes.
 *
 * Files come in three ways, all into the same streaming blob writer (hash and
 * copy in one pass, progress as `progress` events {taskId, label, done, total}
 * in bytes, cancellable with tasks:cancel):
 *  - evidence:pickAndImport: main shows the open dialog (several files) and imports each.
 *  - No channel takes a file path from the page: a compromised renderer must not be able to
 *    pull arbitrary files into the blob store. The CLI imports paths through the service.
 *  - Drag and drop: the renderer holds only a File. DECISION: the renderer uploads
 *    it in chunks — evidence:uploadBegin, then evidence:uploadChunk with consecutive
 *    base64 slices of File.slice() (1–4 MiB each, awaited one at a time, `offset`
 *    = bytes sent so far), then evidence:uploadFinish. Chosen over exposing
 *    webUtils.getPathForFile because it keeps the preload logic-free, keeps IPC
 *    plain JSON (the Playwright bridge cannot pass Uint8Array), works for drops
 *    that have no path (an image dragged from a browser), and the renderer never
 *    learns file system paths. Cancel with tasks:cancel({taskId}) (or stop sending
 *    for 10 minutes: the upload then expires and its temp file is removed).
 *
 * Play a file with blobUrl(item.file) from shared/domain/evidence
 * (casefile-blob://blob/<sha256>?type=<media type>), or ask evidence:blobUrl.
 */
import { z } from 'zod'
import {
  Annotation,
  AnnotationInput,
  AnnotationPatch,
  AuditChainReport,
  AuditEntry,
  EvidenceImportOptions,
  EvidenceInput,
  EvidenceItem,
  EvidenceKind,
  EvidencePatch,
  Id,
  Note,
  NoteInput,
  NotePatch,
  VerifyReport,
} from '@shared/domain'
import { channel } from '../define'

const CaseRef = z.object({ caseId: Id })
const ItemRef = CaseRef.extend({ evidenceId: Id })
const Removed = z.object({ removed: z.literal(true) })
/** Chosen by the renderer so it can match `progress` events and cancel; unique per task. */
const TaskId = z.string().min(1).max(100)

export const evidenceChannels = {
  /** One item (cases:get already returns all of a case's items). */
  'evidence:get': channel(ItemRef, EvidenceItem),
  /** An item without a file: a URL-only reference or metadata only (testimony, note). Custody: referenced. */
  'evidence:add': channel(CaseRef.extend({ item: EvidenceInput }), EvidenceItem),
  /** Any metadata: verification (overall and per check, with reasoning), grades, dates, tags, eventIds. */
  'evidence:update': channel(ItemRef.extend({ patch: EvidencePatch }), EvidenceItem),
  /** Removes the item and its annotations; the blob stays (other items may share it; custody). */
  'evidence:remove': channel(ItemRef, Removed),
  /** Shows the open-file dialog (several files); imports each in turn. cancelled: the dialog was dismissed. */
  'evidence:pickAndImport': channel(
    CaseRef.extend({ taskId: TaskId.optional(), kind: EvidenceKind.optional() }),
    z.object({ cancelled: z.boolean(), items: z.array(EvidenceItem) }),
  ),
  /** Drag and drop, step 1: announces a File of `size` bytes named `name`. */
  'evidence:uploadBegin': channel(
    CaseRef.extend({
      taskId: TaskId,
      name: z.string().min(1).max(1_000),
      size: z.number().int().nonnegative(),
      mediaType: z.string().max(200).optional(),
    }).extend(EvidenceImportOptions.shape),
    z.object({ uploadId: z.string() }),
  ),
  /** Step 2, repeated: base64 bytes starting at `offset` (must equal the bytes received so far). */
  'evidence:uploadChunk': channel(
    z.object({
      uploadId: z.string().min(1).max(100),
      offset: z.number().int().nonnegative(),
      data: z.string().max(12_000_000),
    }),
    z.object({ received: z.number().int().nonnegative() }),
  ),
  /** Step 3: checks the size, stores the blob and adds the item. */
  'evidence:uploadFinish': channel(z.object({ uploadId: z.string().min(1).max(100) }), EvidenceItem),
  /**
   * Cancels an import, upload, verification or PDF export in flight (an import's temp file is
   * removed). cancelled: false if nothing ran under that id.
   */
  'tasks:cancel': channel(z.object({ taskId: TaskId }), z.object({ cancelled: z.boolean() })),
  /** The URL to play or show an item's file from (Range requests work on it). */
  'evidence:blobUrl': channel(ItemRef, z.object({ url: z.string(), mediaType: z.string(), size: z.number() })),
  /** Re-hashes every stored file of a case (or of all cases); records hash verified / hash mismatch. */
  'evidence:verify': channel(z.object({ caseId: Id.optional(), taskId: TaskId.optional() }), VerifyReport),

  /** Checks the hash chain of the audit log. */
  'audit:verify': channel(z.object({}), AuditChainReport),
  /** Audit entries, newest last; `target` filters ("evidence:<caseId>/<id>", "case:<id>"...). */
  'audit:list': channel(
    z.object({ target: z.string().max(400).optional(), limit: z.number().int().positive().max(10_000).optional() }),
    z.array(AuditEntry),
  ),

  /** An item's annotations, sorted by position (time, page, region) then creation. */
  'annotations:list': channel(ItemRef, z.array(Annotation)),
  /** time {start,end} seconds for video/audio, page {page,quote} for documents, region {x,y,width,height} in 0..1 for images. */
  'annotations:add': channel(ItemRef.extend({ annotation: AnnotationInput }), Annotation),
  'annotations:update': channel(ItemRef.extend({ annotationId: Id, patch: AnnotationPatch }), Annotation),
  'annotations:remove': channel(ItemRef.extend({ annotationId: Id }), Removed),

  /** Rich-text notes of a case (TipTap JSON body), newest first. */
  'notes:list': channel(CaseRef, z.array(Note)),
  'notes:add': channel(CaseRef.extend({ note: NoteInput }), Note),
  'notes:update': channel(CaseRef.extend({ noteId: Id, patch: NotePatch }), Note),
  'notes:remove': channel(CaseRef.extend({ noteId: Id }), Removed),
} as const

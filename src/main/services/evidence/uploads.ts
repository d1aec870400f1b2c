import { appError } from '@shared/i18n/appError'
import { randomBytes } from 'node:crypto'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import { assertRoomFor, BLOBS_DIR, BlobWriter, throttle, type Progress } from './blobStore'
import type { EvidenceCore } from './evidenceService'
import type { ImportOptions } from './evidenceImports'

/** An upload nobody has fed for this long is abandoned and its temp file removed. */
const IDLE_MS = 10 * 60_000

interface Upload {
  caseId: string
  taskId: string
  name: string
  size: number
  opts: ImportOptions
  writer: BlobWriter
  signal: AbortSignal
  progress: ReturnType<typeof throttle>
  timer: NodeJS.Timeout
  busy: boolean
}

/**
 * Drag and drop: the renderer holds a File, not a path, so it sends the bytes in
 * consecutive base64 chunks. They go through the same hashing blob writer as a
 * file import; nothing becomes evidence until finish() checks the size.
 */
export function createUploads(ctx: ServiceContext, cases: CasesService, evidence: EvidenceCore) {
  const uploads = new Map<string, Upload>()

  async function drop(id: string): Promise<void> {
    const u = uploads.get(id)
    if (!u) return
    uploads.delete(id)
    clearTimeout(u.timer)
    evidence.tasks.end(u.taskId, u.signal)
    await u.writer.abort()
  }

  function arm(id: string, u: Upload) {
    clearTimeout(u.timer)
    u.timer = setTimeout(() => void drop(id), IDLE_MS)
    u.timer.unref?.()
  }

  function take(uploadId: string): Upload {
    const u = uploads.get(uploadId)
    if (!u) throw appError('NOT_FOUND', 'errMedia:uploadProgressFinishedCancelled')
    if (u.signal.aborted) {
      void drop(uploadId)
      throw appError('CANCELLED', 'errMedia:uploadCancelledNothingStored')
    }
    if (u.busy) throw appError('CONFLICT', 'errMedia:sendUploadChunksOne')
    return u
  }

  return {
    async begin(
      input: { caseId: string; taskId: string; name: string; size: number; onProgress?: Progress } & ImportOptions,
    ) {
      ctx.store.assertWritable()
      await cases.assertExists(input.caseId)
      await assertRoomFor(ctx.store.resolve(BLOBS_DIR), input.size, input.name)
      const signal = evidence.tasks.start(input.taskId)
      let writer: BlobWriter
      try {
        writer = await BlobWriter.create(ctx.store.resolve(BLOBS_DIR), { expectedBytes: input.size })
      } catch (e) {
        evidence.tasks.end(input.taskId, signal)
        throw e
      }
      const uploadId = `up_${randomBytes(12).toString('hex')}`
      const { caseId, taskId, name, size, onProgress, ...opts } = input
      const u: Upload = {
        caseId,
        taskId,
        name,
        size,
        opts,
        writer,
        signal,
        progress: throttle(onProgress),
        timer: undefined!,
        busy: false,
      }
      uploads.set(uploadId, u)
      arm(uploadId, u)
      // A cancel (tasks:cancel) removes the temp file at once, not at the next chunk.
      signal.addEventListener('abort', () => void drop(uploadId), { once: true })
      return { uploadId }
    },

    async chunk(uploadId: string, offset: number, base64: string): Promise<{ received: number }> {
      const u = take(uploadId)
      if (offset !== u.writer.bytes)
        throw appError('CONFLICT', 'errMedia:expectedChunkByteGot', { bytes: u.writer.bytes, offset })
      const bytes = Buffer.from(base64, 'base64')
      if (u.writer.bytes + bytes.length > u.size) {
        await drop(uploadId)
        throw appError('VALIDATION', 'errMedia:moreBytesWereSent', { size: u.size })
      }
      u.busy = true
      try {
        await u.writer.write(bytes)
      } catch (e) {
        await drop(uploadId)
        throw e
      } finally {
        u.busy = false
      }
      arm(uploadId, u)
      u.progress.report(u.writer.bytes, u.size)
      return { received: u.writer.bytes }
    },

    async finish(uploadId: string) {
      const u = take(uploadId)
      if (u.writer.bytes !== u.size) {
        await drop(uploadId)
        throw appError('VALIDATION', 'errMedia:receivedBytesUploadDropped', { bytes: u.writer.bytes, size: u.size })
      }
      uploads.delete(uploadId)
      clearTimeout(u.timer)
      try {
        const stored = await u.writer.commit({ watch: true })
        u.progress.flush(stored.size, u.size)
        return await evidence.addStored(u.caseId, stored, u.name, u.opts)
      } catch (e) {
        await u.writer.abort()
        throw e
      } finally {
        evidence.tasks.end(u.taskId, u.signal)
      }
    },

    /** Drops every unfinished upload (when the workspace closes). */
    async abortAll(): Promise<void> {
      await Promise.all([...uploads.keys()].map(drop))
    },
  }
}
export type Uploads = ReturnType<typeof createUploads>

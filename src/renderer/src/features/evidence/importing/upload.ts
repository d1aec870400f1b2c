/**
 * Drag and drop: the renderer only holds a File, so it streams it to main in
 * base64 chunks (the backend's documented choice; see channels/evidence.ts).
 */
import type { EvidenceItem } from '@shared/domain'
import { i18n } from '@renderer/lib/i18n'
import { evidenceApi } from '../api'

const CHUNK = 2 * 1024 * 1024

/** Base64 of a slice without building a giant string by hand: the browser's data-URL encoder does it natively. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error(i18n.t('evidence:task.readFailed')))
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(blob)
  })
}

export interface UploadProgress {
  (done: number, total: number): void
}

/**
 * Sends one File. `isCancelled` is polled between chunks; tasks:cancel (sent by
 * the caller) makes main discard the partial upload.
 */
export async function uploadFile(
  caseId: string,
  taskId: string,
  file: File,
  onProgress: UploadProgress,
  isCancelled: () => boolean,
): Promise<EvidenceItem | null> {
  const { uploadId } = await evidenceApi.uploadBegin({
    caseId,
    taskId,
    name: file.name || i18n.t('evidence:task.droppedFile'),
    size: file.size,
    mediaType: file.type || undefined,
  })
  let offset = 0
  onProgress(0, file.size)
  while (offset < file.size) {
    if (isCancelled()) return null
    const data = await base64Of(file.slice(offset, offset + CHUNK))
    const { received } = await evidenceApi.uploadChunk(uploadId, offset, data)
    if (received <= offset) throw new Error(i18n.t('evidence:task.stalled'))
    offset = received
    onProgress(offset, file.size)
  }
  if (isCancelled()) return null
  return evidenceApi.uploadFinish(uploadId)
}

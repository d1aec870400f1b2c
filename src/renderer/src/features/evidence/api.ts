/**
 * The evidence feature's calls to main, in one place: components never spell a
 * channel name, so a contract change is one edit here.
 */
import type { Annotation, AnnotationFormat, EvidenceItem, Note } from '@shared/domain'
import type {
  AnnotationInput,
  AnnotationPatch,
  EvidenceInput,
  EvidencePatch,
  NoteInput,
  NotePatch,
  VerifyReport,
} from '@shared/domain'
import type { Result } from '@shared/ipc/result'
import { call, request } from '@renderer/lib/api'

let taskCounter = 0
/** Unique per task so progress events and tasks:cancel find it. */
export const newTaskId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${++taskCounter}`

export const evidenceApi = {
  pickAndImport: (caseId: string, taskId: string) => call('evidence:pickAndImport', { caseId, taskId }),
  add: (caseId: string, item: EvidenceInput) => call('evidence:add', { caseId, item }),
  update: (caseId: string, evidenceId: string, patch: EvidencePatch): Promise<Result<EvidenceItem>> =>
    request('evidence:update', { caseId, evidenceId, patch }),
  remove: (caseId: string, evidenceId: string) => call('evidence:remove', { caseId, evidenceId }),
  cancelTask: (taskId: string) => call('tasks:cancel', { taskId }),
  verify: (caseId: string, taskId: string): Promise<VerifyReport> => call('evidence:verify', { caseId, taskId }),
  blobUrl: (caseId: string, evidenceId: string) => call('evidence:blobUrl', { caseId, evidenceId }),

  uploadBegin: (input: { caseId: string; taskId: string; name: string; size: number; mediaType?: string }) =>
    call('evidence:uploadBegin', input),
  uploadChunk: (uploadId: string, offset: number, data: string) =>
    call('evidence:uploadChunk', { uploadId, offset, data }),
  uploadFinish: (uploadId: string) => call('evidence:uploadFinish', { uploadId }),

  listAnnotations: (caseId: string, evidenceId: string): Promise<Annotation[]> =>
    call('annotations:list', { caseId, evidenceId }),
  addAnnotation: (caseId: string, evidenceId: string, annotation: AnnotationInput) =>
    call('annotations:add', { caseId, evidenceId, annotation }),
  updateAnnotation: (caseId: string, evidenceId: string, annotationId: string, patch: AnnotationPatch) =>
    request('annotations:update', { caseId, evidenceId, annotationId, patch }),
  removeAnnotation: (caseId: string, evidenceId: string, annotationId: string) =>
    call('annotations:remove', { caseId, evidenceId, annotationId }),

  /** A still at `at` seconds as a new exhibit: the frame the player shows (PNG, base64), else one ffmpeg cuts. */
  still: (caseId: string, evidenceId: string, at: number, title: string, png?: string): Promise<EvidenceItem> =>
    call('evidence:still', { caseId, evidenceId, at, png, title }),
  clip: (caseId: string, evidenceId: string, from: number, to: number, title: string, taskId: string) =>
    call('evidence:clip', { caseId, evidenceId, from, to, title, taskId }),
  /** Main asks where to save. */
  exportAnnotations: (caseId: string, evidenceId: string, format: AnnotationFormat, tier?: string) =>
    call('annotations:export', { caseId, evidenceId, format, tier }),
  /** Main asks for the file. */
  importAnnotations: (caseId: string, evidenceId: string, tier?: string) =>
    call('annotations:import', { caseId, evidenceId, tier }),

  listNotes: (caseId: string): Promise<Note[]> => call('notes:list', { caseId }),
  addNote: (caseId: string, note: NoteInput) => call('notes:add', { caseId, note }),
  updateNote: (caseId: string, noteId: string, patch: NotePatch) => request('notes:update', { caseId, noteId, patch }),
  removeNote: (caseId: string, noteId: string) => call('notes:remove', { caseId, noteId }),
}

/** Opens an http(s) source link in the system browser; main refuses every other scheme. */
export async function openExternal(url: string): Promise<void> {
  await call('app:openExternal', { url })
}

import { Note, NoteInput, NotePatch } from '@shared/domain'
import type { CaseRecords } from '../cases/caseRecords'
import { nowIso, type ServiceContext } from '../context'

/** Rich-text notes of a case; they live in case.json, reached through the cases service's noteRecords. */
export function createNotesService(ctx: ServiceContext, records: CaseRecords<Note>) {
  return {
    /** Newest first. */
    async list(caseId: string): Promise<Note[]> {
      const notes = await records.list(caseId)
      return [...notes].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    },

    async add(caseId: string, input: NoteInput): Promise<Note> {
      const at = nowIso(ctx)
      const note = Note.parse({ ...NoteInput.parse(input), id: ctx.newId('note'), createdAt: at, updatedAt: at })
      await records.add(caseId, note)
      ctx.changes.emit({ kind: 'note', op: 'upsert', caseId, id: note.id })
      return note
    },

    async update(caseId: string, noteId: string, patch: NotePatch): Promise<Note> {
      const fields = Object.fromEntries(Object.entries(NotePatch.parse(patch)).filter(([, v]) => v !== undefined))
      const out = await records.update(caseId, noteId, (n) => Note.parse({ ...n, ...fields, updatedAt: nowIso(ctx) }))
      ctx.changes.emit({ kind: 'note', op: 'upsert', caseId, id: noteId })
      return out
    },

    async remove(caseId: string, noteId: string): Promise<void> {
      await records.remove(caseId, noteId)
      ctx.changes.emit({ kind: 'note', op: 'remove', caseId, id: noteId })
    },
  }
}
export type NotesService = ReturnType<typeof createNotesService>

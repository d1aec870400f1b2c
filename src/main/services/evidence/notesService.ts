import { Note } from '../../../shared/domain'
import { NoteInput, NotePatch } from '../../../shared/domain/evidenceInput'
import { AppError } from '../../../shared/ipc/result'
import type { CasesService } from '../casesService'
import { nowIso, type ServiceContext } from '../context'

/** Rich-text notes of a case; they live in case.json, so every write goes through casesService.mutate. */
export function createNotesService(ctx: ServiceContext, cases: CasesService) {
  const find = (list: Note[], id: string) => {
    const i = list.findIndex((n) => n.id === id)
    if (i < 0) throw new AppError('NOT_FOUND', `No note with id "${id}" in this case.`)
    return i
  }

  return {
    /** Newest first. */
    async list(caseId: string): Promise<Note[]> {
      const notes = (await cases.caseDoc(caseId)).data.notes
      return [...notes].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    },

    async add(caseId: string, input: NoteInput): Promise<Note> {
      const at = nowIso(ctx)
      const note = Note.parse({ ...NoteInput.parse(input), id: ctx.newId('note'), createdAt: at, updatedAt: at })
      await cases.mutate(caseId, (file) => {
        file.notes.push(note)
      })
      ctx.changes.emit({ kind: 'note', op: 'upsert', caseId, id: note.id })
      return note
    },

    async update(caseId: string, noteId: string, patch: NotePatch): Promise<Note> {
      const fields = Object.fromEntries(Object.entries(NotePatch.parse(patch)).filter(([, v]) => v !== undefined))
      const out = await cases.mutate(caseId, (file) => {
        const i = find(file.notes, noteId)
        file.notes[i] = Note.parse({ ...file.notes[i], ...fields, updatedAt: nowIso(ctx) })
        return file.notes[i]
      })
      ctx.changes.emit({ kind: 'note', op: 'upsert', caseId, id: noteId })
      return out
    },

    async remove(caseId: string, noteId: string): Promise<void> {
      await cases.mutate(caseId, (file) => {
        file.notes.splice(find(file.notes, noteId), 1)
      })
      ctx.changes.emit({ kind: 'note', op: 'remove', caseId, id: noteId })
    },
  }
}
export type NotesService = ReturnType<typeof createNotesService>

import { z } from 'zod'
import { Id, Instant, patchOf, RichText, RichTextInput, Tags } from './common'

export const Note = z.object({
  id: Id,
  title: z.string().trim().max(300).default(''),
  body: RichText,
  tags: Tags,
  createdAt: Instant,
  updatedAt: Instant,
})
export type Note = z.infer<typeof Note>

export const NoteInput = Note.pick({ title: true, body: true, tags: true }).extend({ body: RichTextInput })
export type NoteInput = z.input<typeof NoteInput>
export const NotePatch = patchOf(NoteInput)
export type NotePatch = z.input<typeof NotePatch>

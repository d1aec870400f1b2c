import { z } from 'zod'
import { Id, Instant, RichText, Tags } from './common'

export const Note = z.object({
  id: Id,
  title: z.string().trim().max(300).default(''),
  body: RichText,
  tags: Tags,
  createdAt: Instant,
  updatedAt: Instant,
})
export type Note = z.infer<typeof Note>

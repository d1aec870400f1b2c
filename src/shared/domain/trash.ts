import { z } from 'zod'
import { Id, Instant, SchemaVersion } from './common'

/** Something set aside instead of deleted: a case replaced by an imported one, say. */
export const TrashEntry = z.object({
  /** Also the name of its folder under trash/. */
  id: z.string().regex(/^[0-9A-Za-z_-]{1,120}$/),
  at: Instant,
  kind: z.enum(['case']),
  /** The id it had where it lived. */
  itemId: Id,
  title: z.string().max(300).default(''),
  /** Where it lived, relative to the workspace. */
  from: z.string().max(400),
  reason: z.string().max(1_000).default(''),
})
export type TrashEntry = z.infer<typeof TrashEntry>

/** trash/trash.json: what the trash holds, newest last. */
export const TrashFile = z.object({
  schemaVersion: SchemaVersion,
  entries: z.array(TrashEntry).default([]),
})
export type TrashFile = z.infer<typeof TrashFile>

import { z } from 'zod'
import { Id, Instant, SchemaVersion } from './common'
import { StatuteExcerpt } from './statute'

/** Something set aside instead of deleted: a case replaced by an imported one, a case or an excerpt a person removed. */
export const TrashEntry = z.object({
  /** Also the name of its folder under trash/. */
  id: z.string().regex(/^[0-9A-Za-z_-]{1,120}$/),
  at: Instant,
  kind: z.enum(['case', 'statute']),
  /** The id it had where it lived. */
  itemId: Id,
  title: z.string().max(300).default(''),
  /** Where it lived, relative to the workspace. */
  from: z.string().max(400),
  reason: z.string().max(1_000).default(''),
  /**
   * A case whose file was missing or damaged in the trash: the backup already put in its place there, before a
   * restore that did not get as far as moving the folder back (the next restore still says so).
   */
  putBackFrom: z.string().max(400).optional(),
})
export type TrashEntry = z.infer<typeof TrashEntry>

/** trash/trash.json: what the trash holds, newest last. */
export const TrashFile = z.object({
  schemaVersion: SchemaVersion,
  entries: z.array(TrashEntry).default([]),
})
export type TrashFile = z.infer<typeof TrashFile>

/** What the trash keeps of a library excerpt (it lived inside statutes.json): the excerpt and the cases that linked it. */
export const StatuteTrashRecord = z.object({
  excerpt: StatuteExcerpt,
  caseIds: z.array(Id).default([]),
})
export type StatuteTrashRecord = z.infer<typeof StatuteTrashRecord>

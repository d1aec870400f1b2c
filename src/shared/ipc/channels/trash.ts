import { z } from 'zod'
import { CaseSummary, Id, StatuteExcerpt, TrashEntry } from '@shared/domain'
import { channel } from '../define'

export const trashChannels = {
  /** What the trash holds, newest first. */
  'trash:list': channel(z.object({}), z.array(TrashEntry)),
  /** Moves a case (its whole folder) to the trash; the entry is what `trash:restore` takes to put it back. */
  'cases:remove': channel(z.object({ caseId: Id }), TrashEntry),
  /** Moves a library excerpt to the trash, unlinked from its cases; CONFLICT (details: usage) while used, unless force. */
  'statutes:trash': channel(z.object({ statuteId: Id, force: z.boolean().default(false) }), TrashEntry),
  /** Puts an entry back where it lived (a case in the list, an excerpt in the library and linked again). */
  'trash:restore': channel(
    z.object({ entryId: TrashEntry.shape.id }),
    z.discriminatedUnion('kind', [
      // fromBackup: its case file was missing from the trash and was put back from this backup.
      z.object({ kind: z.literal('case'), case: CaseSummary, fromBackup: z.string().optional() }),
      // notRelinked: cases it was linked to that are not in the workspace now (in the trash, or gone).
      z.object({
        kind: z.literal('statute'),
        statute: StatuteExcerpt,
        notRelinked: z.array(z.object({ caseId: z.string(), inTrash: z.boolean() })).default([]),
      }),
    ]),
  ),
  /** Drops an entry of which nothing is left in the trash (removed by hand); CONFLICT while anything of it is there. */
  'trash:forget': channel(z.object({ entryId: TrashEntry.shape.id }), TrashEntry),
} as const

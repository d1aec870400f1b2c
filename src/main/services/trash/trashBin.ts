/**
 * The Trash as people use it: remove a case or a library excerpt to the trash,
 * list what is there, put something back. Each owner moves its own files (the
 * cases service its case folder, the statutes service its excerpt and links);
 * this only sends each entry back to the owner of its kind.
 */
import type { CaseSummary, StatuteExcerpt, TrashEntry } from '@shared/domain'
import type { CasesService } from '../cases/casesService'
import type { StatutesService } from '../statutes/statutesService'
import type { TrashService } from './trashService'

export type RestoredItem =
  | { kind: 'case'; case: CaseSummary; fromBackup?: string }
  /** notRelinked: cases it was linked to that are not in the workspace (in the trash, or gone). */
  | { kind: 'statute'; statute: StatuteExcerpt; notRelinked: { caseId: string; inTrash: boolean }[] }

export function createTrashBin(deps: { trash: TrashService; cases: CasesService; statutes: StatutesService }) {
  const { trash, cases, statutes } = deps
  // One move in or out of the trash at a time: a restore clicked twice finds its entry gone ("nothing in the
  // trash with this id") instead of half-doing the same move as the first.
  let last: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.catch(() => undefined).then(work)
    last = run
    return run
  }
  return {
    /** Newest first. */
    async list(): Promise<TrashEntry[]> {
      return (await trash.list()).reverse()
    },

    removeCase: (caseId: string): Promise<TrashEntry> => inTurn(() => cases.moveToTrash(caseId, trash)),

    removeStatute: (
      statuteId: string,
      opts: { force?: boolean } = {},
    ): Promise<{ entry: TrashEntry; unlinkedFrom: string[] }> =>
      inTurn(() => statutes.moveToTrash(statuteId, trash, opts)),

    /** Drops an entry of which nothing is left in the trash (see `TrashService.forgetEmpty`). */
    forget: (entryId: string): Promise<TrashEntry> =>
      inTurn(async () => {
        const entry = await trash.forgetEmpty(entryId)
        if (entry.kind === 'case') cases.forgetTrashed(entry.itemId)
        return entry
      }),

    restore: (entryId: string): Promise<RestoredItem> =>
      inTurn(async () => {
        const entry = await trash.get(entryId)
        if (entry.kind === 'case') {
          const { summary, fromBackup } = await cases.restoreFromTrash(entry, trash)
          return { kind: 'case', case: summary, ...(fromBackup ? { fromBackup } : {}) }
        }
        const { excerpt, notRelinked } = await statutes.restoreFromTrash(entry, trash)
        return { kind: 'statute', statute: excerpt, notRelinked }
      }),
  }
}
export type TrashBin = ReturnType<typeof createTrashBin>

/**
 * The workspace's trash: trash/<entry id>/ holds what was set aside instead of
 * deleted (a case replaced by an imported one), and trash/trash.json says what
 * each entry is, where it lived and why it left. Owners hand a folder of theirs
 * to `put`; nothing here reads inside it. Nothing is ever deleted from the trash
 * by the app.
 */
import { randomBytes } from 'node:crypto'
import { rmdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { CURRENT_SCHEMA_VERSION, TrashEntry, TrashFile } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { nowIso, type ServiceContext } from '../context'

export const TRASH_DIR = 'trash'
const TRASH_FILE = join(TRASH_DIR, 'trash.json')

export function createTrashService(ctx: ServiceContext) {
  const empty = () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, entries: [] })
  const doc = () => ctx.store.document(TRASH_FILE, 'trash', TrashFile, empty)

  return {
    /**
     * Moves `fromRel` (a folder or file of the caller's, relative to the workspace)
     * to trash/<id>/<its name> and records the entry. The move comes first: a stop
     * between the two leaves the folder in the trash, unlisted, never lost.
     */
    async put(
      fromRel: string,
      what: { kind: TrashEntry['kind']; itemId: string; title?: string; reason?: string },
    ): Promise<TrashEntry & { path: string }> {
      ctx.store.assertWritable()
      const at = nowIso(ctx)
      const id = `${at.replace(/[:.]/g, '-')}-${what.itemId}-${randomBytes(3).toString('hex')}`.slice(0, 120)
      const path = join(TRASH_DIR, id, basename(fromRel))
      await ctx.store.move(ctx.store.resolve(fromRel), path)
      const entry = TrashEntry.parse({ id, at, from: fromRel, ...what })
      await (await doc()).update((d) => void d.entries.push(entry))
      return { ...entry, path }
    },

    /** Puts an entry back where it lived (an import undone) and forgets it. */
    async restore(entryId: string): Promise<void> {
      ctx.store.assertWritable()
      const d = await doc()
      const entry = d.data.entries.find((e) => e.id === entryId)
      if (!entry) throw new AppError('NOT_FOUND', `Nothing in the trash with id "${entryId}".`)
      await ctx.store.move(ctx.store.resolve(join(TRASH_DIR, entry.id, basename(entry.from))), entry.from)
      await rmdir(ctx.store.resolve(join(TRASH_DIR, entry.id))).catch(() => undefined)
      await d.update((f) => {
        f.entries = f.entries.filter((e) => e.id !== entryId)
      })
    },

    /** Newest last. */
    async list(): Promise<TrashEntry[]> {
      if (!(await ctx.store.exists(TRASH_FILE))) return []
      return [...(await doc()).data.entries]
    },

    /** Loads trash/trash.json when there is one; false when it is damaged (the store has recorded why). */
    async check(): Promise<boolean> {
      if (!(await ctx.store.exists(TRASH_FILE))) return true
      return ctx.store.loads(TRASH_FILE, 'trash', TrashFile)
    },
  }
}
export type TrashService = ReturnType<typeof createTrashService>

/**
 * The workspace's trash: trash/<entry id>/ holds what was set aside instead of
 * deleted (a case replaced by an imported one), and trash/trash.json says what
 * each entry is, where it lived and why it left. Owners hand a folder of theirs
 * to `put`; nothing here reads inside it. Nothing is ever deleted from the trash
 * by the app.
 *
 * A record that lived inside a file of its owner (an excerpt of statutes.json)
 * has no folder to move: the owner hands its copy to `keep`, which writes it as
 * trash/<entry id>/<name>; taking it back, the owner reads it (`readKept`) and,
 * once the record is home again, `release`s the entry (the copy then goes).
 */
import { appError } from '@shared/i18n/appError'
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readdir, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CURRENT_SCHEMA_VERSION, TrashEntry, TrashFile } from '@shared/domain'
import { durableWriteFile } from '@main/storage/durableWrite'
import { layout } from '@main/storage/layout'
import { readRegularFile } from '@main/storage/safeRead'
import { nowIso, type ServiceContext } from '../context'

export const TRASH_DIR = layout.trashDir
export const TRASH_FILE = join(TRASH_DIR, 'trash.json')

/** True when `abs` is absent or a real folder holding nothing but real folders that hold nothing. */
async function onlyEmptyFolders(abs: string): Promise<boolean> {
  const s = await lstat(abs).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e))
  if (s === null) return true
  if (s instanceof Error || !s.isDirectory()) return false
  for (const name of await readdir(abs)) if (!(await onlyEmptyFolders(join(abs, name)))) return false
  return true
}

/** Removes a tree of empty folders from the bottom up; rmdir refuses any folder that is not empty. */
async function removeEmptyFolders(abs: string): Promise<void> {
  for (const d of await readdir(abs, { withFileTypes: true }))
    if (d.isDirectory()) await removeEmptyFolders(join(abs, d.name))
  await rmdir(abs)
}

export function createTrashService(ctx: ServiceContext) {
  const empty = () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, entries: [] })
  const doc = () => ctx.store.document(TRASH_FILE, 'trash', TrashFile, empty)
  const newEntryId = (at: string, itemId: string) =>
    `${at.replace(/[:.]/g, '-')}-${itemId}-${randomBytes(3).toString('hex')}`.slice(0, 120)
  // An id typed or pasted by anyone: said back whole only as long as an entry's id can be.
  const nothingThere = (entryId: string) =>
    appError('NOT_FOUND', 'errStorage:nothingTrashId', {
      entryId: entryId.length > 120 ? `${entryId.slice(0, 119)}…` : entryId,
    })
  const entryOf = async (entryId: string): Promise<TrashEntry> => {
    const entry = (await service.list()).find((e) => e.id === entryId)
    if (!entry) throw nothingThere(entryId)
    return entry
  }
  const keptPath = (entryId: string, name: string) => join(TRASH_DIR, entryId, basename(name))

  const service = {
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
      const id = newEntryId(at, what.itemId)
      const path = join(TRASH_DIR, id, basename(fromRel))
      // The trash's list loads first: one that cannot (set aside as damaged) refuses before anything moves.
      const d = await doc()
      await ctx.store.move(ctx.store.resolve(fromRel), path)
      const entry = TrashEntry.parse({ id, at, from: fromRel, ...what })
      await d.update((f) => void f.entries.push(entry))
      return { ...entry, path }
    },

    /**
     * Puts an entry back where it lived (an import undone), or at `to` when its owner names the place (its own
     * words for it, whatever separator trash.json was written with), and forgets it.
     */
    async restore(entryId: string, to?: string): Promise<void> {
      ctx.store.assertWritable()
      const d = await doc()
      const entry = d.data.entries.find((e) => e.id === entryId)
      if (!entry) throw nothingThere(entryId)
      await ctx.store.move(ctx.store.resolve(service.heldAt(entry)), to ?? entry.from)
      await rmdir(ctx.store.resolve(join(TRASH_DIR, entry.id))).catch(() => undefined)
      await d.update((f) => {
        f.entries = f.entries.filter((e) => e.id !== entryId)
      })
    },

    /**
     * Where an entry's folder or file lies in the trash, relative to the workspace. trash.json travels between
     * systems with the workspace: its `from` may be written with either separator.
     */
    heldAt: (entry: TrashEntry): string => join(TRASH_DIR, entry.id, entry.from.split(/[\\/]/).pop() ?? ''),

    /**
     * Whether nothing of an entry is left in the trash: its folder gone, or holding only empty folders. A file,
     * a link (wherever it leads) or anything else there is something, and is kept.
     */
    holdsNothingOf: (entry: TrashEntry): Promise<boolean> =>
      onlyEmptyFolders(ctx.store.resolve(join(TRASH_DIR, entry.id))),

    /** Records, durably, what its owner has done to an entry while it lies in the trash (see `putBackFrom`). */
    async note(entryId: string, what: Pick<TrashEntry, 'putBackFrom'>): Promise<void> {
      ctx.store.assertWritable()
      const d = await doc()
      if (!d.data.entries.some((e) => e.id === entryId)) throw nothingThere(entryId)
      await d.update((f) => {
        for (const e of f.entries) if (e.id === entryId) e.putBackFrom = what.putBackFrom
      })
    },

    /** Newest last. */
    async list(): Promise<TrashEntry[]> {
      if (!(await ctx.store.existsOrSetAside(TRASH_FILE))) return []
      // Copies: what a caller does with an entry is not what the trash says until it is recorded.
      return (await doc()).data.entries.map((e) => ({ ...e }))
    },

    /** One entry; NOT_FOUND when the trash holds none with this id. */
    get: entryOf,

    /**
     * Keeps a copy of a record that lived inside its owner's file (`from`) as
     * trash/<id>/<name>, written durably before the entry is listed; the owner
     * removes the record from its file only after this resolves.
     */
    async keep(
      what: { kind: TrashEntry['kind']; itemId: string; title?: string; reason?: string; from: string },
      name: string,
      data: unknown,
    ): Promise<TrashEntry> {
      ctx.store.assertWritable()
      const at = nowIso(ctx)
      const id = newEntryId(at, what.itemId)
      const abs = ctx.store.resolve(keptPath(id, name))
      const d = await doc()
      await mkdir(dirname(abs), { recursive: true })
      await durableWriteFile(abs, JSON.stringify(data, null, 1))
      const entry = TrashEntry.parse({ id, at, ...what })
      await d.update((f) => void f.entries.push(entry))
      return entry
    },

    /** The copy `keep` wrote for an entry, parsed but not validated (its owner validates it). */
    async readKept(entryId: string, name: string): Promise<unknown> {
      const entry = await entryOf(entryId)
      try {
        // Sealed like every stored file in an encrypted workspace (durableWriteFile wrote it so).
        return JSON.parse((await readRegularFile(ctx.store.resolve(keptPath(entryId, name)))).toString('utf8'))
      } catch (e) {
        if (await service.holdsNothingOf(entry))
          throw appError(
            'CORRUPT',
            'errRecords:trashHoldsNothingOf',
            { title: entry.title || entry.itemId, folder: keptPath(entryId, name) },
            { nothingHeld: true },
          )
        throw appError('CORRUPT', 'errStorage:trashCopyCannotRead', { entryId, reason: (e as Error).message })
      }
    },

    /** Forgets an entry whose record its owner has taken back; its folder (the copy) goes with it. */
    async release(entryId: string): Promise<void> {
      ctx.store.assertWritable()
      await entryOf(entryId)
      await (
        await doc()
      ).update((f) => {
        f.entries = f.entries.filter((e) => e.id !== entryId)
      })
      await rm(ctx.store.resolve(join(TRASH_DIR, entryId)), { recursive: true, force: true })
    },

    /**
     * Drops an entry whose folder or copy is no longer in the trash (removed by hand): listed, it could never be
     * put back nor go away. Refused while anything of it is there, so nothing held is ever deleted.
     */
    async forgetEmpty(entryId: string): Promise<TrashEntry> {
      ctx.store.assertWritable()
      const entry = await entryOf(entryId)
      const folder = join(TRASH_DIR, entry.id)
      if (!(await service.holdsNothingOf(entry)))
        throw appError('CONFLICT', 'errStorage:trashEntryStillHolds', { title: entry.title || entry.itemId, folder })
      await (
        await doc()
      ).update((f) => {
        f.entries = f.entries.filter((e) => e.id !== entryId)
      })
      // rmdir takes only an empty folder: whatever came there since the look above stays.
      await removeEmptyFolders(ctx.store.resolve(folder)).catch(() => undefined)
      return entry
    },

    /** Loads trash/trash.json when there is one; false when it is damaged (the store has recorded why). */
    async check(): Promise<boolean> {
      if (!(await ctx.store.exists(TRASH_FILE))) return true
      return ctx.store.loads(TRASH_FILE, 'trash', TrashFile)
    },
  }
  return service
}
export type TrashService = ReturnType<typeof createTrashService>

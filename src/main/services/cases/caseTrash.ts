/**
 * A case to the trash and back: its folder moves whole (trash/<entry>/<case id>/), the index follows,
 * and the problems of its files wait with it. A case comes back only when its case file loads where it
 * lies in the trash, or a good backup of that file can be put back (then the person is told which).
 */
import { appError } from '@shared/i18n/appError'
import { AppError, messageOf, type MessageRef } from '@shared/ipc/result'
import { nestedText } from '@shared/i18n/invalidInput'
import { reasonOf, reasonText } from '@main/storage/problems'
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { CaseFile, toCaseSummary, type CaseSummary, type TrashEntry } from '@shared/domain'
import { SAFE_ID } from '@main/storage/layout'
import { NotRegularFileError, readRegularFile } from '@main/storage/safeRead'
import { parseStoredJson } from '@main/storage/storedJson'
import type { ServiceContext } from '../context'
import type { TrashService } from '../trash/trashService'
import type { WorkspaceService } from '../workspace/workspaceService'
import { CASES_DIR, caseDir, caseFilePath } from './caseFiles'

export interface RestoredCase {
  summary: CaseSummary
  /** The backup its case file was put back from, when that file was missing or damaged in the trash. */
  fromBackup?: string
}

/** Its own folder, as trash.json says it, written on any system (`cases/<id>` or `cases\\<id>`). */
const ownFolder = (from: string, caseId: string) =>
  from === `${CASES_DIR}/${caseId}` || from === `${CASES_DIR}\\${caseId}`

/** Why a case file will not load, to be said in the refusal (in the reader's language when it is a message). */
type WhyNot = { missing: true } | { missing: false; reason: MessageRef | string; otherCase?: string }

export function createCaseTrash(ctx: ServiceContext, workspace: WorkspaceService) {
  // What is at rel itself, not where a link leads: a link that leads nowhere is something too.
  const entryAt = (rel: string) => lstat(ctx.store.resolve(rel)).catch(() => null)

  /** Why the case file lying at `heldRel` would not load as case `caseId`'s file; undefined when it would. */
  async function whyNotLoading(heldRel: string, caseId: string): Promise<WhyNot | undefined> {
    const file = caseFilePath(caseId)
    let bytes: Buffer
    try {
      bytes = await readRegularFile(ctx.store.resolve(heldRel), { openAs: ctx.store.resolve(file) })
    } catch (e) {
      // Set aside as damaged before the case left: its problem went with it.
      const quarantined = ctx.store.problems.setAsideAs(file, { away: true })
      if (quarantined)
        return {
          missing: false,
          reason: {
            key: 'errStorage:failedLoadEarlierSet',
            values: { original: file, file: quarantined, backup: 'none' },
          },
        }
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true }
      if (e instanceof NotRegularFileError)
        return { missing: false, reason: reasonText({ reason: 'notRegular', entry: e.kind }) }
      if (e instanceof AppError) return { missing: false, reason: e.text ?? e.message }
      throw e
    }
    const parsed = parseStoredJson(bytes, 'case', CaseFile)
    if (parsed.ok === false) return { missing: false, reason: reasonText(reasonOf(parsed)) }
    const id = (parsed.data as { case?: { id?: unknown } }).case?.id
    if (id !== caseId)
      return {
        missing: false,
        reason: { key: 'errRecords:caseFileOfAnotherCase', values: { id: String(id) } },
        otherCase: String(id),
      }
    return undefined
  }

  /**
   * The backup a missing or damaged case file comes back from: only one taken before the case left (one taken
   * since is of whatever lived at its path after it). Refuses, saying why, when there is none.
   */
  async function backupFor(file: string, held: string, entry: TrashEntry, why: WhyNot): Promise<string> {
    const takenBy = new Date(entry.at)
    const backup = await ctx.store.goodBackup(file, 'case', CaseFile, takenBy)
    if (backup) return backup
    if (await ctx.store.goodBackup(file, 'case', CaseFile))
      throw appError('CORRUPT', 'errRecords:caseBackupsAllLaterStaysInTrash', { title: entry.title, at: entry.at })
    throw why.missing
      ? appError('CORRUPT', 'errRecords:caseFileMissingStaysInTrash', { title: entry.title, held })
      : appError('CORRUPT', 'errRecords:caseBackInTrashNoGoodBackup', {
          title: entry.title,
          ...nestedText('reason', why.reason),
        })
  }

  /**
   * A missing or damaged case file put right where it lies in the trash, before anything moves: the damaged one to
   * quarantine/, the backup in its place. The entry says so first, so a restore stopped after this (the folder
   * not moved back) still tells, the next time, which backup the case came back from.
   */
  async function putRightInTrash(
    entry: TrashEntry,
    trash: TrashService,
    at: { file: string; held: string; backup: string },
  ): Promise<void> {
    const { file, held, backup } = at
    const before = entry.putBackFrom
    await trash.note(entry.id, { putBackFrom: backup })
    try {
      if (await ctx.store.exists(held))
        await ctx.store.setAsideAway(held, file, backup).catch((e: Error) => {
          throw appError('IO', 'errRecords:caseDamagedNotSetAsideStaysInTrash', {
            title: entry.title,
            reason: e.message,
          })
        })
      await ctx.store.copyBackupTo(backup, file, held).catch((e: Error) => {
        throw appError('IO', 'errRecords:caseBackupNotPutBackStaysInTrash', {
          title: entry.title,
          backup,
          reason: e.message,
        })
      })
    } catch (e) {
      // The file in the trash is not the backup: the entry says what it said before.
      await trash.note(entry.id, { putBackFrom: before }).catch(() => undefined)
      throw e
    }
  }

  return {
    /**
     * Sets a case aside: its folder (case file, annotations, briefings) moves to
     * the trash whole and the index forgets it. Its evidence files stay in blobs/,
     * which nothing deletes, so a restored case finds them again.
     */
    async moveToTrash(caseId: string, trash: TrashService): Promise<TrashEntry> {
      ctx.store.assertWritable()
      const summary = (await workspace.listCases()).find((c) => c.id === caseId)
      if (!summary || !SAFE_ID.test(caseId)) throw appError('NOT_FOUND', 'errRecords:noCaseId', { caseId })
      // Writes already queued land first; none can reach the folder once it has moved.
      await ctx.store.retireUnder(caseDir(caseId))
      const { path: _path, ...entry } = await trash.put(caseDir(caseId), {
        kind: 'case',
        itemId: caseId,
        title: summary.title,
        reason: 'removed',
      })
      ctx.store.problems.setAwayUnder(caseDir(caseId))
      await workspace.removeCase(caseId)
      ctx.changes.emit({ kind: 'case', op: 'remove', caseId, id: caseId })
      return entry
    },

    /** Its trash entry dropped (nothing of it was left there): a folder at its place is no longer taken for another. */
    forgetTrashed(caseId: string): void {
      ctx.store.problems.noLongerAway(caseDir(caseId))
    },

    /**
     * The problems of the files of cases in the trash wait there with them (nothing in a trashed folder can be
     * repaired); they are reported again when the case comes back. Called once, on open.
     */
    async setTrashedAway(trash: TrashService): Promise<void> {
      const entries = (await trash.list().catch(() => [])).filter((e) => e.kind === 'case')
      if (!entries.length) return
      // A case listed again (one imported in place of the one trashed) is here; a folder left at its place by
      // hand is not: repair must not restore into it what belongs to the case in the trash.
      const listed = await workspace.listCases().then(
        (all) => new Set(all.map((c) => c.id)),
        () => undefined,
      )
      for (const e of entries) {
        const here = listed ? listed.has(e.itemId) : await ctx.store.exists(caseDir(e.itemId))
        if (!here) ctx.store.problems.setAwayUnder(caseDir(e.itemId))
      }
    },

    /**
     * Puts a case from the trash back in cases/ and the index; CONFLICT when a case with its id exists again.
     * A case whose file is missing or would not load stays in the trash as it is, entry and all, unless a good
     * backup of that file taken before it left exists: then it comes back with that backup as its file (a damaged
     * one kept under quarantine/), and says which. Another case's file there keeps it in the trash.
     */
    async restoreFromTrash(entry: TrashEntry, trash: TrashService): Promise<RestoredCase> {
      ctx.store.assertWritable()
      const caseId = entry.itemId
      if ((await workspace.listCases()).some((c) => c.id === caseId))
        throw appError('CONFLICT', 'errRecords:caseIdWorkspaceCannot', { caseId })
      // An entry's words are trash.json's, which anyone may have edited: only a case's own folder comes back.
      if (!SAFE_ID.test(caseId) || !ownFolder(entry.from, caseId))
        throw appError('CORRUPT', 'errRecords:trashEntryNotCaseFolder', { title: entry.title, from: entry.from })
      const folder = trash.heldAt(entry)
      if (!(await entryAt(folder))?.isDirectory())
        // Nothing of it is left: the window and the command line offer to drop the entry (`forget`).
        throw (await trash.holdsNothingOf(entry))
          ? appError('CORRUPT', 'errRecords:trashHoldsNothingOf', { title: entry.title, folder }, { nothingHeld: true })
          : appError('CORRUPT', 'errRecords:trashHoldsNoFolder', { title: entry.title, folder })
      // Something at its place (a folder left by hand) would stop the move only after the file was put right.
      if (await entryAt(caseDir(caseId)))
        throw appError('CONFLICT', 'errRecords:caseFolderInTheWay', { title: entry.title, folder: caseDir(caseId) })
      await ctx.store.resealTrashed(folder)
      const file = caseFilePath(caseId)
      const held = join(folder, 'case.json')
      const why = await whyNotLoading(held, caseId)
      // Another case's file loads as a case file: nothing would set it aside, so it stays where it is.
      if (why && !why.missing && why.otherCase)
        throw appError('CORRUPT', 'errRecords:caseFileOfAnotherCaseStays', {
          title: entry.title,
          held,
          id: why.otherCase,
        })
      const backup = why && (await backupFor(file, held, entry, why))
      if (backup) await putRightInTrash(entry, trash, { file, held, backup })
      await trash.restore(entry.id, caseDir(caseId)).catch((e: unknown) => {
        if (!backup || !(e instanceof Error)) throw e
        throw appError(e instanceof AppError ? e.code : 'IO', 'errRecords:caseBackupInTrashFolderNotMoved', {
          title: entry.title,
          backup,
          reason: e.message,
        })
      })
      // Put right by an earlier restore that stopped before the move: this is still the backup, and is said so.
      // trash.json is anyone's to edit: only a name of one of this file's backups is said back.
      const earlier = entry.putBackFrom && ctx.store.isBackupOf(file, entry.putBackFrom) ? entry.putBackFrom : undefined
      const fromBackup = backup || earlier
      ctx.store.problems.bringBackUnder(caseDir(caseId))
      ctx.store.forget(file)
      const restored = (
        await ctx.store.document(file, 'case', CaseFile).catch((e: unknown) => {
          if (!(e instanceof AppError)) throw e
          throw appError('CORRUPT', 'errRecords:caseFolderBackFileNot', {
            title: entry.title,
            ...nestedText('reason', e.text ?? e.message),
          })
        })
      ).data.case
      // Set aside before the case left, or just now, and a good file in its place: that record is done with.
      // Kept in quarantine/ either way; one that cannot move to resolved/ stays listed, which says no more than it is.
      if (ctx.store.problems.setAsideAs(file))
        await ctx.store.settleSetAside(file, 'case', CaseFile).catch(() => undefined)
      // The folder is back: a list that cannot be written now is put right by repair, and the person is told so.
      await workspace.upsertCase(restored).catch((e: unknown) => {
        throw appError(e instanceof AppError ? e.code : 'IO', 'errRecords:caseBackNotListed', {
          title: entry.title,
          folder: caseDir(caseId),
          backup: fromBackup ?? 'none',
          ...nestedText('reason', e instanceof AppError ? (e.text ?? e.message) : messageOf(e)),
        })
      })
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
      return { summary: toCaseSummary(restored), ...(fromBackup ? { fromBackup } : {}) }
    },
  }
}

/**
 * A case to the trash and back: its folder moves whole (trash/<entry>/<case id>/), the index follows,
 * and the problems of its files wait with it. A case comes back only when its case file loads where it
 * lies in the trash, or a good backup of that file can be put back (then the person is told which).
 */
import { appError, worded } from '@shared/i18n/appError'
import { AppError } from '@shared/ipc/result'
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { CaseFile, toCaseSummary, type CaseSummary, type TrashEntry } from '@shared/domain'
import { SAFE_ID } from '@main/storage/layout'
import { NotRegularFileError, readRegularFile } from '@main/storage/safeRead'
import { parseStoredJson } from '@main/storage/storedJson'
import type { ServiceContext } from '../context'
import type { TrashService } from '../trash/trashService'
import type { WorkspaceService } from '../workspace/workspaceService'
import { caseDir, caseFilePath, CASES_DIR } from './caseFiles'

export interface RestoredCase {
  summary: CaseSummary
  /** The backup its case file was put back from, when that file was missing or damaged in the trash. */
  fromBackup?: string
}

type WhyNot = { missing: true } | { missing: false; reason: string; otherCase?: string }

export function createCaseTrash(ctx: ServiceContext, workspace: WorkspaceService) {
  const isFolder = (rel: string) =>
    lstat(ctx.store.resolve(rel)).then(
      (s) => s.isDirectory(),
      () => false,
    )

  /** Why the case file lying at `heldRel` would not load as case `caseId`'s file; undefined when it would. */
  async function whyNotLoading(heldRel: string, caseId: string): Promise<WhyNot | undefined> {
    const file = caseFilePath(caseId)
    let bytes: Buffer
    try {
      bytes = await readRegularFile(ctx.store.resolve(heldRel), { openAs: ctx.store.resolve(file) })
    } catch (e) {
      // Set aside as damaged before the case left: its problem went with it.
      const quarantined = ctx.store.setAsideAs(file, { away: true })
      if (quarantined)
        return {
          missing: false,
          reason: appError('CORRUPT', 'errStorage:failedLoadEarlierSet', {
            original: file,
            file: quarantined,
            backup: 'none',
          }).message,
        }
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true }
      if (e instanceof AppError || e instanceof NotRegularFileError) return { missing: false, reason: e.message }
      throw e
    }
    const parsed = parseStoredJson(bytes, 'case', CaseFile)
    if (parsed.ok === false) return { missing: false, reason: parsed.why }
    const id = (parsed.data as { case?: { id?: unknown } }).case?.id
    if (id !== caseId)
      return {
        missing: false,
        reason: appError('CORRUPT', 'errRecords:caseFileOfAnotherCase', { id: String(id) }).message,
        otherCase: String(id),
      }
    return undefined
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
      ctx.store.setAwayUnder(caseDir(caseId))
      await workspace.removeCase(caseId)
      ctx.changes.emit({ kind: 'case', op: 'remove', caseId, id: caseId })
      return entry
    },

    /**
     * The problems of the files of cases in the trash wait there with them (nothing in a trashed folder can be
     * repaired); they are reported again when the case comes back. Called once, on open.
     */
    async setTrashedAway(trash: TrashService): Promise<void> {
      for (const e of await trash.list().catch(() => []))
        if (e.kind === 'case' && !(await ctx.store.exists(caseDir(e.itemId)))) ctx.store.setAwayUnder(caseDir(e.itemId))
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
      if (entry.from.split(/[\\/]/).join('/') !== `${CASES_DIR}/${caseId}`)
        throw appError('CORRUPT', 'errRecords:trashEntryNotCaseFolder', { title: entry.title, from: entry.from })
      const folder = trash.heldAt(entry)
      if (!(await isFolder(folder)))
        throw appError('CORRUPT', 'errRecords:trashHoldsNoFolder', { title: entry.title, folder })
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
      // Only a backup from before the case left: one taken since is of whatever lived at its path after it.
      const takenBy = new Date(entry.at)
      const backup = why && (await ctx.store.goodBackup(file, 'case', CaseFile, takenBy))
      if (why && !backup)
        throw why.missing
          ? appError('CORRUPT', 'errRecords:caseFileMissingStaysInTrash', { title: entry.title, held })
          : appError('CORRUPT', 'errRecords:caseBackInTrashNoGoodBackup', { title: entry.title, reason: why.reason })
      await trash.restore(entry.id)
      ctx.store.bringBackUnder(caseDir(caseId))
      ctx.store.forget(file)
      if (why) {
        // A damaged file is set aside, kept, as its load fails; a missing one is recorded so. Either way its
        // backup takes its place, and the person is told which (edits after it are not in it).
        if (why.missing)
          ctx.store.report({ file, kind: 'missing', ...worded('errRecords:caseFileMissingFromTrash', { file }) })
        else await ctx.store.document(file, 'case', CaseFile).catch(() => undefined)
        await ctx.store.restoreBackup(file, { kind: 'case', schema: CaseFile }, takenBy)
      }
      const restored = (
        await ctx.store.document(file, 'case', CaseFile).catch((e: unknown) => {
          if (!(e instanceof AppError)) throw e
          throw appError('CORRUPT', 'errRecords:caseFolderBackFileNot', { title: entry.title, reason: e.message })
        })
      ).data.case
      // Set aside before the case left, and a good file put in its place since: that record is done with.
      if (ctx.store.setAsideAs(file)) await ctx.store.settleSetAside(file, 'case', CaseFile)
      await workspace.upsertCase(restored)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
      return { summary: toCaseSummary(restored), ...(backup ? { fromBackup: backup } : {}) }
    },
  }
}

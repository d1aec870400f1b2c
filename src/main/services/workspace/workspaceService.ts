import { appError, worded } from '@shared/i18n/appError'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  CURRENT_SCHEMA_VERSION,
  formatMemoNumber,
  Organisation,
  SettingsPatch,
  toCaseSummary,
  UserName,
  WorkspaceFile,
  WorkspaceName,
  WorkspaceSettings,
  type Case,
  type CaseSummary,
  type WorkspaceInfo,
  type WorkspaceProblem,
} from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { parseStoredJson } from '@main/storage/storedJson'
import { nowIso, type ServiceContext } from '../context'

/** The file that makes a folder a workspace. */
export const WORKSPACE_FILE = 'workspace.json'

/** Whether a folder already holds a workspace (the app offers the demo only to a new one). */
export const isWorkspaceFolder = (root: string): boolean => existsSync(join(root, WORKSPACE_FILE))

/** Owns workspace.json: the workspace's name, user name and the case index; and reports the store's problems. */
export function createWorkspaceService(ctx: ServiceContext) {
  const empty = () => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: 'Casefile workspace',
    createdAt: nowIso(ctx),
    userName: 'local user',
    cases: [],
  })
  const doc = () => ctx.store.document(WORKSPACE_FILE, 'workspace', WorkspaceFile, empty)

  async function rebuild(
    found: { summaries: CaseSummary[]; unreadable: string[] } | null,
    why: 'missing' | 'damaged' | 'setAside',
  ) {
    const summaries = found?.summaries ?? []
    const backup = await ctx.store.backups.newestGood(
      WORKSPACE_FILE,
      (bytes) => parseStoredJson(bytes, 'workspace', WorkspaceFile).ok === true,
    )
    const from = backup
      ? (parseStoredJson(backup.bytes, 'workspace', WorkspaceFile) as { data: WorkspaceFile }).data
      : null
    const rebuilt = {
      ...empty(),
      // Everything but the index, which the case folders hold more surely than a backup taken before the last write.
      ...(from ? { name: from.name, userName: from.userName, createdAt: from.createdAt, settings: from.settings } : {}),
      cases: summaries,
    }
    ctx.store.forget(WORKSPACE_FILE)
    if (ctx.store.readOnly) ctx.store.standIn(WORKSPACE_FILE, 'workspace', WorkspaceFile, rebuilt)
    else await ctx.store.document(WORKSPACE_FILE, 'workspace', WorkspaceFile, () => rebuilt, { overSetAside: true })
    ctx.store.problems.report({
      file: WORKSPACE_FILE,
      kind: 'missing',
      ...worded('errStorage:indexRebuilt', {
        file: WORKSPACE_FILE,
        why,
        readOnly: ctx.store.readOnly ? 'yes' : 'no',
        count: summaries.length,
        from: backup ? relative(ctx.store.root, backup.path) : 'none',
        unreadableCount: found?.unreadable.length ?? 0,
        unreadableList: found?.unreadable.join(', ') ?? '',
      }),
    })
  }

  const service = {
    /**
     * Creates workspace.json in a new folder. A folder that holds cases but no workspace.json
     * (deleted, lost, or set aside as damaged) never gets an empty index, which would hide every
     * case: the index is rebuilt from the case folders (`onDisk`), the name and user name from
     * the newest good backup, and a problem says so. A reader builds it in memory only; a reader
     * of a folder with neither is told it is no workspace.
     */
    async ensure(onDisk: () => Promise<{ summaries: CaseSummary[]; unreadable: string[] } | null>): Promise<void> {
      if (await ctx.store.exists(WORKSPACE_FILE)) {
        await doc().catch(async (e) => {
          // Damaged: rebuild from the cases rather than start empty (a writer has set the file aside).
          if (!(e instanceof AppError && e.code === 'CORRUPT')) throw e
          await rebuild(await onDisk(), ctx.store.readOnly ? 'damaged' : 'setAside')
        })
        return
      }
      const found = await onDisk()
      if (!found) {
        if (ctx.store.readOnly)
          throw appError('NOT_FOUND', 'errStorage:casefileWorkspaceHasNo', { root: ctx.store.root })
        // Set aside with no case folder to rebuild from: rebuilt all the same (the name from its backup),
        // never refused, or no window and no command could open the workspace to restore anything.
        if (ctx.store.problems.setAsideAs(WORKSPACE_FILE)) await rebuild(null, 'setAside')
        else await doc()
        return
      }
      await rebuild(found, 'missing')
    },

    async info(recent: string[] = []): Promise<WorkspaceInfo> {
      const d = await doc()
      return {
        root: ctx.store.root,
        name: d.data.name,
        readOnly: ctx.store.readOnly,
        readOnlyReason: ctx.store.readOnlyReason,
        readOnlyText: ctx.store.readOnlyText,
        userName: d.data.userName,
        problems: service.problems(),
        recent,
      }
    },

    /** Files that failed to load, were set aside or are newer than this version. */
    problems(): WorkspaceProblem[] {
      return ctx.store.problems.all()
    },

    async userName(): Promise<string> {
      return (await doc()).data.userName
    },

    /** Checked here, not only at the window's channel: an invalid name would make workspace.json fail to load. */
    async setUserName(userName: string): Promise<void> {
      const name = UserName.parse(userName)
      await (
        await doc()
      ).update((d) => {
        d.userName = name
      })
    },

    async setName(name: string): Promise<void> {
      const checked = WorkspaceName.parse(name)
      await (
        await doc()
      ).update((d) => {
        d.name = checked
      })
    },

    async settings(): Promise<WorkspaceSettings> {
      return (await doc()).data.settings
    },

    /** Changes the settings it names; organisation fields merge. */
    async updateSettings(patch: SettingsPatch): Promise<WorkspaceSettings> {
      const p = SettingsPatch.parse(patch)
      return (await doc()).update((d) => {
        const { organisation, verification, ...rest } = p
        const defined = <T extends object>(o: T) =>
          Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
        d.settings = WorkspaceSettings.parse({
          ...d.settings,
          ...defined(rest),
          organisation: { ...d.settings.organisation, ...defined(organisation ?? {}) },
          verification: { ...d.settings.verification, ...defined(verification ?? {}) },
        })
        return d.settings
      })
    },

    /** Sets (or, with null, removes) the logo printed beside the letterhead: a blob already stored. */
    async setLogo(logo: Organisation['logo'] | null): Promise<WorkspaceSettings> {
      return (await doc()).update((d) => {
        d.settings.organisation = Organisation.parse({ ...d.settings.organisation, logo: logo ?? undefined })
        return d.settings
      })
    },

    /**
     * The next memo number from the organisation's pattern, counted per year; the
     * counter is saved before the number is handed out, so no number is given twice
     * (a crash can at worst skip one). Null when no pattern is set.
     */
    async nextMemoNumber(today: Date): Promise<string | null> {
      const year = today.getUTCFullYear()
      return (await doc()).update((d) => {
        const org = d.settings.organisation
        if (!org.memoNumberPattern) return null
        const last = org.memoCounter?.year === year ? org.memoCounter.last : 0
        org.memoCounter = { year, last: last + 1 }
        return formatMemoNumber(org.memoNumberPattern, last + 1, year)
      })
    },

    async listCases(): Promise<readonly CaseSummary[]> {
      return (await doc()).data.cases
    },

    /** Keeps the index entry of a case in step with its file (a whole case, or the summary it had). */
    async upsertCase(c: Case | CaseSummary): Promise<void> {
      const summary = toCaseSummary(c)
      await (
        await doc()
      ).update((d) => {
        const i = d.cases.findIndex((s) => s.id === c.id)
        if (i >= 0) d.cases[i] = summary
        else d.cases.push(summary)
      })
    },

    /** Drops a case from the index (its folder has left cases/: an import undone). */
    async removeCase(caseId: string): Promise<void> {
      await (
        await doc()
      ).update((d) => {
        d.cases = d.cases.filter((s) => s.id !== caseId)
      })
    },

    /**
     * Puts back the newest backup of a file that failed to load; the quarantined copy stays.
     * Only such a file: otherwise a caller could roll a healthy file back and drop every edit since.
     */
    async restoreBackup(file: string): Promise<void> {
      await ctx.store.restoreBackup(file)
    },

    /** Loads workspace.json; false when it is damaged (the store has recorded why). */
    check: () => ctx.store.loads(WORKSPACE_FILE, 'workspace', WorkspaceFile, empty),
  }
  return service
}
export type WorkspaceService = ReturnType<typeof createWorkspaceService>

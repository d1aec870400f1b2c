import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  CURRENT_SCHEMA_VERSION,
  formatMemoNumber,
  Organisation,
  SettingsPatch,
  toCaseSummary,
  WorkspaceFile,
  WorkspaceSettings,
  type Case,
  type CaseSummary,
  type WorkspaceInfo,
  type WorkspaceProblem,
} from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { nowIso, type ServiceContext } from '../context'

/** The file that makes a folder a workspace. */
const WORKSPACE_FILE = 'workspace.json'

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

  const service = {
    /** Creates workspace.json in a new folder; a read-only opener is told the folder is no workspace. */
    async ensure(): Promise<void> {
      if (ctx.store.readOnly && !(await ctx.store.exists(WORKSPACE_FILE))) {
        throw new AppError('NOT_FOUND', `${ctx.store.root} is not a Casefile workspace (it has no workspace.json).`)
      }
      await doc()
    },

    async info(recent: string[] = []): Promise<WorkspaceInfo> {
      const d = await doc()
      return {
        root: ctx.store.root,
        name: d.data.name,
        readOnly: ctx.store.readOnly,
        readOnlyReason: ctx.store.readOnlyReason,
        userName: d.data.userName,
        problems: service.problems(),
        recent,
      }
    },

    /** Files that failed to load, were set aside or are newer than this version. */
    problems(): WorkspaceProblem[] {
      return [...ctx.store.problems]
    },

    async userName(): Promise<string> {
      return (await doc()).data.userName
    },

    async setUserName(userName: string): Promise<void> {
      await (
        await doc()
      ).update((d) => {
        d.userName = userName
      })
    },

    async setName(name: string): Promise<void> {
      await (
        await doc()
      ).update((d) => {
        d.name = name
      })
    },

    async settings(): Promise<WorkspaceSettings> {
      return (await doc()).data.settings
    },

    /** Changes the settings it names; organisation fields merge. */
    async updateSettings(patch: SettingsPatch): Promise<WorkspaceSettings> {
      const p = SettingsPatch.parse(patch)
      return (await doc()).update((d) => {
        const { organisation, ...rest } = p
        const defined = <T extends object>(o: T) =>
          Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
        d.settings = WorkspaceSettings.parse({
          ...d.settings,
          ...defined(rest),
          organisation: { ...d.settings.organisation, ...defined(organisation ?? {}) },
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

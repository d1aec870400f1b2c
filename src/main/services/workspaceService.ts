import {
  CURRENT_SCHEMA_VERSION,
  toCaseSummary,
  WorkspaceFile,
  type Case,
  type WorkspaceInfo,
} from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { layout } from '../storage/layout'
import { nowIso, type ServiceContext } from './context'

/** Owns workspace.json: the workspace's name, user name and the case index. */
export function createWorkspaceService(ctx: ServiceContext) {
  const doc = () =>
    ctx.store.document(layout.workspace, 'workspace', WorkspaceFile, () => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      name: 'Casefile workspace',
      createdAt: nowIso(ctx),
      userName: 'local user',
      cases: [],
    }))

  return {
    /** Creates workspace.json in a new folder; a read-only opener is told the folder is no workspace. */
    async ensure(): Promise<void> {
      if (ctx.store.readOnly && !(await ctx.store.exists(layout.workspace))) {
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
        problems: [...ctx.store.problems],
        recent,
      }
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

    async listCases() {
      return (await doc()).data.cases
    },

    /** Keeps the index entry of a case in step with its file. */
    async upsertCase(c: Case): Promise<void> {
      const summary = toCaseSummary(c)
      await (
        await doc()
      ).update((d) => {
        const i = d.cases.findIndex((s) => s.id === c.id)
        if (i >= 0) d.cases[i] = summary
        else d.cases.push(summary)
      })
    },
  }
}
export type WorkspaceService = ReturnType<typeof createWorkspaceService>

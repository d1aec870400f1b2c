/**
 * The real handlers behind the real dispatcher, on a workspace in a temp folder,
 * with a stand-in Platform that answers dialogs as told and records progress.
 */
import { createDispatcher } from '@main/ipc/dispatch'
import { handlers } from '@main/ipc/handlers/index'
import type { HandlerContext } from '@main/ipc/types'
import { AppSession, type Platform } from '@main/session'
import type { ProgressPayload } from '@shared/ipc/contract'

export async function ipcHarness(dirs: { userData: string; workspace: string }, platform: Partial<Platform> = {}) {
  const session = new AppSession(dirs.userData)
  await session.open(dirs.workspace)
  const progress: ProgressPayload[] = []
  let onProgress: (p: ProgressPayload) => void = () => undefined
  const full = {
    chooseFolder: async () => null,
    chooseFiles: async () => null,
    chooseSavePath: async () => null,
    openExternal: async () => undefined,
    notifyWorkspaceChanged: () => undefined,
    ...platform,
    emit: (event: string, payload: unknown) => {
      if (event !== 'progress') return
      progress.push(payload as ProgressPayload)
      onProgress(payload as ProgressPayload)
    },
  } as unknown as Platform
  const dispatch = createDispatcher(handlers, (): HandlerContext => ({
    services: session.current(),
    session,
    platform: full,
  }))
  /** The value of a Result that must have succeeded (its error in the failure message otherwise). */
  const value = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input)
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`)
    return r.value as T
  }
  return { session, dispatch, value, progress, setOnProgress: (f: typeof onProgress) => (onProgress = f) }
}

import type { workspaceChannels } from '../../../shared/ipc/channels/workspace'
import { AppError } from '../../../shared/ipc/result'
import type { HandlersFor } from '../types'

/** Only http(s) leaves the app; javascript:, file:, data: and custom schemes never do. */
export function assertWebLink(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('VALIDATION', `"${url}" is not a web address.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError('FORBIDDEN', `Only http and https links open outside Casefile (this one is ${parsed.protocol}).`)
  }
  return parsed.toString()
}

export const workspaceHandlers: HandlersFor<keyof typeof workspaceChannels> = {
  'workspace:info': async (_input, { services, session }) => services.workspace.info(session.recent),
  'workspace:choose': async (_input, { session, platform }) => {
    const folder = await platform.chooseFolder('Open or create a Casefile workspace')
    if (!folder) return { opened: false }
    await session.open(folder)
    platform.notifyWorkspaceChanged()
    return { opened: true, root: folder }
  },
  'workspace:setUserName': async ({ userName }, { services, session }) => {
    await services.workspace.setUserName(userName)
    return services.workspace.info(session.recent)
  },
  'app:openExternal': async ({ url }, { platform }) => {
    await platform.openExternal(assertWebLink(url))
    return { opened: true }
  },
  'workspace:restoreBackup': async ({ file }, { services, session }) => {
    await services.store.restoreBackup(file)
    return services.workspace.info(session.recent)
  },
}

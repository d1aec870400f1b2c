import type { workspaceChannels } from '@shared/ipc/channels/workspace'
import { assertWebLink } from '@main/externalLinks'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'

export const workspaceHandlers: HandlersFor<keyof typeof workspaceChannels> = {
  'workspace:info': async (_input, { services, session }) => services.workspace.info(session.recent),
  'workspace:choose': async (_input, { session, platform }) => {
    const folder = await platform.chooseFolder(dialogTitle(session, 'dialog.openWorkspace'))
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
  'workspace:repair': async (input, { services }) => services.repair.run(input),
  'workspace:restoreBackup': async ({ file }, { services, session }) => {
    await services.repair.restoreBackup(file)
    return services.workspace.info(session.recent)
  },
}

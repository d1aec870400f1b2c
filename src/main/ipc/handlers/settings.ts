import type { settingsChannels } from '@shared/ipc/channels/settings'
import type { HandlersFor } from '../types'
import { dialogTitle } from './dialogTitle'

export const settingsHandlers: HandlersFor<keyof typeof settingsChannels> = {
  'settings:get': async (_i, { services }) => services.settings.get(),
  'settings:update': async (patch, { services }) => services.settings.update(patch),
  'settings:chooseLogo': async (_i, { services, platform, session }) =>
    services.settings.chooseLogo(() => platform.chooseFiles(dialogTitle(session, 'dialog.logo'))),
  'settings:logoUrl': async (_i, { services, platform }) => ({
    url: await services.settings.logoUrl(platform.blobUrlBase),
  }),
  'settings:removeLogo': async (_i, { services }) => services.settings.setLogo(null),
  'preferences:get': async (_i, { session }) => session.preferences,
  'preferences:set': async (patch, { session }) => session.setPreferences(patch),
}

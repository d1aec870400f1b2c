import type { settingsChannels } from '@shared/ipc/channels/settings'
import type { HandlersFor } from '../types'

export const settingsHandlers: HandlersFor<keyof typeof settingsChannels> = {
  'settings:get': async (_i, { services }) => services.settings.get(),
  'settings:update': async (patch, { services }) => services.settings.update(patch),
  'settings:chooseLogo': async (_i, { services, platform }) =>
    services.settings.chooseLogo(() => platform.chooseFiles('Choose the letterhead logo (PNG or JPEG)')),
  'settings:logoUrl': async (_i, { services, platform }) => ({
    url: await services.settings.logoUrl(platform.blobUrlBase),
  }),
  'settings:removeLogo': async (_i, { services }) => services.settings.setLogo(null),
  'preferences:get': async (_i, { session }) => session.preferences,
  'preferences:set': async (patch, { session }) => session.setPreferences(patch),
}

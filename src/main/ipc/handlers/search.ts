import type { searchChannels } from '@shared/ipc/channels/search'
import type { HandlersFor } from '../types'

export const searchHandlers: HandlersFor<keyof typeof searchChannels> = {
  'search:query': async (input, { services }) => services.search.query(input),
  'search:status': async (_input, { services }) => services.search.status(),
}

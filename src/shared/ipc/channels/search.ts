import { z } from 'zod'
import { SearchQuery, SearchResponse, SearchStatus } from '@shared/domain'
import { channel } from '../define'

export const searchChannels = {
  'search:query': channel(SearchQuery, SearchResponse),
  'search:status': channel(z.object({}), SearchStatus),
} as const

import { appError } from '@shared/i18n/appError'

/**
 * The one rule for links that leave the app: only http(s); javascript:, file:,
 * data: and custom schemes never do. Returns the normalised URL. The window's
 * link handler and the app:openExternal channel both go through it.
 */
export function assertWebLink(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw appError('VALIDATION', 'errRecords:webAddress', { url })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw appError('FORBIDDEN', 'errRecords:onlyHttpHttpsLinks', { protocol: parsed.protocol })
  }
  return parsed.toString()
}

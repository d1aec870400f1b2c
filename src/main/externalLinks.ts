import { AppError } from '@shared/ipc/result'

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
    throw new AppError('VALIDATION', `"${url}" is not a web address.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError('FORBIDDEN', `Only http and https links open outside Casefile (this one is ${parsed.protocol}).`)
  }
  return parsed.toString()
}

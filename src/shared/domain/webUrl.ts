/**
 * An absolute http(s) URL. Only such links may leave the app (through the
 * system browser) or sit in a memo: never file:, javascript: or app-internal URLs.
 */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname
  } catch {
    return false
  }
}

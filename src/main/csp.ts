/**
 * The renderer's Content-Security-Policy. Lives apart from window.ts so tests
 * (which serve the built renderer to Chromium) apply exactly the same header.
 */
export const BLOB_SCHEME = 'casefile-blob'
export const APP_SCHEME = 'app'

export function contentSecurityPolicy({ dev = false } = {}): string {
  return [
    "default-src 'none'",
    // Vite's dev server injects an inline preamble for fast refresh; production allows only our own files.
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${BLOB_SCHEME}:`,
    `media-src 'self' ${BLOB_SCHEME}:`,
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Whether an IPC request may be served: only from the top frame of our own
 * renderer origin. window.ts passes Electron's frame details in; kept here,
 * free of electron, so it is tested in Node.
 */
export function isTrustedSender(frame: { url: string; isTopFrame: boolean } | null, rendererOrigin: string): boolean {
  if (!frame || !frame.isTopFrame) return false
  // originOf gives null for a URL without a host, and null never equals an origin string.
  return originOf(frame.url) === rendererOrigin
}

/**
 * scheme://host of a URL. Node's URL reports the origin of custom schemes such
 * as app:// as "null", so the comparison is built from protocol and host.
 * file:, data: and about: URLs have no host and are never an app origin.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.host ? `${u.protocol}//${u.host}` : null
  } catch {
    return null
  }
}

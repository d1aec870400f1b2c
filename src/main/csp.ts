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

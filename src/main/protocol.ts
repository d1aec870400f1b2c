import { net, protocol } from 'electron'
import { realpath, stat } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME, BLOB_SCHEME, contentSecurityPolicy } from './csp'
import type { AppSession } from './session'
import { serveBlobRequest } from './http/blobResponse'

/** Must run before the app is ready. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: BLOB_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ])
}

/**
 * The real path of the renderer file an app:// URL names, or null. Judged on
 * real paths, so a link planted in the renderer folder cannot serve a file
 * from outside it (net.fetch would follow it); a malformed escape is a miss, not a throw.
 */
export async function rendererFile(rendererDir: string, url: string): Promise<string | null> {
  try {
    const { host, pathname } = new URL(url)
    if (host !== 'casefile') return null
    const root = await realpath(rendererDir)
    const file = await realpath(normalize(join(root, decodeURIComponent(pathname))))
    if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return null
    return file
  } catch {
    return null
  }
}

/** Every app:// response carries the CSP, a miss included: the policy must not depend on the path. */
function secured(body: ReadableStream<Uint8Array> | string | null, status: number, from?: Headers): Response {
  const headers = new Headers(from)
  headers.set('Content-Security-Policy', contentSecurityPolicy())
  headers.set('X-Content-Type-Options', 'nosniff')
  return new Response(body, { status, headers })
}

/** app:// serves the built renderer (with the CSP header); casefile-blob:// serves evidence with Range support. */
export function handleProtocols(rendererDir: string, session: AppSession): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await rendererFile(rendererDir, request.url)
    if (!file) return secured('Not found', 404)
    const response = await net.fetch(pathToFileURL(file).toString())
    return secured(response.body, response.status, response.headers)
  })
  protocol.handle(BLOB_SCHEME, (request) =>
    serveBlobRequest((sha) => session.current().evidence.blobPath(sha), request),
  )
}

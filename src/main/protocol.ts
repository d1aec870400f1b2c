import { net, protocol } from 'electron'
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

/** app:// serves the built renderer (with the CSP header); casefile-blob:// serves evidence with Range support. */
export function handleProtocols(rendererDir: string, session: AppSession): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url)
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)))
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', contentSecurityPolicy())
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
  protocol.handle(BLOB_SCHEME, (request) =>
    serveBlobRequest((sha) => session.current().evidence.blobPath(sha), request),
  )
}

/**
 * Answers casefile-blob://blob/<sha256>[?type=<media type>] from the blob store,
 * with HTTP Range support so <video> can seek in a 4 GB file. The HTTP side of
 * the blob protocol: pure Node (global Request/Response), so tests drive it
 * without Electron. Which file a hash names, and that it stays inside the
 * workspace, is the blob store's to say (`locate`).
 *
 * Multiple ranges ("bytes=0-1,5-6") are ignored as RFC 9110 allows: the whole
 * file comes back with 200, which is what media elements cope with best.
 */
import { Readable } from 'node:stream'
import { AppError } from '@shared/ipc/result'
import { openBlobFile, type BlobFile } from '@main/storage/crypto/blobFiles'
import { SHA256_HEX } from '@main/services/evidence/blobStore'
import { MEDIA_TYPE, OCTET_STREAM } from '@main/services/evidence/mediaTypes'
import { parseRange } from '@main/services/evidence/byteRange'

export { parseRange, type ByteRange } from '@main/services/evidence/byteRange'

/** The real path of the blob with this SHA-256; NOT_FOUND or FORBIDDEN as an AppError. */
export type LocateBlob = (sha256: string) => Promise<string>
/** Types a browser would run as a document; served as plain text so a blob can never become a page. */
const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
])

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra },
  })
}

function contentType(url: URL): string {
  const t = (url.searchParams.get('type') ?? '').toLowerCase()
  if (!t || !MEDIA_TYPE.test(t)) return OCTET_STREAM
  return ACTIVE_TYPES.has(t) ? 'text/plain; charset=utf-8' : t
}

export async function serveBlobRequest(locate: LocateBlob, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' })
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return plain(400, 'Bad request')
  }
  // Judge the raw path as sent: the URL parser may already have folded "/../" away.
  const raw = request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0]
  if (/%2e|%2f|%5c|\.\.|\\/i.test(raw)) return plain(403, 'Forbidden')
  const m = /^\/([^/]+)$/.exec(url.pathname)
  if (url.host !== 'blob' || !m) return plain(404, 'Not found')
  if (!SHA256_HEX.test(m[1])) return plain(404, 'Not found')

  let fh: BlobFile | undefined
  try {
    // The original bytes and size, whether or not the workspace is encrypted (sealed blobs open by segment).
    fh = await openBlobFile(await locate(m[1]))
    const size = fh.size
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      'Content-Type': contentType(url),
      'X-Content-Type-Options': 'nosniff',
      // A blob is data, never a page: if one is ever opened as a document it can run nothing.
      'Content-Security-Policy':
        "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
      ETag: `"${m[1]}"`,
      'Cache-Control': 'private, max-age=31536000, immutable',
    }
    const range = parseRange(request.headers.get('range'), size)
    if (range === 'unsatisfiable') {
      await fh.close()
      return plain(416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' })
    }
    const { start, end, status } =
      range === 'whole' ? { start: 0, end: size - 1, status: 200 } : { ...range, status: 206 }
    headers['Content-Length'] = String(Math.max(0, end - start + 1))
    if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`
    if (request.method === 'HEAD' || size === 0) {
      await fh.close()
      return new Response(null, { status, headers })
    }
    const blob = fh
    fh = undefined // the stream owns and closes it now
    const stream = Readable.from(blob.range(start, end)).once('close', () => void blob.close().catch(() => undefined))
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers })
  } catch (e) {
    await fh?.close().catch(() => undefined)
    if (e instanceof AppError) return e.code === 'FORBIDDEN' ? plain(403, 'Forbidden') : plain(404, 'Not found')
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return plain(404, 'Not found')
    if (code === 'EACCES' || code === 'EPERM') return plain(403, 'Forbidden')
    return plain(500, 'Could not read the file')
  }
}

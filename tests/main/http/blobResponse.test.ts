import { createHash, randomBytes } from 'node:crypto'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRange, serveBlobRequest } from '@main/http/blobResponse'
import { containedBlobPath } from '@main/services/evidence/blobStore'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const SIZE = 100_000

async function setup() {
  const root = await tempDir()
  const bytes = randomBytes(SIZE)
  const sha = createHash('sha256').update(bytes).digest('hex')
  await mkdir(join(root, 'blobs'))
  await writeFile(join(root, 'blobs', sha), bytes, { mode: 0o444 })
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    serveBlobRequest(
      (sha) => containedBlobPath(root, sha),
      new Request(`casefile-blob://blob/${path}`, { headers, method }),
    )
  return { root, bytes, sha, get }
}

const body = async (r: Response) => Buffer.from(await r.arrayBuffer())

describe('blob protocol', () => {
  it('serves the whole file with Accept-Ranges, the type asked for and nosniff', async () => {
    const { bytes, sha, get } = await setup()
    const r = await get(`${sha}?type=video%2Fmp4`)
    expect(r.status).toBe(200)
    expect(r.headers.get('accept-ranges')).toBe('bytes')
    expect(r.headers.get('content-type')).toBe('video/mp4')
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('content-length')).toBe(String(SIZE))
    expect((await body(r)).equals(bytes)).toBe(true)
    // Odd or active types never pass through.
    expect((await get(`${sha}?type=text/html`)).headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect((await get(`${sha}?type=video/mp4%0d%0aX-Evil:1`)).headers.get('content-type')).toBe(
      'application/octet-stream',
    )
    expect((await get(sha)).headers.get('content-type')).toBe('application/octet-stream')
  })

  it.each([
    ['first byte', 'bytes=0-0', 0, 0],
    ['middle', 'bytes=1000-1999', 1000, 1999],
    ['last bytes', `bytes=${SIZE - 10}-${SIZE - 1}`, SIZE - 10, SIZE - 1],
    ['end past the size is clipped', `bytes=${SIZE - 5}-${SIZE + 1000}`, SIZE - 5, SIZE - 1],
    ['open-ended a-', 'bytes=99000-', 99000, SIZE - 1],
    ['suffix -n', 'bytes=-500', SIZE - 500, SIZE - 1],
    ['suffix longer than the file', `bytes=-${SIZE * 2}`, 0, SIZE - 1],
  ])('answers a Range request for the %s with 206 and exactly those bytes', async (_name, range, start, end) => {
    const { bytes, sha, get } = await setup()
    const r = await get(sha, { Range: range })
    expect(r.status).toBe(206)
    expect(r.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`)
    expect(r.headers.get('content-length')).toBe(String(end - start + 1))
    expect((await body(r)).equals(bytes.subarray(start, end + 1))).toBe(true)
  })

  it.each([
    'bytes=-0',
    `bytes=${SIZE}-`,
    `bytes=${SIZE + 5}-${SIZE + 9}`,
    'bytes=500-100',
    'bytes=abc',
    'bytes=-',
    'items=0-1',
    'bytes=1.5-2',
  ])('answers the unsatisfiable or malformed range %s with 416 and bytes */size', async (range) => {
    const { sha, get } = await setup()
    const r = await get(sha, { Range: range })
    expect(r.status).toBe(416)
    expect(r.headers.get('content-range')).toBe(`bytes */${SIZE}`)
  })

  it('ignores multiple ranges and sends the whole file (200), as RFC 9110 allows', async () => {
    const { bytes, sha, get } = await setup()
    const r = await get(sha, { Range: 'bytes=0-1,10-20' })
    expect(r.status).toBe(200)
    expect((await body(r)).equals(bytes)).toBe(true)
  })

  it('answers HEAD without a body', async () => {
    const { sha, get } = await setup()
    const r = await get(sha, { Range: 'bytes=0-9' }, 'HEAD')
    expect(r.status).toBe(206)
    expect(r.headers.get('content-length')).toBe('10')
    expect((await body(r)).length).toBe(0)
    expect((await get(sha, {}, 'POST')).status).toBe(405)
  })

  it('refuses anything but a SHA-256 inside the blobs folder', async () => {
    const { root, sha, get } = await setup()
    await writeFile(join(root, 'workspace.json'), '{"secret":true}')
    const outside = join(await tempDir(), 'outside.txt')
    await writeFile(outside, 'secret outside the workspace')
    const fake = 'f'.repeat(64)
    await symlink(outside, join(root, 'blobs', fake))

    const refused = async (path: string) => {
      const r = await get(path)
      expect([403, 404]).toContain(r.status)
      expect((await body(r)).toString()).not.toMatch(/secret/)
      return r.status
    }
    // The URL parser folds "../" and "%2e%2e/" away before we see them (so they name no blob: 404);
    // encoded separators survive parsing and are refused outright (403).
    await refused('../workspace.json')
    await refused('%2e%2e/workspace.json')
    await refused('%2e%2e/%2e%2e/%2e%2e/etc/passwd')
    expect(await refused('%2E%2E%2Fworkspace.json')).toBe(403)
    expect(await refused(`${sha}%2f..%2f..%2fworkspace.json`)).toBe(403)
    expect(await refused('..%5cworkspace.json')).toBe(403)
    expect(await refused(fake)).toBe(403) // a symlink planted in blobs pointing outside
    expect(await refused('A'.repeat(64))).toBe(404) // uppercase is not how we name blobs
    expect(await refused('0'.repeat(64))).toBe(404) // absent
    expect(await refused(`${sha}/extra`)).toBe(404)
    const otherHost = await serveBlobRequest(
      (sha) => containedBlobPath(root, sha),
      new Request(`casefile-blob://other/${sha}`),
    )
    expect(otherHost.status).toBe(404)
  })

  it('parses ranges on an empty file as unsatisfiable, and no header as whole', () => {
    expect(parseRange(null, 0)).toBe('whole')
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable')
    expect(parseRange('bytes=-1', 0)).toBe('unsatisfiable')
  })
})

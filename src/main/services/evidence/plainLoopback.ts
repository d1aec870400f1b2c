/**
 * The original bytes of a sealed blob (an encrypted workspace) lent to a helper
 * process that reads a file by seeking in it, such as ffmpeg cutting a still
 * from a video whose index sits at its end. Served over HTTP on 127.0.0.1, with
 * Range, under a random 256-bit path, only while the work runs: the bytes never
 * reach a file in the clear (the system temp folder included), which is what
 * issue #14 forbids. Another local process would have to guess the path.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { openBlobFile } from '@main/storage/crypto/blobFiles'
import { vaultFor } from '@main/storage/crypto/vault'
import { parseRange } from './byteRange'

/** The bytes as long as the workspace stays unlocked: a lock mid-answer ends it (the key is gone). */
async function* whileUnlocked(blobPath: string, bytes: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  for await (const b of bytes) {
    if (!vaultFor(blobPath)) throw new Error('the workspace was locked')
    yield b
  }
}

async function answer(blobPath: string, path: string, req: IncomingMessage, res: ServerResponse) {
  // Nothing once the workspace is locked (or closed): its files are ciphertext to everyone again.
  if (req.url !== path || (req.method !== 'GET' && req.method !== 'HEAD') || !vaultFor(blobPath)) {
    res.writeHead(404).end()
    return
  }
  const blob = await openBlobFile(blobPath)
  try {
    const range = parseRange(req.headers.range ?? null, blob.size)
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${blob.size}` }).end()
      return
    }
    const { start, end } = range === 'whole' ? { start: 0, end: blob.size - 1 } : range
    res.writeHead(range === 'whole' ? 200 : 206, {
      'Accept-Ranges': 'bytes',
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(Math.max(0, end - start + 1)),
      ...(range === 'whole' ? {} : { 'Content-Range': `bytes ${start}-${end}/${blob.size}` }),
    })
    if (req.method === 'HEAD' || blob.size === 0) res.end()
    // ffmpeg drops a connection when it seeks elsewhere: that ends the pipeline early, not in error.
    else await pipeline(Readable.from(whileUnlocked(blobPath, blob.range(start, end))), res).catch(() => undefined)
  } finally {
    await blob.close()
  }
}

/**
 * Runs `use` with a URL that serves the blob's original bytes while the workspace is unlocked; the
 * server is gone when it returns. The URL is a secret while it lives: errors must not carry it
 * (`withoutUrl`).
 */
export async function lendPlainBytes<T>(blobPath: string, use: (url: string) => Promise<T>): Promise<T> {
  const path = `/${randomBytes(32).toString('hex')}`
  const server = createServer((req, res) => {
    answer(blobPath, path, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  try {
    const { port } = server.address() as AddressInfo
    return await use(`http://127.0.0.1:${port}${path}`)
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** A helper's message with the loopback URL replaced by a word for it. */
export const withoutUrl = (text: string, url: string, name: string): string => text.split(url).join(name)

/**
 * The original bytes of a sealed blob (an encrypted workspace) lent to a helper
 * process that reads a file by seeking in it, such as ffmpeg cutting a still
 * from a video whose index sits at its end. Served over HTTP on 127.0.0.1, with
 * Range, under a random 256-bit path, only while the work runs: the bytes never
 * reach a file in the clear (the system temp folder included), which is what
 * issue #14 forbids. The path stands in the helper's arguments, which every user of the machine can
 * list: on Linux a connection from another user is refused (sameUser). A process of the same user
 * could read the path, but it could as well read this process's memory, key included.
 */
import { appError } from '@shared/i18n/appError'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo, Socket } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { bytesOf, openBlobFile } from '@main/storage/crypto/blobFiles'
import { vaultFor } from '@main/storage/crypto/vault'
import { parseRange } from './byteRange'

/**
 * What went wrong on our side while serving (a segment that does not open, a lock): the helper sees
 * only an answer cut short, which ffmpeg takes for the end of the file, so the loan reports it.
 */
type Loan = { failure: Error | null }

/**
 * The bytes as long as the workspace stays unlocked: a lock mid-answer ends it (the key is gone). Only a
 * failure of ours is the loan's: ffmpeg dropping the connection to seek elsewhere throws into the
 * generator at its yield ("Premature close"), which is the helper's choice, not damage.
 */
async function* whileUnlocked(loan: Loan, blobPath: string, bytes: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    for (;;) {
      let next: IteratorResult<Buffer>
      try {
        next = await bytes.next()
        if (!next.done && !vaultFor(blobPath)) throw new Error('the workspace was locked')
      } catch (e) {
        loan.failure ??= e as Error
        throw e
      }
      if (next.done) return
      yield next.value
    }
  } finally {
    await bytes.return(undefined)
  }
}

/**
 * Whether the process at the other end of this loopback connection runs as this user. The path is
 * a secret but it stands in ffmpeg's arguments, which any user of the machine can read: another
 * user's connection is refused. Linux says who owns a socket (/proc/net/tcp); elsewhere this cannot
 * be told and the path alone guards the loan.
 */
async function sameUser(socket: Socket): Promise<boolean> {
  const me = process.getuid?.()
  if (me === undefined) return true
  let table: string
  try {
    table = await readFile('/proc/net/tcp', 'latin1')
  } catch {
    return true
  }
  const port = (n: number | undefined) => (n ?? -1).toString(16).toUpperCase().padStart(4, '0')
  // The client's own row: its local port is our remote one, its remote port our local one.
  const [client, server] = [port(socket.remotePort), port(socket.localPort)]
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/)
    if (f[1]?.endsWith(`:${client}`) && f[2]?.endsWith(`:${server}`)) return Number(f[7]) === me
  }
  return false
}

async function answer(loan: Loan, blobPath: string, path: string, req: IncomingMessage, res: ServerResponse) {
  // Nothing once the workspace is locked (or closed): its files are ciphertext to everyone again.
  if (req.url !== path || (req.method !== 'GET' && req.method !== 'HEAD') || !vaultFor(blobPath)) {
    res.writeHead(404).end()
    return
  }
  if (!(await sameUser(req.socket))) {
    res.writeHead(403).end()
    return
  }
  const blob = await openBlobFile(blobPath).catch((e: Error) => {
    loan.failure ??= e
    throw e
  })
  try {
    // An empty file is answered as one, whatever range is asked: ffmpeg then says it holds no media, as it
    // does of an empty file on disk, instead of an HTTP error.
    const range = blob.size === 0 ? 'whole' : parseRange(req.headers.range ?? null, blob.size)
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
    // ffmpeg drops a connection when it seeks elsewhere: that ends the pipeline early, not in error
    // (a failure of ours is kept in the loan).
    else
      await pipeline(Readable.from(whileUnlocked(loan, blobPath, blob.range(start, end))), res).catch(() => undefined)
  } finally {
    await blob.close()
  }
}

/**
 * A playlist or stream description (HLS, DASH, ffconcat, SDP) makes ffmpeg fetch what it names, and
 * over HTTP that may be any address: such a file is never lent. (A plain file is read through the
 * file protocol, from which ffmpeg's playlist readers refuse to leave.)
 */
function namesOtherSources(head: Buffer): boolean {
  const text = head
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
  return /^(#EXTM3U|ffconcat|v=0)/.test(text) || /<MPD/i.test(text)
}

/**
 * Runs `use` with a URL that serves the blob's original bytes while the workspace is unlocked; the
 * server is gone when it returns. The URL is a secret while it lives: errors must not carry it
 * (`withoutUrl`). A blob that failed to open while served (damaged, or locked meanwhile) fails the
 * loan with that reason, whatever `use` made of the bytes cut short: never a result read from part
 * of the file. `use` calls `whole()` before it keeps anything made from them (it throws that failure).
 */
export async function lendPlainBytes<T>(
  blobPath: string,
  use: (url: string, whole: () => void) => Promise<T>,
): Promise<T> {
  const head = await openBlobFile(blobPath).then(async (blob) => {
    try {
      return await bytesOf(blob, 0, 4096)
    } finally {
      await blob.close()
    }
  })
  if (namesOtherSources(head)) throw appError('VALIDATION', 'errMedia:playlistNotRead')
  const path = `/${randomBytes(32).toString('hex')}`
  const loan: Loan = { failure: null }
  const server = createServer((req, res) => {
    answer(loan, blobPath, path, req, res).catch(() => {
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
    const whole = () => {
      if (loan.failure) throw loan.failure
    }
    const out = await use(`http://127.0.0.1:${port}${path}`, whole).catch((e: unknown) => {
      throw loan.failure ?? e
    })
    if (loan.failure) throw loan.failure
    return out
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** A helper's message with the loopback URL replaced by a word for it. */
export const withoutUrl = (text: string, url: string, name: string): string => text.split(url).join(name)

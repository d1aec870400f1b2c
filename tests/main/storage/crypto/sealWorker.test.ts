/**
 * The seal worker's work (crypto/sealServer.ts), served here over a
 * MessageChannel as the worker thread serves it over its parentPort: what runs
 * only in a thread is out of reach of the mutation tests.
 */
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { SealReply, SealRequest } from '@main/storage/crypto/sealThread'
import { serveSeals } from '@main/storage/crypto/sealServer'
import { newBlobKey, SEALED_SEGMENT, SEGMENT_BYTES, sealInPlace } from '@main/storage/crypto/segments'

const blobKey = newBlobKey(randomBytes(32))
/** A batch buffer as the sealer sends it: four segments' room. */
const BATCH_BYTES = 4 * SEALED_SEGMENT

const open: MessagePort[] = []
afterEach(() => {
  for (const p of open.splice(0)) p.close()
})

/** The caller's end of a channel whose other end is served; `served` sees each request as the server got it. */
function serve(): { caller: MessagePort; served: SealRequest[] } {
  const { port1, port2 } = new MessageChannel()
  open.push(port1, port2)
  serveSeals(port2, { blobKey })
  const served: SealRequest[] = []
  port2.on('message', (req: SealRequest) => served.push(req))
  return { caller: port1, served }
}

async function ask(caller: MessagePort, req: SealRequest): Promise<SealReply> {
  const reply = once(caller, 'message') as Promise<[SealReply]>
  caller.postMessage(req, [req.buf.buffer as ArrayBuffer])
  return (await reply)[0]
}

/** A batch of `plainBytes` random bytes laid out as on disk, with the same batch sealed here. */
function batch(first: number, plainBytes: number): { req: SealRequest; sealed: Buffer } {
  const buf = Buffer.alloc(BATCH_BYTES)
  for (let at = 0, left = plainBytes; left > 0; at += SEALED_SEGMENT, left -= SEGMENT_BYTES)
    randomBytes(Math.min(SEGMENT_BYTES, left)).copy(buf, at)
  const sealed = Buffer.from(buf)
  sealInPlace(blobKey.key, first, sealed, plainBytes)
  return { req: { first, plainBytes, buf }, sealed }
}

describe('the seal worker', () => {
  it('seals a batch in place under the blob key, as sealing here does, and hands the buffer back', async () => {
    const { caller, served } = serve()
    const { req, sealed } = batch(7, 3 * SEGMENT_BYTES + 11)
    const reply = await ask(caller, req)
    expect(reply.ok).toBe(true)
    expect(Buffer.from((reply as { buf: Uint8Array }).buf).equals(sealed)).toBe(true)
    // Transferred, not copied, on the way back too: the worker keeps nothing of the batch.
    expect(served).toHaveLength(1)
    expect(served[0].buf.byteLength).toBe(0)
  })

  it('answers a batch it cannot seal with the reason, and goes on sealing the next', async () => {
    const { caller } = serve()
    // Less room than the plain bytes it says it holds.
    const bad = { first: 0, plainBytes: 2 * SEGMENT_BYTES, buf: new Uint8Array(100) }
    const why = (() => {
      try {
        sealInPlace(blobKey.key, bad.first, new Uint8Array(100), bad.plainBytes)
      } catch (e) {
        return (e as Error).message
      }
    })()
    expect(why).toBeTruthy()
    expect(await ask(caller, bad)).toEqual({ ok: false, message: why })
    const { req, sealed } = batch(0, SEGMENT_BYTES)
    const reply = await ask(caller, req)
    expect(reply.ok && Buffer.from(reply.buf).equals(sealed)).toBe(true)
  })

  it('refuses to start outside a worker thread', () => {
    expect(() => serveSeals(null, { blobKey })).toThrow('the seal worker must run in a worker thread')
  })
})

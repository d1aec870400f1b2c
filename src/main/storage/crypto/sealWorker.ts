/**
 * A blob's segments sealed in a worker thread, so that on an import the main
 * thread hashes chunk n+1 while this thread seals chunk n (on one thread the
 * cipher and the SHA-256 took turns and an encrypted import took twice as long).
 * It holds only the one blob's key, never the workspace's data key. Messages
 * are answered one by one, in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type BlobKey, SegmentSealer } from './segments'
import type { SealReply, SealRequest } from './sealThread'

const port = parentPort
if (!port) throw new Error('the seal worker must run in a worker thread')

const sealer = new SegmentSealer((workerData as { blobKey: BlobKey }).blobKey)
const transferable = (b: Buffer): Uint8Array =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b)

port.on('message', (msg: SealRequest) => {
  try {
    if (msg.op === 'push') {
      const sealed = transferable(sealer.push(msg.bytes))
      port.postMessage({ ok: true, sealed } satisfies SealReply, [sealed.buffer as ArrayBuffer])
    } else {
      const tail = transferable(sealer.finish())
      port.postMessage({ ok: true, sealed: tail, header: new Uint8Array(sealer.header(msg.rel)) } satisfies SealReply)
    }
  } catch (e) {
    port.postMessage({ ok: false, message: (e as Error).message } satisfies SealReply)
  }
})

/**
 * A blob's segments sealed in a worker thread, so that on an import the main
 * thread hashes the next chunk while this thread seals the last (on one thread
 * the cipher and the SHA-256 took turns). It holds only the one blob's key,
 * never the workspace's data key, and keeps no other state: each message is a
 * batch of segments, sealed in place and handed back in the order it came.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type BlobKey, sealInPlace } from './segments'
import type { SealReply, SealRequest } from './sealThread'

const port = parentPort
if (!port) throw new Error('the seal worker must run in a worker thread')

const { key } = (workerData as { blobKey: BlobKey }).blobKey

port.on('message', ({ first, plainBytes, buf }: SealRequest) => {
  try {
    sealInPlace(key, first, buf, plainBytes)
    port.postMessage({ ok: true, buf } satisfies SealReply, [buf.buffer as ArrayBuffer])
  } catch (e) {
    port.postMessage({ ok: false, message: (e as Error).message } satisfies SealReply)
  }
})

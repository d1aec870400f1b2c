/**
 * The seal worker's work (sealWorker.ts only starts it), kept apart from the
 * thread so that it runs, and is tested, in this thread too, over a
 * MessageChannel. It holds only the one blob's key, never the workspace's data
 * key, and keeps no other state: each message is a batch of segments, sealed in
 * place and handed back in the order it came.
 */
import type { MessagePort } from 'node:worker_threads'
import { type BlobKey, sealInPlace } from './segments'
import type { SealReply, SealRequest } from './sealThread'

/** The part of a MessagePort (the worker's parentPort) the seal worker uses. */
export type SealPort = Pick<MessagePort, 'on' | 'postMessage'>

/** `port` is the worker's parentPort (null outside a worker thread); `data` its workerData. */
export function serveSeals(port: SealPort | null, data: { blobKey: BlobKey }): void {
  if (!port) throw new Error('the seal worker must run in a worker thread')
  const { key } = data.blobKey
  port.on('message', ({ first, plainBytes, buf }: SealRequest) => {
    try {
      sealInPlace(key, first, buf, plainBytes)
      // Handed back, not copied: the sealer fills the same buffer with its next batch.
      port.postMessage({ ok: true, buf } satisfies SealReply, [buf.buffer as ArrayBuffer])
    } catch (e) {
      port.postMessage({ ok: false, message: (e as Error).message } satisfies SealReply)
    }
  })
}

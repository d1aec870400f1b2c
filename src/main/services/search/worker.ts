/**
 * The search worker thread: holds the index so building, loading and querying
 * never block the main process's event loop. Messages are plain data.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '@shared/ipc/result'
import { registerVault } from '@main/storage/crypto/vault'
import { Indexer } from './indexer'
import type { WorkerReply, WorkerRequest } from './host'
import { packResponse } from './wire'

const port = parentPort
if (!port) throw new Error('the search worker must run in a worker thread')

const { root, persist, key } = workerData as { root: string; persist: boolean; key: Uint8Array | null }
if (key) registerVault(root, Buffer.from(key))
let lastStatusAt = 0
const indexer = new Indexer(root, {
  persist,
  onStatus(status) {
    // Progress is for a progress bar: a few updates a second are plenty; state changes always go.
    const now = Date.now()
    if (status.state === 'indexing' && now - lastStatusAt < 100) return
    lastStatusAt = now
    port.postMessage({ type: 'status', status } satisfies WorkerReply)
  },
})

/**
 * Loading or building leaves a few hundred MB of garbage (parsed files, read
 * buffers) that V8 would otherwise hold on to for a long while; one full
 * collection right after gives it back, keeping the app's RSS in budget.
 */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc')
    ;(runInNewContext('gc') as () => void)()
  } catch {
    // Only memory is at stake.
  }
}

port.on('message', async (msg: WorkerRequest) => {
  try {
    let value: unknown
    switch (msg.op) {
      case 'open':
        value = await indexer.open()
        collectGarbage()
        break
      case 'refreshCases':
        value = await indexer.refreshCases(msg.caseIds, msg.statutes)
        break
      case 'refreshAll':
        value = await indexer.refreshAll()
        break
      case 'query': {
        const packed = packResponse(await indexer.query(msg.query))
        port.postMessage({ type: 'reply', id: msg.id, ok: true, value: packed } satisfies WorkerReply, [
          packed.nums.buffer,
        ])
        return
      }
      case 'save':
        value = await indexer.save()
        break
      case 'close':
        value = await indexer.close()
        break
    }
    port.postMessage({ type: 'reply', id: msg.id, ok: true, value } satisfies WorkerReply)
  } catch (e) {
    const code =
      e instanceof AppError ? e.code : (e as { name?: string }).name === 'ZodError' ? 'VALIDATION' : 'INTERNAL'
    port.postMessage({
      type: 'reply',
      id: msg.id,
      ok: false,
      error: { code, message: (e as Error).message },
    } satisfies WorkerReply)
  }
})

/**
 * Where a worker thread's code is, as the calling module runs: from sources
 * (through boot.mjs, which registers tsx in the new thread), or bundled beside
 * the caller (electron-vite and scripts/build-cli.mjs emit each worker as an
 * entry of its own). Null when neither is there: the caller works in its own thread.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface WorkerEntry {
  /** The file the Worker starts. */
  file: URL
  /** From sources: the TypeScript module boot.mjs imports (passed as workerData.entry). */
  entry?: string
}

/**
 * callerUrl: the caller's import.meta.url; source: its worker module relative to it ('./worker.ts');
 * built: the bundled worker's file name ('searchWorker').
 */
export function workerEntry(callerUrl: string, source: string, built: string): WorkerEntry | null {
  // Variables, not import.meta.url in `new URL(...)`: the bundler would try to bundle the files named.
  const here = import.meta.url
  if (callerUrl.endsWith('.ts')) return { file: new URL('./boot.mjs', here), entry: new URL(source, callerUrl).href }
  const file = new URL(`./${built}.js`, callerUrl)
  return existsSync(fileURLToPath(file)) ? { file } : null
}

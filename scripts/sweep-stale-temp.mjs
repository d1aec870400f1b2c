// Test runs that are killed (a Stryker timeout, an aborted CI job) leave their `casefile-*` folders in
// the system temp folder; over days they filled this machine's disk (73 GB). `npm test` sweeps those
// older than a day first: no run of ours lasts that long, so none still in use is touched.
import { readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000

/** Removes `casefile-*` folders under `dir` last changed before `now - STALE_AFTER_MS`; returns their names. */
export function sweepStaleTemp(dir = tmpdir(), now = Date.now()) {
  const swept = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('casefile-')) continue
    const path = join(dir, entry.name)
    try {
      if (now - statSync(path).mtimeMs < STALE_AFTER_MS) continue
      rmSync(path, { recursive: true, force: true })
      swept.push(entry.name)
    } catch {
      // Gone already, or not ours to remove: the sweep is housekeeping, never a reason to fail a run.
    }
  }
  return swept
}

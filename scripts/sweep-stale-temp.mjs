// Test runs that are killed (a Stryker timeout, an aborted CI job) leave their `casefile-*` folders in
// the system temp folder; over days they filled this machine's disk (73 GB). `npm test` sweeps those
// older than a day first: no run of ours lasts that long, so none still in use is touched.
import { lstatSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000

/** What our tests name with mkdtemp: `casefile-` and optional words, then mkdtemp's six characters. */
const OURS = /^casefile-(?:[a-z0-9]+-)*[A-Za-z0-9]{6}$/

/**
 * Removes, under `dir`, folders our tests made (by name) that this user owns and that nothing changed
 * for a day: neither their contents (mtime) nor the folder itself (ctime, which a copy that keeps old
 * times cannot set back). Returns their names. Never throws: housekeeping is no reason to fail a run.
 */
export function sweepStaleTemp(dir = tmpdir(), now = Date.now()) {
  const swept = []
  const uid = process.getuid?.()
  let entries = []
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return swept
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || !OURS.test(entry.name)) continue
    const path = join(dir, entry.name)
    try {
      const st = lstatSync(path)
      if (uid !== undefined && st.uid !== uid) continue
      if (now - Math.max(st.mtimeMs, st.ctimeMs) < STALE_AFTER_MS) continue
      rmSync(path, { recursive: true, force: true })
      swept.push(entry.name)
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return swept
}

/**
 * One bundle export or import in its own process, so the benchmark reads this
 * process's peak memory alone. Prints {ms, sha256, bytes, maxRssBytes} as JSON.
 *
 *   bundleWorker export WORKSPACE CASE OUT.casefile
 *   bundleWorker import FILE.casefile WORKSPACE
 *
 * The time includes opening (and closing) the workspace.
 */
import { openWorkspace } from '@main/services/index'

const [mode, a, b, c] = process.argv.slice(2)
const t0 = process.hrtime.bigint()
let sha256: string
let bytes: number
if (mode === 'export') {
  const s = await openWorkspace(a)
  const r = await s.bundles.export({ caseId: b, outPath: c })
  await s.close()
  sha256 = r.sha256
  bytes = r.bytes
} else if (mode === 'import') {
  const s = await openWorkspace(b)
  const r = await s.bundles.import(a)
  await s.close()
  sha256 = r.bundleSha256
  bytes = r.counts.bytes
} else throw new Error(`unknown mode ${mode}`)
const ms = Number(process.hrtime.bigint() - t0) / 1e6
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ ms, sha256, bytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n')

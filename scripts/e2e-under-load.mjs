#!/usr/bin/env node
// The end-to-end suite on a busy machine (issue #11): the Playwright tests run
// several times in a row while other processes keep every core they can busy,
// as CI's shared two cores are. Build first (`npm run build`); then
//
//   node scripts/e2e-under-load.mjs [--runs 3] [--burners 2] [-- <playwright args>]
//
// Each run's tally and time are printed, and the closing line says whether every
// run passed with no test passing only on a retry. Exit 1 otherwise.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const dash = process.argv.indexOf('--')
const { values } = parseArgs({
  args: process.argv.slice(2, dash < 0 ? undefined : dash),
  options: { runs: { type: 'string', default: '3' }, burners: { type: 'string', default: '2' } },
})
const runs = Number(values.runs)
const burners = Number(values.burners)
if (!(Number.isInteger(runs) && runs > 0 && Number.isInteger(burners) && burners >= 0)) {
  console.error('usage: node scripts/e2e-under-load.mjs [--runs N] [--burners N] [-- <playwright args>]')
  process.exit(2)
}
const extra = dash < 0 ? [] : process.argv.slice(dash + 1)

// Each burner spins one core for as long as the runs last.
const busy = Array.from({ length: burners }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
const stop = () => busy.forEach((b) => b.kill('SIGKILL'))
process.on('exit', stop)
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130))

const reports = mkdtempSync(join(tmpdir(), 'casefile-e2e-load-'))
const results = []
for (let i = 1; i <= runs; i++) {
  const json = join(reports, `run-${i}.json`)
  const started = Date.now()
  const load = loadavg()[0]
  console.log(`\n=== run ${i} of ${runs}, ${burners} busy process(es) beside it, load average ${load.toFixed(1)}`)
  spawnSync('npx', ['playwright', 'test', '--reporter=list,json', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
  })
  let stats
  try {
    const report = JSON.parse(readFileSync(json, 'utf8'))
    stats = { ...report.stats, errors: report.errors?.length ?? 0 }
  } catch {
    stats = { expected: 0, unexpected: 1, flaky: 0, skipped: 0, errors: 1 }
  }
  const minutes = (Date.now() - started) / 60000
  results.push({ ...stats, minutes, load })
  console.log(
    `=== run ${i}: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky ?? 0} passed only on a retry, ` +
      `${stats.skipped} skipped, in ${minutes.toFixed(1)} min (load average ${loadavg()[0].toFixed(1)} at its end)`,
  )
}
stop()
rmSync(reports, { recursive: true, force: true })
const clean = results.every((r) => r.unexpected === 0 && !(r.flaky > 0) && r.errors === 0 && r.expected > 0)
console.log(
  `\n${clean ? 'held' : 'did not hold'}: ${results.length} run(s) in a row with ${burners} busy process(es); ` +
    results.map((r) => `${r.expected} passed / ${r.unexpected} failed / ${r.flaky ?? 0} retried`).join('; '),
)
process.exit(clean ? 0 : 1)

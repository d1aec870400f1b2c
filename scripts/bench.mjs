#!/usr/bin/env node
// Runs every benchmark, one after another so they do not compete for the two cores:
// each `bench:*` script of package.json, then every bench/*.bench.ts no such script
// already runs. Each bench writes its own section of bench/RESULTS.md.
// Extra arguments go to the bench/*.bench.ts files run directly (`npm run bench -- --scale small`).
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'))
const extra = process.argv.slice(2)
const scripts = Object.entries(pkg.scripts ?? {}).filter(([name]) => name.startsWith('bench:'))
const covered = scripts.map(([, cmd]) => cmd).join('\n')
const files = readdirSync(join(rootDir, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && !covered.includes(`bench/${f}`))
  .sort()

const runs = [
  ...scripts.map(([name]) => ({
    label: `npm run ${name}`,
    cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['run', name],
  })),
  ...files.map((f) => ({ label: f, cmd: process.execPath, args: ['--import', 'tsx', join('bench', f), ...extra] })),
]

const failed = []
const started = Date.now()
for (const r of runs) {
  console.log(`\n=== ${r.label}`)
  const t = Date.now()
  const res = spawnSync(r.cmd, r.args, { cwd: rootDir, stdio: 'inherit' })
  const secs = ((Date.now() - t) / 1000).toFixed(1)
  if (res.status !== 0) failed.push(r.label)
  console.log(`=== ${r.label}: ${res.status === 0 ? 'done' : `FAILED (exit ${res.status ?? res.signal})`} in ${secs} s`)
}
console.log(
  `\n${runs.length - failed.length} benches done, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(0)} s; results in bench/RESULTS.md`,
)
if (failed.length) {
  console.log(`failed: ${failed.join(', ')}`)
  process.exitCode = 1
}

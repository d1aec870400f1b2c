#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit/integration tests (vitest) and end-to-end
// tests (Playwright in Chromium), then one closing line totalling every runner:
// "N passed, N failed, N skipped". CI reads that line.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sweepStaleTemp } from './sweep-stale-temp.mjs'

const stale = sweepStaleTemp()
if (stale.length) console.log(`Removed ${stale.length} temp folder(s) left by test runs over a day ago.`)
const reports = mkdtempSync(join(tmpdir(), 'casefile-test-'))
const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) console.log(`=== ${label} exited with ${r.status ?? r.signal}`)
  return r.status === 0
}

function step(label, cmd, args) {
  // A failed typecheck, lint or build counts as one failed test so it cannot pass unseen.
  if (run(label, cmd, args)) totals.passed++
  else {
    totals.failed++
    broken = true
  }
}

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])
step('typecheck (web)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json'])
step('typecheck (e2e)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json'])
step('lint', 'npm', ['run', '-s', 'lint'])
step('build', 'npm', ['run', '-s', 'build']) // the window and the bundled command line the tests run

const vitestJson = join(reports, 'vitest.json')
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'))
  totals.passed += v.numPassedTests
  totals.failed += v.numFailedTests
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) {
    totals.failed += v.numFailedTestSuites // a suite that failed to load has no failed tests of its own
  }
} else {
  totals.failed++
  broken = true
}

const pwJson = join(reports, 'playwright.json')
run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats
  totals.passed += s.expected + (s.flaky ?? 0)
  totals.failed += s.unexpected
  totals.skipped += s.skipped
  if ((s.flaky ?? 0) > 0) console.log(`note: ${s.flaky} Playwright test(s) passed only on retry; fix them.`)
  if (JSON.parse(readFileSync(pwJson, 'utf8')).errors?.length) {
    totals.failed++
    broken = true
  }
} else {
  totals.failed++
  broken = true
}

rmSync(reports, { recursive: true, force: true })
console.log('')
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || broken ? 1 : 0)

/**
 * How long `casefile cases` takes from process start to exit on the demo
 * workspace, against `node -e ''` (the floor: starting Node itself) in the same
 * run, runs alternating so both see the same machine. Also the sources run
 * through tsx (what bin/casefile.mjs falls back to without the build) and
 * `casefile show`, for scale. Writes its section of bench/RESULTS.md.
 *
 *   npm run bench:cli-start [-- --runs 31]
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { machine, median, ms, quantile, writeSection } from './results'

const ROOT = join(import.meta.dirname, '..')
const BIN = join(ROOT, 'bin', 'casefile.mjs')
const SOURCES = join(ROOT, 'tests', 'helpers', 'cliFromSources.mjs')
const TARGET_MS = 300
const TARGET_RATIO = 4

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('runs', 31)

/** Wall time of one process from spawn to exit, in ms; fails loudly on a non-zero exit. */
function time(args: string[]): number {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const elapsed = Number(process.hrtime.bigint() - t) / 1e6
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return elapsed
}

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' })
if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`)
const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).stdout.trim()
if (!version.includes('(bundle)')) throw new Error(`bin/casefile.mjs did not run the bundle: ${version}`)

const dir = await mkdtemp(join(tmpdir(), 'casefile-cli-start-'))
try {
  const ws = join(dir, 'demo')
  time([BIN, 'demo', '--workspace', ws])
  const runs = {
    node: [] as number[],
    cases: [] as number[],
    show: [] as number[],
    sources: [] as number[],
  }
  const load = loadavg()
  for (let i = 0; i < 3; i++) {
    time(['-e', ''])
    time([BIN, 'cases', '--workspace', ws])
  }
  for (let i = 0; i < RUNS; i++) {
    runs.node.push(time(['-e', '']))
    runs.cases.push(time([BIN, 'cases', '--workspace', ws]))
    if (i % 3 === 0) runs.show.push(time([BIN, 'show', 'ECU-USA-2026-001', '--workspace', ws]))
    if (i % 6 === 0) runs.sources.push(time([SOURCES, 'cases', '--workspace', ws]))
  }
  const loadAfter = loadavg()
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<
    keyof typeof runs,
    number
  >
  const ratio = m.cases / m.node
  const met = m.cases <= TARGET_MS && ratio <= TARGET_RATIO
  const row = (what: string, xs: number[], note = '') =>
    `| ${what} | ${ms(median(xs))} ms | ${ms(quantile(xs, 0.9))} ms | ${xs.length} | ${note} |`
  await writeSection(
    '## Command-line start-up',
    `
- Date: ${new Date().toISOString()}
- Machine: ${machine()}; load average (1 min) ${load[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after (other engineers' jobs share the two cores: compare the ratio, which both sides of one run share).
- What: wall time from spawn to exit of one process, on the demo workspace, ${RUNS} runs alternating with the baseline after 3 warm-up pairs; page cache warm.
- Build: \`scripts/build-cli.mjs\` (esbuild): one minified ESM file \`dist/cli/casefile.mjs\` with zod, lowdb and the other runtime packages inside; pdfkit and i18next left as packages and loaded on first use (an export, a new briefing); the search worker beside it; made by \`npm install\` (prepare) and \`npm run build\`. Version line: \`${version}\`.
- Command: \`npm run bench:cli-start\` (bench/cli-start.bench.ts)

| run | median | p90 | runs | note |
| --- | --- | --- | --- | --- |
${row("`node -e ''` (baseline)", runs.node)}
${row('`casefile cases` (bundle)', runs.cases, `${ratio.toFixed(2)}× the baseline`)}
${row('`casefile show ECU-USA-2026-001` (bundle)', runs.show)}
${row('`casefile cases` from the sources through tsx (the fallback)', runs.sources, `${(m.sources / m.cases).toFixed(1)}× the bundle`)}

- Target: \`casefile cases\` at most ${TARGET_MS} ms median and within ${TARGET_RATIO}× of \`node -e ''\`: ${met ? 'met' : 'NOT met'} (${ms(m.cases)} ms, ${ratio.toFixed(2)}×).
`,
  )
  console.log(
    `node -e '' ${ms(m.node)} ms; casefile cases ${ms(m.cases)} ms (${ratio.toFixed(2)}x); show ${ms(m.show)} ms; from sources ${ms(m.sources)} ms; target ${met ? 'met' : 'NOT met'}`,
  )
  if (!met) process.exitCode = 1
} finally {
  await rm(dir, { recursive: true, force: true })
}

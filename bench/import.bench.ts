/**
 * Evidence import benchmark: our one-pass import (copy into the blob store and
 * SHA-256 in the same read, fsync included) against `cp` followed by
 * `openssl dgst -sha256` of the copy, side by side on the same 1 GB file.
 * Runs alternate so both see the same (warm) page cache. Peak memory is the
 * importing child process's maxRSS. Writes "## Evidence import (1 GB)" in bench/RESULTS.md.
 *
 * usage: node --import tsx bench/import.bench.ts [--runs N] [--size-mb MB] [--read-size BYTES]
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'size-mb': { type: 'string', default: '1024' },
    'read-size': { type: 'string' },
  },
})
const RUNS = Math.max(3, Number(values.runs))
const SIZE = Number(values['size-mb']) * 1024 * 1024
const dataDir = join(here, '.data')
const src = join(dataDir, `import-${values['size-mb']}mb.bin`)
const work = join(dataDir, 'import-work')

/** Random-ish bytes: a 64 MiB random block, each copy with a distinct counter, so nothing repeats or compresses. */
async function makeSource() {
  if (existsSync(src) && (await stat(src)).size === SIZE) return
  await mkdir(dataDir, { recursive: true })
  const block = randomBytes(64 * 1024 * 1024)
  const fh = await open(src, 'w')
  try {
    for (let off = 0, n = 0; off < SIZE; off += block.length, n++) {
      block.writeUInt32LE(n, 0)
      await fh.write(block, 0, Math.min(block.length, SIZE - off))
    }
  } finally {
    await fh.close()
  }
}

async function clean() {
  if (existsSync(work)) {
    for (const f of await readdir(join(work, 'blobs')).catch(() => [])) await chmod(join(work, 'blobs', f), 0o644)
    await rm(work, { recursive: true, force: true })
  }
  await mkdir(work, { recursive: true })
}

/**
 * The worker is bundled to plain JavaScript first, so its peak memory is Node's
 * plus ours, not the TypeScript loader's (tsx alone adds about 35 MB of RSS).
 */
const workerJs = join(dataDir, 'importWorker.mjs')
async function buildWorker() {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [join(here, 'importWorker.ts')],
    outfile: workerJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  })
}

type Run = { ms: number; sha256: string; maxRssBytes?: number }

function ours(durable: boolean): Run {
  const args = [workerJs, src, join(work, 'blobs'), values['read-size'] ?? '-', durable ? 'sync' : 'nosync']
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: join(here, '..') })
  if (r.status !== 0) throw new Error(`import worker failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run
}

/** cp, then (durable) `sync FILE` = fsync of the copy, then openssl's SHA-256 of the copy. */
function baseline(durable: boolean): Run {
  const dst = join(work, 'copy.bin')
  const t0 = process.hrtime.bigint()
  execFileSync('cp', [src, dst])
  if (durable) execFileSync('sync', [dst])
  const out = execFileSync('openssl', ['dgst', '-sha256', dst], { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return { ms, sha256: out.trim().split(/\s+/).pop()! }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const mbps = (ms: number) => SIZE / 1024 / 1024 / (ms / 1000)

await makeSource()
await buildWorker()
// Warm the page cache once so no method pays the first cold read.
execFileSync('cat', [src], { stdio: ['ignore', 'ignore', 'inherit'] })

const METHODS = [
  {
    key: 'ours',
    label:
      'Casefile import, durable: one read, SHA-256 + write, background fdatasync every 64 MiB, fsync, rename, fsync of the folder',
    run: () => ours(true),
  },
  { key: 'base', label: '`cp` then `openssl dgst -sha256` of the copy (nothing synced)', run: () => baseline(false) },
  {
    key: 'oursNoSync',
    label: 'Casefile import with fsync turned off (like for like with the row above)',
    run: () => ours(false),
  },
  {
    key: 'baseSync',
    label: '`cp`, `sync FILE`, then `openssl dgst -sha256` (like for like with the first row)',
    run: () => baseline(true),
  },
] as const
const loadBefore = loadavg()[0]
const runs: Record<string, Run[]> = Object.fromEntries(METHODS.map((m) => [m.key, []]))
for (let i = 0; i < RUNS; i++) {
  const line: string[] = []
  for (const m of METHODS) {
    await clean()
    // Start each run with no dirty pages left from the one before (not timed).
    execFileSync('sync')
    const r = m.run()
    runs[m.key].push(r)
    line.push(`${m.key} ${r.ms.toFixed(0)} ms${r.maxRssBytes ? ` (${(r.maxRssBytes / 1e6).toFixed(1)} MB)` : ''}`)
  }
  console.log(`run ${i + 1}: ${line.join('  ')}`)
}
await clean()
await rm(work, { recursive: true, force: true })
if (new Set(Object.values(runs).flatMap((rs) => rs.map((r) => r.sha256))).size !== 1)
  throw new Error('the methods disagree on the SHA-256')

const loadAfter = loadavg()[0]
const med = Object.fromEntries(METHODS.map((m) => [m.key, median(runs[m.key].map((r) => r.ms))]))
const peak = Math.max(...[...runs.ours, ...runs.oursNoSync].map((r) => r.maxRssBytes ?? 0))
const cpu =
  (await readFile('/proc/cpuinfo', 'utf8').catch(() => '')).match(/model name\s*:\s*(.+)/)?.[1] ??
  cpus()[0]?.model ??
  'unknown'
const ratio = (a: number, b: number) =>
  `${(a / b).toFixed(2)}× the time (${b > a ? `${((1 - a / b) * 100).toFixed(0)}% faster` : `${((a / b - 1) * 100).toFixed(0)}% slower`})`

const section = `## Evidence import (1 GB)

- Date: ${new Date().toISOString()}
- Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}
- File: ${(SIZE / 1024 ** 3).toFixed(2)} GiB of random bytes, read size ${values['read-size'] ?? '256 KiB (default)'}; ${RUNS} rounds, the four methods alternating within each round; \
\`sync\` (untimed) before every run; page cache warm (dropping it is not possible here); source and target on the same disk.
- Load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} (other work on the machine makes single runs noisy; compare medians).
- Command: \`npm run bench:import\` (bench/import.bench.ts)

| method | median | throughput | runs (ms) |
| --- | --- | --- | --- |
${METHODS.map((m) => `| ${m.label} | ${med[m.key].toFixed(0)} ms | ${mbps(med[m.key]).toFixed(0)} MB/s | ${runs[m.key].map((r) => r.ms.toFixed(0)).join(', ')} |`).join('\n')}

- Like for like, nothing synced: Casefile import takes ${ratio(med.oursNoSync, med.base)} of \`cp\` + \`openssl\`.
- Like for like, synced to disk: Casefile import takes ${ratio(med.ours, med.baseSync)} of \`cp\` + \`sync\` + \`openssl\`.
- As shipped (durable) against the unsynced baseline: ${ratio(med.ours, med.base)}. The difference is the disk writing 1 GB, which \`cp\` leaves in the page cache.
- Peak memory of the importing process (maxRSS of a child running only the import, Node runtime included): ${(peak / 1e6).toFixed(1)} MB.
- All methods computed SHA-256 ${runs.ours[0].sha256}.
`

const resultsPath = join(here, 'RESULTS.md')
let text = existsSync(resultsPath) ? await readFile(resultsPath, 'utf8') : '# Benchmark results\n'
const start = text.indexOf('## Evidence import (1 GB)')
if (start >= 0) {
  const next = text.indexOf('\n## ', start + 1)
  text = text.slice(0, start) + section + (next >= 0 ? '\n' + text.slice(next + 1) : '')
} else text = `${text.trimEnd()}\n\n${section}`
await writeFile(resultsPath, text)
console.log(`\n${section}`)

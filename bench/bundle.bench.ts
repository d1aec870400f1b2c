/**
 * Case bundles: export and import of a case holding 1 GB of evidence, against
 * `zip -r` (export) and `unzip` followed by `sha256sum` of every file (import),
 * on the same data in the same run. Our side runs in its own bundled process
 * (bench/bundleWorker.ts) so its peak memory is its own. Writes
 * "## Case bundles (1 GB)" in bench/RESULTS.md.
 *
 * usage: node --import tsx bench/bundle.bench.ts [--runs N] [--files N] [--file-mb MB]
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openWorkspace } from '@main/services/index'
import { machine, median, writeSection } from './results'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    files: { type: 'string', default: '4' },
    'file-mb': { type: 'string', default: '256' },
  },
})
const RUNS = Math.max(1, Number(values.runs))
const FILES = Number(values.files)
const FILE_BYTES = Number(values['file-mb']) * 1024 * 1024
const TOTAL = FILES * FILE_BYTES
const dataDir = join(here, '.data', 'bundle')
const source = join(dataDir, `source-${FILES}x${values['file-mb']}mb`)
const work = join(dataDir, 'work')
const REF = 'BENCH-BUNDLE-1'
const log = (...a: unknown[]) => console.log('[bundle]', ...a)

for (const tool of ['zip', 'unzip', 'sha256sum'])
  if (spawnSync('which', [tool]).status !== 0) throw new Error(`${tool} is missing: apt-get install -y zip unzip`)

/** A workspace with one case whose evidence is FILES random files (1 GB by default), made once and kept. */
async function makeSource(): Promise<string> {
  const marker = join(source, 'READY')
  if (existsSync(marker)) return (await import('node:fs/promises')).readFile(marker, 'utf8')
  await rm(source, { recursive: true, force: true })
  await mkdir(source, { recursive: true })
  const s = await openWorkspace(join(source, 'workspace'))
  const c = await s.cases.create({ title: 'Bundle benchmark: four videos', reference: REF })
  const block = randomBytes(64 * 1024 * 1024)
  for (let i = 0; i < FILES; i++) {
    const file = join(source, `video-${i}.bin`)
    const fh = await open(file, 'w')
    for (let off = 0, n = 0; off < FILE_BYTES; off += block.length, n++) {
      block.writeUInt32LE(i * 1_000_000 + n, 0)
      await fh.write(block, 0, Math.min(block.length, FILE_BYTES - off))
    }
    await fh.close()
    await s.evidence.importFile(c.id, file, { title: `Camera ${i + 1}`, kind: 'video' })
    await rm(file)
  }
  await s.close()
  await writeFile(marker, c.id)
  return c.id
}

/** The worker, bundled to plain JavaScript so tsx's own memory is not counted. */
const workerJs = join(dataDir, 'bundleWorker.mjs')
async function buildWorker() {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [join(here, 'bundleWorker.ts')],
    outfile: workerJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  })
}

type Run = { ms: number; maxRssBytes?: number; sha256?: string }

function worker(args: string[]): Run {
  const r = spawnSync(process.execPath, [workerJs, ...args], { encoding: 'utf8', cwd: join(here, '..') })
  if (r.status !== 0) throw new Error(`bundle worker failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run
}

const timed = (fn: () => void): Run => {
  const t0 = process.hrtime.bigint()
  fn()
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6 }
}
const sh = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 })

async function clean() {
  await rm(work, { recursive: true, force: true })
  await mkdir(work, { recursive: true })
  sh('sync', [])
}

const caseId = await makeSource()
const ws = join(source, 'workspace')
await buildWorker()
const blobs = (await readdir(join(ws, 'blobs'))).filter((n) => /^[0-9a-f]{64}$/.test(n))
// Warm the page cache for every method alike.
for (const b of blobs) sh('cat', [join(ws, 'blobs', b)])
log(`source: ${blobs.length} blobs, ${(TOTAL / 2 ** 30).toFixed(2)} GiB, case ${caseId}`)

function unzipAndHash(archive: string, durable: boolean): Run {
  return timed(() => {
    sh('unzip', ['-q', join(work, archive), '-d', join(work, 'unzipped')])
    if (durable) sh('sh', ['-c', `find "${join(work, 'unzipped')}" -type f -exec sync {} +`])
    sh('sh', ['-c', `find "${join(work, 'unzipped')}" -type f -exec sha256sum {} + > /dev/null`])
  })
}

const METHODS = {
  export: {
    ours: {
      label: 'Casefile `bundle export` (signed; every blob re-hashed; output fsynced)',
      run: () => worker(['export', ws, REF, join(work, 'case.casefile')]),
    },
    zip: {
      label: '`zip -r` of the case folder and its blobs (the baseline: deflate, the default; nothing synced)',
      run: () => timed(() => sh('zip', ['-q', '-r', join(work, 'case.zip'), join('cases', caseId), 'blobs'], ws)),
    },
    zipStore: {
      label: '`zip -r -0` (for reference, not the baseline: store only, as our bundle stores blobs)',
      run: () => timed(() => sh('zip', ['-q', '-r', '-0', join(work, 'case.zip'), join('cases', caseId), 'blobs'], ws)),
    },
  },
  import: {
    ours: {
      label: 'Casefile `bundle import` (signature, every entry hashed and checked, blobs fsynced, case moved in)',
      run: () => worker(['import', join(work, 'in.casefile'), join(work, 'receiver')]),
    },
    unzip: {
      label: '`unzip` of the `zip -r` archive, then `sha256sum` of every file (the baseline; nothing synced)',
      run: () => unzipAndHash('in.zip', false),
    },
    unzipSync: {
      label: 'the same with `sync` of every file before hashing (like for like with ours on durability)',
      run: () => unzipAndHash('in.zip', true),
    },
    unzipStored: {
      label: '`unzip` of the `zip -r -0` archive, then `sha256sum` (for reference: nothing to inflate, nothing synced)',
      run: () => unzipAndHash('in-stored.zip', false),
    },
  },
} as const

const loadBefore = loadavg()
const runs: Record<string, Run[]> = {}
const add = (k: string, r: Run) => (runs[k] ??= []).push(r)
// Inputs for the import runs, made once: our bundle and the zip of the same files.
await clean()
const inputs = join(dataDir, 'inputs')
await rm(inputs, { recursive: true, force: true })
await mkdir(inputs, { recursive: true })
worker(['export', ws, REF, join(inputs, 'in.casefile')])
sh('zip', ['-q', '-r', join(inputs, 'in.zip'), join('cases', caseId), 'blobs'], ws)
sh('zip', ['-q', '-r', '-0', join(inputs, 'in-stored.zip'), join('cases', caseId), 'blobs'], ws)
const bundleBytes = (await stat(join(inputs, 'in.casefile'))).size
for (let i = 0; i < RUNS; i++) {
  const line: string[] = []
  for (const [k, m] of Object.entries(METHODS.export)) {
    await clean()
    const r = m.run()
    add(`export.${k}`, r)
    line.push(`export.${k} ${r.ms.toFixed(0)} ms${r.maxRssBytes ? ` (${(r.maxRssBytes / 1e6).toFixed(0)} MB)` : ''}`)
  }
  for (const [k, m] of Object.entries(METHODS.import)) {
    await clean()
    const input = k === 'ours' ? 'in.casefile' : k === 'unzipStored' ? 'in-stored.zip' : 'in.zip'
    sh('cp', [join(inputs, input), work])
    sh('cat', [join(work, input)])
    const r = m.run()
    add(`import.${k}`, r)
    line.push(`import.${k} ${r.ms.toFixed(0)} ms${r.maxRssBytes ? ` (${(r.maxRssBytes / 1e6).toFixed(0)} MB)` : ''}`)
  }
  log(`run ${i + 1}: ${line.join('  ')}`)
}
await rm(work, { recursive: true, force: true })
const loadAfter = loadavg()

const med = (k: string) => median(runs[k].map((r) => r.ms))
const peak = (k: string) => Math.max(...runs[k].map((r) => r.maxRssBytes ?? 0))
const ratio = (a: number, b: number) =>
  `${(a / b).toFixed(2)}× the time (${a <= b ? `${((1 - a / b) * 100).toFixed(0)}% faster` : `${((a / b - 1) * 100).toFixed(0)}% slower`})`
const row = (k: string, label: string) =>
  `| ${label} | ${med(k).toFixed(0)} ms | ${(TOTAL / 2 ** 20 / (med(k) / 1000)).toFixed(0)} MB/s | ${runs[k].map((r) => r.ms.toFixed(0)).join(', ')} |`

const body = `- Date and machine: ${machine()}
- Load average (1/5/15 min) before: ${loadBefore.map((x) => x.toFixed(1)).join(' / ')}; after: ${loadAfter.map((x) => x.toFixed(1)).join(' / ')} (other engineers' jobs share the two cores: compare medians within this run, not across runs).
- Data: one case with ${FILES} evidence files of ${values['file-mb']} MiB of random bytes (${(TOTAL / 2 ** 30).toFixed(2)} GiB; random, as video is: nothing to compress). The bundle is ${(bundleBytes / 2 ** 30).toFixed(3)} GiB. ${RUNS} rounds, methods alternating within each; \`sync\` (untimed) before every run; page cache warm; all on one disk.
- Our side runs as its own process (bench/bundleWorker.ts, bundled to plain JavaScript); its time includes opening and closing the workspace. The import baselines unzip what \`zip -r\` made of the same files (it deflates even random data, saving nothing, so \`unzip\` inflates); the reference row unzips a \`zip -r -0\` archive, which, like our bundle, stores the files. Each import run starts from a fresh copy of its input.
- Command: \`npm run bench:bundle\` (bench/bundle.bench.ts)

| method | median | throughput | runs (ms) |
| --- | --- | --- | --- |
${row('export.ours', METHODS.export.ours.label)}
${row('export.zip', METHODS.export.zip.label)}
${row('export.zipStore', METHODS.export.zipStore.label)}
${row('import.ours', METHODS.import.ours.label)}
${row('import.unzip', METHODS.import.unzip.label)}
${row('import.unzipSync', METHODS.import.unzipSync.label)}
${row('import.unzipStored', METHODS.import.unzipStored.label)}

- Export: Casefile takes ${ratio(med('export.ours'), med('export.zip'))} of \`zip -r\` (the baseline), and ${ratio(med('export.ours'), med('export.zipStore'))} of \`zip -r -0\`. Blobs are stored, not deflated (evidence media is already compressed; deflating it is where \`zip -r\` spends its time); records are deflated. Our own costs: the CRC-32 yazl computes in JavaScript (about 3 s of CPU per GB, measured separately on this machine; Node's native zlib.crc32 does it in about 0.25 s, but yazl does not use it), SHA-256 of every blob (checked against its name on the way out) and of the whole bundle, and the fsync of the output.
- Import: Casefile takes ${ratio(med('import.ours'), med('import.unzip'))} of \`unzip\` + \`sha256sum\` (the baseline), ${ratio(med('import.ours'), med('import.unzipSync'))} of the same with every file synced (ours is durable: blobs fsynced before they are placed), and ${ratio(med('import.ours'), med('import.unzipStored'))} of unzipping the stored archive. Our import hashes every blob once (the blob writer's hash is the one compared) and the whole bundle once more for its SHA-256 (the custody entry names it); Debian's \`sha256sum\` took about 4× the CPU time of \`openssl dgst -sha256\` (which Node's hashing uses) on the same 512 MB file here.
- Peak memory (maxRSS of the worker process, Node runtime included): export ${(peak('export.ours') / 1e6).toFixed(1)} MB, import ${(peak('import.ours') / 1e6).toFixed(1)} MB (target: under 150 MB).
- Every run of ours produced the same bundle SHA-256 for the import input: ${[...new Set(runs['import.ours'].map((r) => r.sha256))].join(', ')}.
`
await writeSection('## Case bundles (1 GB)', body)
log(`\n${body}`)

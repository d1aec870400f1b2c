/**
 * "Cold open of a large case": a case of 10,000 and one of 50,000 timeline events,
 * each opened in a fresh process (the window's first `caseDetail.get` after the
 * workspace opens), beside the baseline in the same run: the same open with the
 * zone check uncached, which is how every event's zone was validated before
 * (an Intl.DateTimeFormat built per event). Target: ≤ 250 ms in main.
 *
 *   node --import tsx bench/open-case.bench.ts [--runs N]
 *
 * Writes the "## Cold open of a large case" section of bench/RESULTS.md.
 */
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import type { EventInput } from '@shared/domain'
import { openWorkspace } from '@main/services/index'
import { machine, median, ms, writeSection } from './results'

const run = promisify(execFile)
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } })
const RUNS = Number(values.runs)
const TARGET_MS = 250
const ZONES = ['America/Chicago', 'Europe/Madrid', 'America/Guayaquil', 'UTC', 'Asia/Kolkata', 'America/New_York']
const root = join(tmpdir(), 'casefile-bench-open-case')
const log = (...a: unknown[]) => console.log('[open-case]', ...a)

function events(n: number): (EventInput & { id: string })[] {
  const start = Date.parse('2024-01-01T00:00:00.000Z')
  return Array.from({ length: n }, (_, i) => ({
    id: `event_${String(i).padStart(6, '0')}`,
    at: new Date(start + i * 977_000).toISOString(),
    tz: ZONES[i % ZONES.length],
    precision: i % 7 ? 'exact' : 'approximate',
    title: `Event ${i}: ${i % 3 ? 'short' : 'a longer title that says more about what happened at the consulate door'}`,
    description: i % 5 ? '' : 'A description.\nOn a second line.',
    location: i % 2 ? '' : 'Consulate entrance',
  }))
}

await rm(root, { recursive: true, force: true })
const sizes = [10_000, 50_000]
const ids: Record<number, string> = {}
{
  const s = await openWorkspace(root, { pretty: false })
  // A small case, opened first as the app opens the workspace and a case before a large one.
  ids[1] = (await s.cases.create({ title: 'Small', reference: 'SMALL' })).id
  await s.cases.addEvents(ids[1], events(20))
  for (const n of sizes) {
    const c = await s.cases.create({ title: `${n} events`, reference: `BIG-${n}` })
    await s.cases.addEvents(c.id, events(n))
    ids[n] = c.id
  }
  await s.close()
}
log('workspace ready at', root)

interface WorkerResult {
  cached: number[]
  uncached: number[]
  events: number
}

async function worker(caseId: string, runs: number, warmup?: string): Promise<WorkerResult> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'openCaseWorker.ts'),
      root,
      caseId,
      String(runs),
      ...(warmup ? [warmup] : []),
    ],
    { cwd: join(import.meta.dirname, '..'), maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult
}

const rows: string[] = []
const firsts: string[] = []
const figures: Record<string, number> = {}
for (const n of sizes) {
  // In a running app (the workspace and a small case opened first, V8 warm): the first read of this case.
  const warm = await worker(ids[n], RUNS, ids[1])
  // A fresh process whose first work is this case: V8's warm-up included (first run of each kind).
  const fresh = await worker(ids[n], 1)
  const c = median(warm.cached)
  const u = median(warm.uncached)
  figures[n] = c
  log(
    `${n} events: cached ${warm.cached.map(ms).join(' ')} | uncached ${warm.uncached.map(ms).join(' ')} | fresh process ${ms(fresh.cached[0])} / ${ms(fresh.uncached[0])}`,
  )
  rows.push(
    `| cold open of a ${n.toLocaleString('en')}-event case (\`caseDetail.get\`, first read in a running app) | ${ms(u)} ms median (zone checked per event) | ${ms(c)} ms median (runs ${warm.cached.map(ms).join(', ')}), ${(u / c).toFixed(1)}× faster | ≤ ${TARGET_MS} ms | ${c <= TARGET_MS ? 'yes' : 'no'} |`,
  )
  firsts.push(`${n.toLocaleString('en')} events: ${ms(fresh.cached[0])} ms (baseline ${ms(fresh.uncached[0])} ms)`)
}
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ')
await writeSection(
  '## Cold open of a large case',
  `Machine: ${machine()}. Load average at the end of the run ${load} (other work shares the two cores; compare within the run).

Workspace: one case of 10,000 and one of 50,000 timeline events (six zones, varied titles and descriptions), and a small case, written by the services (\`pretty: false\`). \`bench/openCaseWorker.ts\` runs in a Node process of its own per size: it opens the small case once (as the app opens the workspace and a case first), then ${RUNS} times opens the workspace afresh (a new store, so case.json is read, UTF-8 checked, parsed and validated again) and times \`caseDetail.get\` (what the window's case view asks first: the case, its events sorted, linked excerpts and briefings), alternating the zone cache emptied (Casefile) and off (baseline); medians.

| measure | baseline | Casefile | target | met |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

- Baseline: the same open with the zone-validity cache off (\`setTimeZoneCacheLimit(0)\`), which is how the code validated every event's zone before: an \`Intl.DateTimeFormat\` built per event.
- The cache (\`src/shared/domain/time.ts\`) remembers each zone name's validity, up to 1,000 names (oldest forgotten first), so a case of any size costs one check per distinct zone; it is emptied before every Casefile run above.
- Since 2026-12-04 a stored file is validated in place (\`src/main/storage/parseInPlace.ts\`): the same answer as zod's \`safeParse\`, without zod's copy of every object and array, and with most strings checked without a zod run. Before it, the 50,000-event open took 315–528 ms here. What is left, measured apart on a quiet machine: reading 5–35 ms, UTF-8 decoding about 33 ms (48 ms when titles carry Spanish accents), \`JSON.parse\` 55–85 ms, validation about 25 ms, and the young-generation collections that copy what \`JSON.parse\` made. The margin under 250 ms is small: one run with other work on the cores gave 254 ms. Holding the events in chunk files read on demand would remove most of what is left.
- A process whose very first work is the large case also pays V8's warm-up (zod's validators not yet compiled): ${firsts.join('; ')}.
- Command: \`npm run bench\` runs it with the others, or \`node --import tsx bench/open-case.bench.ts [--runs N]\`.`,
)
log('written to bench/RESULTS.md', figures)
await rm(root, { recursive: true, force: true })

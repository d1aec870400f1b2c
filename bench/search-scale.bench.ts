/**
 * "Search and scale": the 1,000-case workspace (bench/generate.ts) measured
 * against the targets of the issue, each beside its baseline in the same run.
 *
 *   node --import tsx bench/search-scale.bench.ts [--scale full|small] [--keep]
 *
 * Writes the "## Search and scale" section of bench/RESULTS.md.
 */
import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parseArgs } from 'node:util'
import { openWorkspace } from '@main/services/index'
import { listCaseIds, readSource, scanCases, scanStatutes } from '@main/services/search/sources'
import { fold } from '@main/services/search/text'
import { generate, rareWord, SCALES } from './generate'
import { machine, median, ms, quantile, writeSection } from './results'
import { CHROMIUM_ARGS, systemChromium } from '../tests/helpers/chromium'

const run = promisify(execFile)
const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'full' }, keep: { type: 'boolean', default: false } },
})
const scale = values.scale === 'small' ? 'small' : 'full'
const work = join(tmpdir(), `casefile-bench-${scale}`)
const root = join(work, 'workspace')
const log = (...a: unknown[]) => console.log('[search-scale]', ...a)
const now = () => performance.now()

// ---------------------------------------------------------------- workspace
let t = now()
const { bigCaseId, bigEvidenceId } = await generate(root, scale)
const generateMs = now() - t
log(`generated ${scale} workspace in ${ms(generateMs)} ms`)

// ---------------------------------------------------------------- open to the case list
const openTimes: number[] = []
for (let i = 0; i < 7; i++) {
  t = now()
  const s = await openWorkspace(root, { readOnly: true })
  const list = await s.cases.list()
  openTimes.push(now() - t)
  if (!list.length) throw new Error('no cases listed')
  await s.close()
}
log('open to case list', openTimes.map(ms).join(' '))

// ---------------------------------------------------------------- open the 50k-annotation case
// Opening a case reads its case.json (overview, actors, timeline, evidence list); annotations
// stay in their own files until an evidence item is opened, which is timed separately.
const bigOpen: number[] = []
const bigList: number[] = []
let bigCount = 0
for (let i = 0; i < 5; i++) {
  const s = await openWorkspace(root)
  t = now()
  await s.caseDetail.get(bigCaseId)
  bigOpen.push(now() - t)
  t = now()
  bigCount = (await s.annotations.list(bigCaseId, bigEvidenceId)).length
  bigList.push(now() - t)
  await s.close()
}
log('open big case', bigOpen.map(ms).join(' '), 'list its', bigCount, 'annotations', bigList.map(ms).join(' '))

// ---------------------------------------------------------------- save one annotation edit
const saveTimes: number[] = []
{
  const s = await openWorkspace(root)
  await s.annotations.list(bigCaseId, bigEvidenceId)
  for (let i = 0; i < 40; i++) {
    // Five annotations in five different chunks, edited in turn as autosave would: the store's
    // periodic backup copy (first write of a file in 10 minutes) lands in 5 of the 40 saves.
    const id = `ann_big_${((i % 5) * 10_007) % bigCount}`
    t = now()
    await s.annotations.update(bigCaseId, bigEvidenceId, id, {
      text: `Edited note ${i}: la cancillería revisó el vídeo`,
    })
    saveTimes.push(now() - t)
  }
  await s.close()
}
log('save edit', ms(median(saveTimes)))
const baseline = JSON.parse(
  (
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'baselineLowdb.ts'),
        root,
        join(work, 'baseline'),
        bigCaseId,
        bigEvidenceId,
        '3',
      ],
      { maxBuffer: 1 << 20 },
    )
  ).stdout,
) as { times: number[]; bytes: number }
log('baseline lowdb write', baseline.times.map(ms).join(' '), baseline.bytes, 'bytes')

// ---------------------------------------------------------------- search
const rmCache = () => rm(join(root, 'cache'), { recursive: true, force: true })
await rmCache()
let s = await openWorkspace(root, { readOnly: true })
t = now()
await s.search.start()
const buildMs = now() - t
const documents = s.search.status().documents
await s.close()
log(`index built in ${ms(buildMs)} ms, ${documents} documents`)
s = await openWorkspace(root, { readOnly: true })
t = now()
await s.search.start()
const loadMs = now() - t
log(`index loaded in ${ms(loadMs)} ms (from cache: ${s.search.status().loadedFromCache})`)

const WORDS = [
  'cancillería',
  'embajada',
  'embassy',
  'consulate',
  'consulado',
  'inviolability',
  'protesta',
  'protest',
  'vídeo',
  'footage',
  'witness',
  'detención',
  'passport',
  'asylum',
  'bogotá',
  'quito',
  'minneapolis',
  'tratado',
  'convention',
  'jurisdicción',
  'sovereignty',
  'refugiado',
  'verificación',
  'boletín',
  'negociación',
]
const typo = (w: string, i: number) => (i % 2 ? w.slice(0, 2) + w.slice(3) : w.slice(0, 3) + w[4] + w[3] + w.slice(5))
// Half the queries use the generator's most common words (each in ~10% of all documents: the
// worst case); half use the rare words real case files are full of (code names, surnames, sources).
const nCases = SCALES[scale].cases
/** Query `i` of the mix; `shift` pairs each kind of query with other words. */
function queryAt(i: number, shift = 0): string {
  const w = WORDS[(i + shift) % WORDS.length]
  const v = WORDS[(i * 7 + 3 + shift) % WORDS.length]
  const ci = (i * 37) % nCases
  const code = fold(rareWord(ci * 131))
  const source = fold(rareWord(ci * 977 + (i % 40) * 3 + 1_000_000))
  const surname = fold(rareWord(ci * 7 + (i % 5) + 500_000))
  return [
    fold(w),
    w.slice(0, 5),
    typo(fold(w), i),
    `${w} ${v}`,
    `${fold(v).slice(0, 4)} ${w}`,
    code,
    source.slice(0, 6),
    typo(surname, i),
    `operation ${code.slice(0, 5)}`,
    `cf-${2020 + (i % 7)}-${String(ci).padStart(4, '0')}`,
  ][i % 10]
}
const queries = Array.from({ length: 200 }, (_, i) => queryAt(i))
const common = queries.map((_, i) => i % 10 < 5)
// Warm-up (JIT, page cache) on 200 other queries of the same kinds; nothing caches answers.
for (let i = 200; i < 400; i++) await s.search.query({ query: queryAt(i, 12), limit: 50 })
const roundTrip: number[] = []
const inWorker: number[] = []
for (const q of queries) {
  t = now()
  const r = await s.search.query({ query: q, limit: 50 })
  roundTrip.push(now() - t)
  inWorker.push(r.tookMs)
}
await s.close()
const commonRt = roundTrip.filter((_, i) => common[i])
log(
  'search p50/p95',
  ms(median(roundTrip)),
  ms(quantile(roundTrip, 0.95)),
  'in worker',
  ms(median(inWorker)),
  ms(quantile(inWorker, 0.95)),
  'common words',
  ms(median(commonRt)),
  ms(quantile(commonRt, 0.95)),
)

// Baseline: the same texts, folded, scanned for every query word as a substring.
const texts: string[] = []
{
  const ids = await listCaseIds(root)
  const scanned = [
    scanStatutes(root),
    ...(await scanCases(root, ids, { fps: new Map(), byDir: new Map() }, async () => undefined)),
  ]
  for (const { ref } of scanned)
    for (const d of (await readSource(root, ref)).docs) texts.push(fold(`${d.title}\n${d.body}\n${d.tags.join(' ')}`))
}
const scanTimes: number[] = []
for (const q of queries.filter((_, i) => i % 10 === 0 || i % 10 === 3 || i % 10 === 5).slice(0, 24)) {
  const words = fold(q).split(/\s+/).filter(Boolean)
  t = now()
  let hits = 0
  for (const text of texts) if (words.every((w) => text.includes(w))) hits++
  scanTimes.push(now() - t)
  if (hits < 0) throw new Error('unreachable')
}
log('linear scan p50', ms(median(scanTimes)), 'over', texts.length, 'texts')
texts.length = 0

// A naive scan would keep the original texts and fold them per query; a few queries show that cost.
const naiveTimes: number[] = []
{
  const originals: string[] = []
  const ids = await listCaseIds(root)
  const scanned = [
    scanStatutes(root),
    ...(await scanCases(root, ids, { fps: new Map(), byDir: new Map() }, async () => undefined)),
  ]
  for (const { ref } of scanned)
    for (const d of (await readSource(root, ref)).docs) originals.push(`${d.title}\n${d.body}\n${d.tags.join(' ')}`)
  for (const q of ['cancilleria', 'protest note', 'quito']) {
    const words = fold(q).split(/\s+/)
    t = now()
    let hits = 0
    for (const text of originals) if (words.every((w) => fold(text).includes(w))) hits++
    naiveTimes.push(now() - t)
    if (hits < 0) throw new Error('unreachable')
  }
}
log('naive scan (fold per query)', naiveTimes.map(ms).join(' '))

// ---------------------------------------------------------------- renderer first paint
let paint: { firstRows: number; fcp: number }[] = []
let paintNote = ''
try {
  paint = await measurePaint()
  log('renderer first rows', paint.map((p) => ms(p.firstRows)).join(' '))
} catch (e) {
  paintNote = `not measured: ${(e as Error).message.split('\n')[0]}`
  log(paintNote)
}

// ---------------------------------------------------------------- memory
const probe = JSON.parse(
  (await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'memoryProbe.ts'), root])).stdout
    .trim()
    .split('\n')
    .at(-1)!,
) as {
  rss: number
  documents: number
  loadedFromCache: boolean
}
log('memory', Math.round(probe.rss / 2 ** 20), 'MiB')

// ---------------------------------------------------------------- report
const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`
const pass = (ok: boolean) => (ok ? 'yes' : '**no**')
const saveMed = median(saveTimes)
const baseMed = median(baseline.times)
const p50 = median(roundTrip)
const p95 = quantile(roundTrip, 0.95)
const scanMed = median(scanTimes)
const firstRows = median(paint.map((p) => p.firstRows))
const rows = [
  `| save one annotation edit, ${bigCount.toLocaleString('en')}-annotation item | ${ms(baseMed)} ms (one lowdb file, ${mib(baseline.bytes)}) | ${ms(saveMed)} ms median (${ms(quantile(saveTimes, 0.95))} p95), ${Math.round(baseMed / saveMed)}× faster | ≥ 100×, ≤ 10 ms | ${pass(baseMed / saveMed >= 100 && saveMed <= 10)} |`,
  `| search, ${documents.toLocaleString('en')} documents | linear scan ${ms(scanMed)} ms p50 | p50 ${ms(p50)} ms, p95 ${ms(p95)} ms (round trip to the worker; in the worker ${ms(median(inWorker))} / ${ms(quantile(inWorker, 0.95))} ms), ${Math.round(scanMed / p50)}× faster at p50 | ≥ 100× at p50, p95 ≤ 5 ms | ${pass(scanMed / p50 >= 100 && p95 <= 5)} |`,
  `| open the ${scale === 'full' ? '1,000' : scale}-case workspace to a listed case list | — | ${ms(median(openTimes))} ms median | ≤ 300 ms | ${pass(median(openTimes) <= 300)} |`,
  `| open the large case (\`cases.get\`: case, actors, timeline, evidence list) | — | ${ms(median(bigOpen))} ms median | ≤ 250 ms | ${pass(median(bigOpen) <= 250)} |`,
  `| then open its video: list all ${bigCount.toLocaleString('en')} annotations (100 chunk files read and validated) | — | ${ms(median(bigList))} ms median | (no target) | — |`,
  paint.length
    ? `| renderer: first rows of a 10,000-row VirtualList in Chromium | — | ${ms(firstRows)} ms median from navigation (first contentful paint ${ms(median(paint.map((p) => p.fcp)))} ms) | ≤ 300 ms | ${pass(firstRows <= 300)} |`
    : `| renderer: first paint of a 10,000-row list | — | ${paintNote} | ≤ 300 ms | — |`,
  `| memory of the main process with the big workspace open (RSS incl. search index, ${probe.documents.toLocaleString('en')} documents) | — | ${mib(probe.rss)} | ≤ 400 MB | ${pass(probe.rss <= 400 * 1e6)} |`,
]
await writeSection(
  '## Search and scale',
  `Machine: ${machine()}. Load average at the end of the run ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' / ',
    )}: other engineers' tests and benches share the two cores, so every figure here is slower than on an idle machine.

Workspace: \`bench/generate.ts --scale ${scale}\` (seeded): 1,000 cases, 100,000 evidence items, 500,000 annotations (50,000 on one video of case ${bigCaseId}, stored as 100 chunk files), 10,000 statute excerpts; generated in ${ms(generateMs / 1000)} s.

| measure | baseline | Casefile | target | met |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Notes:
- Search index: built from scratch in ${ms(buildMs / 1000)} s in the worker thread (first open only); loaded from \`cache/\` and checked against the files in ${ms(loadMs)} ms on later opens.
- Search queries: 200, limit 50, after 200 warm-up queries of the same kinds (other words and cases; no answer is cached anywhere). Half use the generator's most common words (each in about 10% of all documents, so 60,000–130,000 hits per query: the worst case) as single words with and without accents, 5-letter prefixes, one-typo words and two-word queries — on their own p50 ${ms(median(commonRt))} ms, p95 ${ms(quantile(commonRt, 0.95))} ms; the other half use rare words (case code names, source names as 6-letter prefixes, surnames with a typo, case references). The baseline scans the same folded texts with \`includes\` for every word (no typo tolerance), 24 queries of both halves.
- Limit 50 is what the search panel asks for (one page; "Show more" asks again with a higher limit) and the API's and CLI's default.
- Where a median query's time goes (CPU profiles on this machine): finding and ranking the hits about 0.08 ms; reading and presenting 50 hits about 0.2 ms (per hit about 1.8 µs to read its record from \`cache/search-docs-*.bin\`, about 2 µs for its snippet and highlights); the hand-off to and from the worker thread about 0.15 ms (the worker's wake-up, the reply copied as one string and a transferred Float64Array; the main thread keeps its event loop turning while a reply is due rather than sleep, which saved 0.06 ms).
- Changes that took the median from 1.04 ms (85×, the first version) to this: the folded form of every title and body is stored beside it (when lower case would not give it back), so no hit is folded at query time (the cost is disk: the doc file under \`cache/\` grew from 137 MB to 253 MB); doc records in Latin-1 (or aligned UTF-16) with a length header instead of UTF-8 JSON; snippets collapse whitespace and look for highlights only inside their window; fold() maps Latin letters and punctuation through a table; prefix queries with hundreds of expansions find them in a text by their shared first letters; the worker's reply is one string plus numbers instead of fifty structured-cloned objects; the main thread does not go to sleep for the millisecond a reply takes.
- Save: \`annotations.update\` through the service: validation, one chunk file (≤ 500 annotations, about 170 KB) written with fsync + rename + folder fsync; 40 saves cycling over 5 annotations in 5 chunks (the store's periodic backup copy of a file, taken at its first write in 10 minutes, falls in 5 of them). Baseline: lowdb's JSONFile writing the whole workspace as one file after the same edit.
- Open the large case: \`cases.get\` on a freshly opened workspace (case.json, and the first read of the 10,000-excerpt statute library for the linked excerpts); the item's annotations are listed separately, as the evidence view does when the item is opened.
- Search baselines: the "linear scan" row keeps every text pre-folded in memory (the strongest scan); a scan that folds the stored text per query, as a naive implementation would, took ${naiveTimes.map(ms).join(' / ')} ms for 3 queries (${Math.round(median(naiveTimes) / p50)}× our p50). Rare-word queries alone: p50 ${ms(median(roundTrip.filter((_, i) => !common[i])))} ms, p95 ${ms(
    quantile(
      roundTrip.filter((_, i) => !common[i]),
      0.95,
    ),
  )} ms.
`,
)
log('wrote bench/RESULTS.md')
if (!values.keep) await rm(work, { recursive: true, force: true })

async function measurePaint(): Promise<{ firstRows: number; fcp: number }[]> {
  const { build } = await import('esbuild')
  const { chromium } = await import('playwright-core')
  const dir = join(work, 'page')
  await mkdir(dir, { recursive: true })
  await build({
    entryPoints: [join(import.meta.dirname, 'renderer', 'virtualListPage.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, 'page.js'),
    logLevel: 'silent',
  })
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><body style="margin:0"><div id="root"></div><script src="page.js"></script></body></html>',
  )
  // The page and its script are loaded from file://.
  const browser = await chromium.launch({
    executablePath: systemChromium,
    args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
  })
  const out: { firstRows: number; fcp: number }[] = []
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
      await page.goto(`file://${join(dir, 'index.html')}`)
      // Strings, not functions: this file is type-checked without the DOM library.
      await page.waitForFunction('window.__firstRows !== undefined', null, { timeout: 10_000 })
      out.push(
        (await page.evaluate(
          `({ firstRows: window.__firstRows, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN })`,
        )) as { firstRows: number; fcp: number },
      )
      await page.close()
    }
  } finally {
    await browser.close()
  }
  return out
}

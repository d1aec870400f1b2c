/**
 * PDF export benchmark: a ~100-page memo rendered by our exporter (pdfkit) and,
 * in the same run, the same content printed by an already-running headless
 * Chromium with page.pdf() (what Electron's printToPDF does). Runs alternate so
 * both see the same machine load; medians of wall time, plus our CPU time.
 * Writes "## PDF export (100-page memo)" in bench/RESULTS.md (only that section).
 *
 * usage: node --import tsx bench/pdf.bench.ts [--runs N] [--no-write]
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, systemChromium } from '../tests/helpers/chromium'
import { renderBriefingPdf } from '@main/pdf/index'
import { memoHtml } from './pdfHtml'
import { syntheticMemo } from './pdfSynthetic'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, 'no-write': { type: 'boolean', default: false } },
})
const RUNS = Math.max(3, Number(values.runs))
const outDir = join(here, '.data', 'pdf')

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
/** Pages as poppler counts them (our pages dictionaries sit in a compressed object stream). */
const pagesOf = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0)

async function main() {
  await mkdir(outDir, { recursive: true })
  const input = syntheticMemo()
  const { html, header, footer } = memoHtml(input)

  const browser = await chromium.launch({ executablePath: systemChromium, args: CHROMIUM_ARGS })
  const page = await browser.newPage()
  const chromiumOnce = async () => {
    await page.setContent(html, { waitUntil: 'load' })
    return page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footer,
      printBackground: true,
      preferCSSPageSize: true,
    })
  }
  const oursOnce = async () => (await renderBriefingPdf(input, { deterministic: true })).buffer

  // Warm both (JIT, font parsing and shaping caches on our side; layout engine on Chromium's).
  let ours = await oursOnce()
  let theirs = await chromiumOnce()
  const t = { ours: [] as number[], oursCpu: [] as number[], chromium: [] as number[] }
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage()
    let start = performance.now()
    ours = await oursOnce()
    t.ours.push(performance.now() - start)
    const u = process.cpuUsage(c)
    t.oursCpu.push((u.user + u.system) / 1000)
    start = performance.now()
    theirs = await chromiumOnce()
    t.chromium.push(performance.now() - start)
  }
  await browser.close()

  writeFileSync(join(outDir, 'memo-pdfkit.pdf'), ours)
  writeFileSync(join(outDir, 'memo-chromium.pdf'), theirs)
  const pages = { ours: pagesOf(join(outDir, 'memo-pdfkit.pdf')), chromium: pagesOf(join(outDir, 'memo-chromium.pdf')) }
  const m = { ours: median(t.ours), oursCpu: median(t.oursCpu), chromium: median(t.chromium) }
  const pps = { ours: (pages.ours / m.ours) * 1000, chromium: (pages.chromium / m.chromium) * 1000 }
  const kb = (b: Buffer) => `${(b.length / 1024).toFixed(0)} KB`
  const fonts = execFileSync('pdffonts', [join(outDir, 'memo-pdfkit.pdf')], { encoding: 'utf8' }).split('\n').length - 3

  const lines = [
    '## PDF export (100-page memo)',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} when the run ended (other engineers' jobs share the machine).`,
    `- Input: synthetic memo (bench/pdfSynthetic.ts): ${input.detail.evidence.length} exhibits with hashes, ${input.detail.events.length} timeline events, ${input.statutes.length} statute excerpts, numbered sections with a citation footnote in every paragraph. ${RUNS} alternating runs each after one warm-up; medians.`,
    '- Baseline: the same content as HTML (bench/pdfHtml.ts) printed by an already-running headless Chromium (/usr/bin/chromium, launched through Playwright) with page.pdf(), header/footer templates for the banner and "Page N of M"; timed from setContent to the PDF bytes.',
    '- Command: `npm run bench:pdf` (bench/pdf.bench.ts)',
    '',
    '| exporter | pages | median time | pages/s | file size | runs (ms) |',
    '| --- | --- | --- | --- | --- | --- |',
    `| Casefile (pdfkit, our layout) | ${pages.ours} | ${m.ours.toFixed(0)} ms (CPU ${m.oursCpu.toFixed(0)} ms) | ${pps.ours.toFixed(0)} | ${kb(ours)} | ${t.ours.map((x) => x.toFixed(0)).join(', ')} |`,
    `| Chromium page.pdf() (warm) | ${pages.chromium} | ${m.chromium.toFixed(0)} ms | ${pps.chromium.toFixed(0)} | ${kb(theirs)} | ${t.chromium.map((x) => x.toFixed(0)).join(', ')} |`,
    '',
    `- Ratio: ${(pps.ours / pps.chromium).toFixed(2)}× Chromium's pages per second; file ${((ours.length / theirs.length) * 100).toFixed(0)}% of Chromium's size (${fonts} embedded font subsets in ours).`,
    ...FINDINGS,
    '',
  ]
  if (!values['no-write']) writeSection(join(here, 'RESULTS.md'), '## PDF export (100-page memo)', lines.join('\n'))
  console.log(lines.join('\n'))
}

/** What profiling showed and what changed; kept here so the results file carries it. */
const FINDINGS = [
  "- Profile (node --cpu-prof) of the first version, which drew every line with pdfkit `text()`: ~48 pages/s warm, 455 KB. Most time went to pdfkit's text path: `EmbeddedFont.layout` re-splits every string and concatenates glyph arrays (heavy GC), `_fragment` re-measures with `widthOfString` and wraps each fragment in save/transform/restore, and every `addContent` call becomes its own byte array (`fromBinaryString`). Font subsetting itself was cheap; `heightOfString` was never used (we lay out once and know each line's height).",
  "- Speed changes: our own line breaking with a process-wide cache of shaped words (fontkit shapes each distinct word once per font, not per document); text written as raw `TJ` operators from per-document word encodings (glyph ids mapped into pdfkit's subset once per word); all page operators batched into one chunk per page and deflated natively; colours, rules and fills as raw operators; fonts parsed once per process (five faces at most, subset per document); `formatEventTime` (Intl time-zone lookups) memoised; footnote heights known before a line is placed, so nothing is laid out twice.",
  "- Size changes (455 KB -> about 290 KB): one BT/ET per run of text with relative `Td` moves and the font selected only when it changes (-15%); glyphs as binary instead of hex strings (-7%); coordinates to 0.01 pt; the furniture that repeats on every page (banners, rules, reference line, watermark) drawn once as a form XObject; pdfkit's PDF 1.3 output repacked with its small objects (pages, annotations, outline, fonts' dictionaries) in one compressed object stream and a compressed xref stream (-17%). Deflate level 9 instead of 6 gained under 0.1%.",
  "- What is left: the text itself (about 80% of the file: two-byte glyph ids under Identity-H; a one-byte simple-font encoding would save ~13% more but needs our own font embedding), zlib deflate (~15% of CPU), shaping of first-seen words, GC of content strings. Chromium's numbers here are under the same load as ours; on an idle machine both are faster.",
]

function writeSection(file: string, heading: string, section: string) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n'
  const start = text.indexOf(`${heading}\n`)
  if (start < 0) return writeFileSync(file, `${text.trimEnd()}\n\n${section}`)
  const next = text.indexOf('\n## ', start + heading.length)
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`)
}

await main()

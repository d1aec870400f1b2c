/**
 * What every page of a memo carries, read back from the PDF as a reader sees
 * it: the marking centred at top and bottom (set smaller, then cut, when long),
 * the rules, the reference line, "Page N of M", the DRAFT watermark across the
 * middle of a draft only, and bookmarks nested as the sections are, each landing
 * at its heading. Each test renders its own memo.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderBriefingPdf } from '@main/pdf/index'
import { GEOM, PAGE } from '@main/pdf/layout'
import { darkestIn, demoMemo, pdfRaster, pdfWords, tempDir, type PdfWord } from './helpers'

let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => ({ dir, cleanup } = await tempDir()))
afterAll(async () => cleanup?.())

const text = (t: string) => ({ type: 'text', text: t })
const para = (t: string) => ({ type: 'paragraph', content: [text(t)] })
const heading = (level: number, t: string) => ({ type: 'heading', attrs: { level }, content: [text(t)] })

let n = 0
async function render(
  opts: { header?: Record<string, string>; body?: unknown[]; draft?: boolean; language?: 'en' | 'es' } = {},
): Promise<string> {
  const { buffer } = await renderBriefingPdf(
    demoMemo({
      language: opts.language ?? 'en',
      header: opts.header,
      ...(opts.body ? { body: { type: 'doc', content: opts.body } } : {}),
    }),
    { deterministic: true, draft: opts.draft },
  )
  const file = join(dir, `memo-${n++}.pdf`)
  writeFileSync(file, buffer)
  return file
}

/** The words on a page whose tops lie between y0 and y1. */
const band = (page: PdfWord[], y0: number, y1: number) => page.filter((w) => w.y0 >= y0 && w.y0 < y1)
const centreOf = (ws: PdfWord[]) => (Math.min(...ws.map((w) => w.x0)) + Math.max(...ws.map((w) => w.x1))) / 2

/** How many pixels of row y, between x0 and x1, are not white. */
function inked(g: { w: number; px: Buffer }, y: number, x0: number, x1: number): number {
  let dark = 0
  for (let x = Math.round(x0); x < Math.round(x1); x++) if (g.px[Math.round(y) * g.w + x] < 200) dark++
  return dark
}

describe('the furniture of every page', () => {
  it('centres the marking at the top and the bottom, with rules under and above the text, on every page', async () => {
    const file = await render({ header: { classification: 'Confidential' } })
    const pages = pdfWords(file)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => {
      const top = band(page, 0, 44)
      const bottom = band(page, PAGE.height - 44, PAGE.height)
      // Upper case, as a marking is shown; centred on the page within a point.
      expect(top.map((w) => w.t).join(' '), `page ${i + 1}`).toBe('CONFIDENTIAL')
      expect(bottom.map((w) => w.t).join(' '), `page ${i + 1}`).toBe('CONFIDENTIAL')
      expect(Math.abs(centreOf(top) - PAGE.width / 2)).toBeLessThan(1)
      expect(Math.abs(centreOf(bottom) - PAGE.width / 2)).toBeLessThan(1)
      // 9 pt, the size of a marking that fits.
      expect(top[0].y1 - top[0].y0).toBeGreaterThan(9.5)
      expect(top[0].y0).toBeGreaterThan(20)
      expect(bottom[0].y0).toBeGreaterThan(PAGE.height - 40)
      expect(bottom[0].y1).toBeLessThan(PAGE.height - 20)
    })
    // Thin rules across the text width: under the top marking, above the footer.
    const g = pdfRaster(file, 2, { grey: true })
    expect(inked(g, 44, GEOM.left, GEOM.right)).toBeGreaterThan(0.9 * GEOM.width)
    expect(inked(g, PAGE.height - 60, GEOM.left, GEOM.right)).toBeGreaterThan(0.9 * GEOM.width)
    expect(inked(g, 50, GEOM.left, GEOM.right)).toBe(0)
    // The marking in the banner colour (dark red), the page number in the text colour.
    const rgb = pdfRaster(file, 2)
    const ink = (y0: number, y1: number, x0: number, x1: number) => darkestIn(rgb, { x0, y0, x1, y1 })
    const [r, gr, b] = ink(24, 40, 200, 400)
    expect(r - gr).toBeGreaterThan(60)
    expect(r - b).toBeGreaterThan(60)
    const [pr, pg, pb] = ink(Math.round(PAGE.height - 56), Math.round(PAGE.height - 46), 480, Math.round(GEOM.right))
    expect(Math.max(pr, pg, pb) - Math.min(pr, pg, pb)).toBeLessThan(30)
  })

  it('sets a long marking smaller so it fits on one line, and cuts one that still does not with an ellipsis', async () => {
    const long = 'Secret — Eyes only — Ministry of Foreign Affairs — Not for onward distribution — Handle via channels'
    const shrunk = pdfWords(await render({ header: { classification: long } }))[0]
    const top = band(shrunk, 0, 44)
    expect(top.map((w) => w.t).join(' ')).toBe(long.toUpperCase())
    // Smaller than 9 pt, not below 6 pt, within the margins, still centred.
    const height = top[0].y1 - top[0].y0
    expect(height).toBeLessThan(9.5)
    expect(height).toBeGreaterThan(6.5)
    expect(Math.min(...top.map((w) => w.x0))).toBeGreaterThanOrEqual(GEOM.left - 0.5)
    expect(Math.max(...top.map((w) => w.x1))).toBeLessThanOrEqual(GEOM.right + 0.5)
    expect(Math.abs(centreOf(top) - PAGE.width / 2)).toBeLessThan(1)

    const endless = `${'MMMMMMMMMM '.repeat(10)}END`
    const cut = band(pdfWords(await render({ header: { classification: endless } }))[0], 0, 44)
    const shown = cut.map((w) => w.t).join(' ')
    expect(shown.endsWith('…')).toBe(true)
    expect(shown).not.toContain('END')
    expect(shown.startsWith('MMMMMMMMMM MMMMMMMMMM')).toBe(true)
    // 6 pt, the smallest it is set, and as much of the marking as the width holds.
    expect(cut[0].y1 - cut[0].y0).toBeLessThan(7.5)
    expect(Math.max(...cut.map((w) => w.x1))).toBeLessThanOrEqual(GEOM.right + 0.5)
    expect(Math.max(...cut.map((w) => w.x1)) - Math.min(...cut.map((w) => w.x0))).toBeGreaterThan(0.9 * GEOM.width)
  })

  it('numbers every page "Page N of M" at the right margin, beside the reference line at the left', async () => {
    const file = await render({ header: { reference: 'REF-77', subject: 'Consular premises' } })
    const pages = pdfWords(file)
    pages.forEach((page, i) => {
      const foot = band(page, PAGE.height - 60, PAGE.height - 44)
      const line = foot.map((w) => w.t).join(' ')
      expect(line, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(line.startsWith('REF-77 · Consular premises')).toBe(true)
      expect(foot[0].x0).toBeCloseTo(GEOM.left, 0)
      expect(Math.max(...foot.map((w) => w.x1))).toBeCloseTo(GEOM.right, 0)
    })
  })

  it('keeps a long reference line to one line, clear of the page number', async () => {
    const subject =
      'A subject long enough to run past the page number at the foot of every page of the memo, as the subjects of real memos often are'
    const page = pdfWords(await render({ header: { reference: 'REF-1', subject } }))[0]
    const foot = band(page, PAGE.height - 60, PAGE.height - 44)
    const pageWord = foot.find((w) => w.t === 'Page')!
    const reference = foot.filter((w) => w.x1 < pageWord.x0)
    const shown = reference.map((w) => w.t).join(' ')
    expect(shown).toMatch(/^REF-1 · A subject long enough .*…$/u)
    expect(shown).not.toContain('often are')
    expect(Math.max(...reference.map((w) => w.x1))).toBeLessThanOrEqual(GEOM.right - 90 + 0.5)
    expect(band(page, PAGE.height - 44, PAGE.height - 40)).toEqual([])
  })

  it('draws the DRAFT watermark across the middle of every page of a draft, and only of a draft', async () => {
    const body = [para('A short memo.')]
    const final = pdfRaster(await render({ body }), 1, { grey: true })
    const drafts = { en: await render({ body, draft: true }), es: await render({ body, draft: true, language: 'es' }) }
    for (const [lang, file] of Object.entries(drafts)) {
      const g = pdfRaster(file, 1, { grey: true })
      // Where the draft differs from the final copy: a faint band, diagonal, centred, inside the page.
      let x0 = g.w
      let x1 = 0
      let y0 = g.h
      let y1 = 0
      let changed = 0
      let sumX = 0
      let sumY = 0
      for (let y = 90; y < g.h - 70; y++)
        for (let x = 0; x < g.w; x++) {
          const i = y * g.w + x
          if (final.px[i] === 255 && g.px[i] < 255 && g.px[i] > 200) {
            changed++
            sumX += x
            sumY += y
            x0 = Math.min(x0, x)
            x1 = Math.max(x1, x)
            y0 = Math.min(y0, y)
            y1 = Math.max(y1, y)
          }
        }
      expect(changed, lang).toBeGreaterThan(5_000)
      expect(Math.abs(sumX / changed - PAGE.width / 2), lang).toBeLessThan(25)
      expect(Math.abs(sumY / changed - PAGE.height / 2), lang).toBeLessThan(25)
      expect(x0, lang).toBeGreaterThan(10)
      expect(x1, lang).toBeLessThan(g.w - 10)
      // Wide and tall, not a level line, and rising from lower left to upper right (y grows downwards here).
      expect(x1 - x0, lang).toBeGreaterThan(0.45 * PAGE.width)
      expect(y1 - y0, lang).toBeGreaterThan(0.35 * PAGE.width)
      let cov = 0
      for (let y = 90; y < g.h - 70; y++)
        for (let x = 0; x < g.w; x++) {
          const i = y * g.w + x
          if (final.px[i] === 255 && g.px[i] < 255 && g.px[i] > 200) cov += (x - sumX / changed) * (y - sumY / changed)
        }
      expect(cov, lang).toBeLessThan(0)
    }
  })
})

describe('the bookmarks', () => {
  interface Outline {
    title: string
    destpageposfrom1: number
    dest: [string, string, null, number, null]
    kids: Outline[]
  }
  const outlineOf = (file: string): Outline[] =>
    JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })).outlines

  it('nest as the sections do, each landing on its page just above its heading', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => para(`Paragraph ${i + 1} of the section.`))
    const file = await render({
      body: [
        heading(1, 'Background'),
        para('Opening.'),
        heading(2, 'The first visit'),
        ...filler,
        heading(2, 'The second visit'),
        para('Text.'),
        heading(1, 'Assessment'),
        heading(2, 'Law'),
        para('More.'),
      ],
    })
    const outline = outlineOf(file).filter((o) => o.title !== 'Contents' && !o.title.startsWith('Annex'))
    const shape = (os: Outline[]): unknown => os.map((o) => [o.title, shape(o.kids)])
    expect(shape(outline)).toEqual([
      [
        '1. Background',
        [
          ['1.1 The first visit', []],
          ['1.2 The second visit', []],
        ],
      ],
      ['2. Assessment', [['2.1 Law', []]]],
    ])
    const pages = pdfWords(file)
    const all = [outline[0], ...outline[0].kids, outline[1], ...outline[1].kids]
    for (const o of all) {
      const [num, first] = o.title.split(' ')
      const page = pages[o.destpageposfrom1 - 1]
      // The heading (the contents page lists it too): the destination is the top of the view, a little above it.
      const above = page
        .filter((w, k) => w.t === num && page[k + 1]?.t === first)
        .map((w) => o.dest[3] - (PAGE.height - w.y0))
      expect(
        above.some((d) => d > 0 && d < 14),
        `${o.title}: ${above}`,
      ).toBe(true)
      expect(o.dest[1]).toBe('/XYZ')
    }
    // The second subsection is on a later page than the first (the filler pushed it over).
    expect(outline[0].kids[1].destpageposfrom1).toBeGreaterThan(outline[0].kids[0].destpageposfrom1)
  })
})

/**
 * The exhibit and timeline annexes read back from the PDF, for items of every
 * shape: a file of each size unit, a link, a reference captured by hand, graded
 * and ungraded, cited and not, with its annotations and its picture; events with
 * and without place, description and exhibits.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderBriefingPdf, type MemoInput } from '@main/pdf/index'
import { Annotation, EvidenceItem, TimelineEvent } from '@shared/domain'
import { darkestIn, demoMemo, pdfPages, pdfRaster, pdfWords, tempDir, type PdfWord } from './helpers'
import { GEOM } from '@main/pdf/layout'

const at = '2026-01-28T00:00:00.000Z'
let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => ({ dir, cleanup } = await tempDir()))
afterAll(async () => cleanup?.())

const sha = (c: string) => c.repeat(64)
const verification = (status: 'verified' | 'unverified' | 'disputed') => ({
  status,
  reasoning: '',
  source: { status, reasoning: '' },
  technical: { status, reasoning: '' },
  content: { status, reasoning: '' },
})
const item = (id: string, title: string, extra: Record<string, unknown> = {}) =>
  EvidenceItem.parse({
    id,
    kind: 'document',
    title,
    verification: verification('unverified'),
    createdAt: at,
    updatedAt: at,
    ...extra,
  })
const file = (name: string, size: number, c: string) => ({
  sha256: sha(c),
  size,
  mediaType: 'image/png',
  originalName: name,
})
const cite = (id: string) => ({ type: 'citation', attrs: { target: 'evidence', id, pinpoint: '' } })
const para = (...content: unknown[]) => ({ type: 'paragraph', content })

let n = 0
/** The file the last render wrote. */
let last = ''
async function render(
  evidence: EvidenceItem[],
  body: unknown[],
  extra: Partial<MemoInput> & { events?: TimelineEvent[] } = {},
): Promise<string[]> {
  const { events = [], ...rest } = extra
  const { buffer } = await renderBriefingPdf(
    demoMemo({ body: { type: 'doc', content: body } }, { events, evidence }, { statutes: [], ...rest }),
    { deterministic: true },
  )
  const path = join(dir, `annex-${n++}.pdf`)
  writeFileSync(path, buffer)
  last = path
  return pdfPages(path)
}
const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ')

describe('the exhibit annex', () => {
  it('describes each item as held: file, size in its unit, link, who captured it, grade, hash, status', async () => {
    const items = [
      item('ev_b', 'Tiny scan', { file: file('tiny.png', 512, 'a'), sourceUrl: 'https://example.org/tiny' }),
      item('ev_kb', 'Letter scan', {
        file: file('letter.png', 3_000, 'b'),
        sourceReliability: 'B',
        informationCredibility: '2',
        verification: verification('verified'),
      }),
      item('ev_mb', 'Large photo', { file: file('photo.png', 5 * 1024 * 1024, 'c'), informationCredibility: '3' }),
      item('ev_hand', 'Notes of a call', { capturedBy: 'Desk officer Ruiz' }),
      item('ev_link', 'Press report', { sourceUrl: 'https://news.example/report', capturedBy: 'Not shown' }),
    ]
    const text = flat(await render(items, [para({ type: 'text', text: 'See ' }, cite('ev_kb'), cite('ev_b'))]))
    expect(text).toContain('File: tiny.png (image/png, 512 B)')
    expect(text).toContain('File: letter.png (image/png, 2.9 KB)')
    expect(text).toContain('File: photo.png (image/png, 5.0 MB)')
    expect(text).toContain('https://example.org/tiny')
    expect(text).toContain('Captured by Desk officer Ruiz')
    // A link says where it came from; who captured it is not added to it.
    expect(text).toContain('https://news.example/report')
    expect(text).not.toContain('Not shown')
    expect(text).toContain('Grade B2 (usually reliable)')
    expect(text).toContain('Grade ?3')
    for (const c of 'abc') expect(text).toContain(sha(c))
    expect(text.match(/none: no file held \(reference only\)/g)).toHaveLength(2)
    expect(text).toContain('Verified')
    // Cited first, in the order first cited, then the others: the letter is 1, the tiny scan 2.
    expect(text).toMatch(/1 Letter scan.*2 Tiny scan.*3 Large photo/)
    expect(text).toContain('5 items held in the case file: the 2 the memo cites come first')
  })

  it('says when the memo cites every item, or none', async () => {
    const items = [item('ev_1', 'One'), item('ev_2', 'Two')]
    expect(flat(await render(items, [para(cite('ev_1'), cite('ev_2'))]))).toContain(
      '2 items held in the case file, numbered in the order the memo first cites them',
    )
    expect(flat(await render(items, [para({ type: 'text', text: 'Nothing cited.' })]))).toContain(
      '2 items held in the case file; the memo cites none of them.',
    )
  })

  it('lists the annotations the memo cites under their item', async () => {
    const video = item('ev_video', 'Door video', { kind: 'video', file: file('door.mp4', 9_000, 'd') })
    const ann = Annotation.parse({
      id: 'ann_1',
      evidenceId: 'ev_video',
      target: { type: 'time', start: 75, end: 80 },
      text: 'Officer speaks',
      createdAt: at,
      updatedAt: at,
    })
    const body = [
      para(
        { type: 'text', text: 'At the door ' },
        { type: 'citation', attrs: { target: 'annotation', id: 'ann_1', pinpoint: '' } },
      ),
    ]
    const text = flat(await render([video], body, { annotations: [ann] }))
    expect(text).toMatch(/Annotations cited: 0?0?:?01:15/)
  })

  it('prints a cited picture under its exhibit number with its hash, scaled to the page', async () => {
    const png = await sharp({ create: { width: 1600, height: 400, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const still = item('ev_still', 'Still of the door', { kind: 'image', file: file('still.png', png.length, 'e') })
    const pages = await render([still], [para(cite('ev_still'))], { images: { ev_still: png } })
    const figureFile = last
    // The hash is in the list, and again under the figure.
    const hashes = (ps: string[]) => flat(ps).split(`SHA-256 ${sha('e')}`).length - 1
    expect(hashes(pages)).toBe(2)
    expect(flat(pages)).toMatch(/Exhibit 1\W+Still of the door/)
    // Drawn across the text width (471 pt): 1,600 pixels at 245 per inch, both ways.
    const list = execFileSync('pdfimages', ['-list', figureFile], { encoding: 'utf8' })
    const row = list.split('\n').find((l) => /\s1600\s+400\s/.test(l))!
    const [xppi, yppi] = row.trim().split(/\s+/).slice(12, 14).map(Number)
    expect(xppi).toBeGreaterThan(240)
    expect(xppi).toBeLessThan(250)
    expect(yppi).toBe(xppi)
    // A tall picture is set to the figure height (230 pt): 1,600 pixels at 501 per inch.
    const tall = await sharp({ create: { width: 400, height: 1600, channels: 3, background: '#993366' } })
      .png()
      .toBuffer()
    await render([still], [para(cite('ev_still'))], { images: { ev_still: tall } })
    const tallRow = execFileSync('pdfimages', ['-list', last], { encoding: 'utf8' })
      .split('\n')
      .find((l) => /\s400\s+1600\s/.test(l))!
    const tallPpi = Number(tallRow.trim().split(/\s+/)[13])
    expect(tallPpi).toBeGreaterThan(495)
    expect(tallPpi).toBeLessThan(507)
    // An unreadable picture costs the figure, never the memo.
    const broken = await render([still], [para(cite('ev_still'))], { images: { ev_still: Buffer.from('not a png') } })
    expect(hashes(broken)).toBe(1)
    expect(flat(broken)).toContain('Still of the door')
  })
})

describe('the timeline annex', () => {
  it('gives each event its time, precision, place, description and the exhibits it rests on, in number order', async () => {
    const items = [item('ev_x', 'First cited'), item('ev_y', 'Second cited'), item('ev_z', 'Third cited')]
    const events = [
      TimelineEvent.parse({
        id: 'e1',
        at: '2026-01-27T17:00:00.000Z',
        tz: 'America/Chicago',
        precision: 'approximate',
        title: 'Officer approaches',
        location: 'Main door',
        description: 'Seen by staff.',
        evidenceIds: ['ev_z', 'ev_x'],
      }),
      TimelineEvent.parse({
        id: 'e2',
        at: '2026-01-27T18:00:00.000Z',
        tz: 'UTC',
        title: 'Officer leaves',
        evidenceIds: ['ev_y'],
      }),
      TimelineEvent.parse({ id: 'e3', at: '2026-01-27T19:00:00.000Z', tz: 'UTC', title: 'Nothing held' }),
    ]
    const text = flat(await render(items, [para(cite('ev_x'), cite('ev_y'), cite('ev_z'))], { events }))
    expect(text).toContain('3 events in time order')
    expect(text).toContain('Main door')
    expect(text).toContain('Seen by staff.')
    expect(text).toContain('Exhibits 1, 3')
    expect(text).toContain('Exhibit 2')
    expect(text).toMatch(/27 Jan 2026, ~11:00/)
    expect(text).toMatch(/Officer approaches.*approximate|approximate.*Officer approaches/)
    expect(text).toContain('exact')
  })
})

/**
 * Where a word is, and how it is set: its box, and its darkest pixel's colour. `from`: only on its page
 * or later, and not above its row; `where`: any other condition.
 */
function locate(path: string) {
  const pages = pdfWords(path)
  const rasters = new Map<number, ReturnType<typeof pdfRaster>>()
  type Found = PdfWord & { page: number; h: number; muted: boolean; red: boolean }
  return (text: string, from?: Found, where: (w: PdfWord) => boolean = () => true): Found => {
    for (const [i, page] of pages.entries()) {
      if (from && i < from.page) continue
      const w = page.find((x) => x.t === text && where(x) && (!from || i > from.page || x.y0 > from.y0 - 2.5))
      if (!w) continue
      if (!rasters.has(i)) rasters.set(i, pdfRaster(path, i + 1, { scale: 4 }))
      const [r, g, b] = darkestIn(rasters.get(i)!, w)
      return { ...w, page: i, h: w.y1 - w.y0, muted: Math.min(r, g, b) > 60, red: r - g > 60 && r - b > 60 }
    }
    throw new Error(`"${text}" is not in the PDF`)
  }
}
const within = (w: PdfWord, x0: number, x1: number) => w.x0 >= x0 - 0.5 && w.x1 <= x1 + 0.5
const sameRow = (a: PdfWord, b: PdfWord) => Math.abs(a.y0 - b.y0) < 2.5

describe('the annexes as laid out', () => {
  it("put each exhibit's number, description, kind and verification in their columns; secondary lines smaller and muted", async () => {
    const ann = Annotation.parse({
      id: 'ann_9',
      evidenceId: 'ev_letter',
      target: { type: 'page', page: 2 },
      text: 'Signature',
      createdAt: at,
      updatedAt: at,
    })
    const items = [
      item('ev_letter', 'Letter scan', {
        file: file('letter.png', 1024, 'b'),
        sourceUrl: 'https://example.org/letter',
        sourceReliability: 'B',
        informationCredibility: '2',
        verification: verification('verified'),
      }),
      item('ev_call', 'Phone call', { capturedBy: 'Ruiz', file: undefined }),
      item('ev_big', 'Archive', { file: file('archive.png', 1024 * 1024, 'c') }),
    ]
    const body = [
      para(cite('ev_letter'), { type: 'citation', attrs: { target: 'annotation', id: 'ann_9', pinpoint: '' } }),
    ]
    const text = flat(await render(items, body, { annotations: [ann] }))
    expect(text).toContain('(image/png, 1.0 KB)')
    expect(text).toContain('(image/png, 1.0 MB)')
    const at_ = locate(last)
    const cols = {
      no: [GEOM.left, GEOM.left + 26],
      exhibit: [GEOM.left + 26, GEOM.left + 276],
      kind: [GEOM.left + 276, GEOM.left + 338],
      check: [GEOM.left + 338, GEOM.right],
    } as const

    // The annex opens a page of its own: its heading, its title, its introduction, in that order.
    const heading = at_('ANNEX', undefined, (w) => w.y0 < 90)
    const title = at_('exhibits', heading)
    expect(heading.y0).toBeLessThan(90)
    expect(title.y0).toBeGreaterThan(heading.y1)
    expect(at_('items', title).y0).toBeGreaterThan(title.y1)
    expect(heading.muted).toBe(true)

    const letter = at_('Letter', heading)
    expect(within(letter, ...cols.exhibit)).toBe(true)
    expect(letter.muted).toBe(false)
    const kind = at_('document', heading)
    expect(sameRow(kind, letter) && within(kind, ...cols.kind)).toBe(true)
    const verified = at_('Verified', heading)
    expect(sameRow(verified, letter) && within(verified, ...cols.check)).toBe(true)
    expect(verified.red || verified.muted).toBe(false)
    const unverified = at_('Unverified', heading)
    expect(within(unverified, ...cols.check) && unverified.red).toBe(true)

    // Lines under the title: smaller than it, in the muted colour (the annotations line smaller, not muted).
    for (const [word, muted] of [
      ['https://example.org/letter', true],
      ['File:', true],
      ['Grade', true],
      ['Captured', true],
      ['none:', true],
      ['Annotations', false],
    ] as const) {
      const w = at_(word, heading)
      expect(w.h, word).toBeLessThan(letter.h - 0.2)
      expect(w.muted, word).toBe(muted)
      expect(w.y0, word).toBeGreaterThan(heading.y0)
    }
    // Each annex is a bookmark of its own, and no page is left blank before one.
    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', last], { encoding: 'utf8' }))
      .outlines as { title: string }[]
    expect(outline.map((o) => o.title)).toContain('Annex A — List of exhibits')
    for (const [i, page] of pdfWords(last).entries())
      expect(
        page.some((w) => w.y0 > 60 && w.y1 < GEOM.bottom),
        `page ${i + 1} has text`,
      ).toBe(true)
    const label = at_('SHA-256', letter)
    expect(label.h).toBeLessThan(letter.h - 0.5)
    expect(label.muted).toBe(true)
  })

  it("put each event's time, precision and description in their columns, the place and exhibits muted", async () => {
    const items = [item('ev_x', 'First')]
    const events = [
      TimelineEvent.parse({
        id: 'e1',
        at: '2026-01-27T17:00:00.000Z',
        tz: 'America/Chicago',
        precision: 'approximate',
        title: 'Approach',
        location: 'Doorway',
        description: 'Witnessed.',
        evidenceIds: ['ev_x'],
      }),
      TimelineEvent.parse({ id: 'e2', at: '2026-01-27T18:00:00.000Z', tz: 'UTC', title: 'Departure' }),
    ]
    await render(items, [para(cite('ev_x'))], { events })
    const at_ = locate(last)
    const heading = at_('Timeline', undefined, (w) => w.y0 < 120)
    const approach = at_('Approach', heading)
    const departure = at_('Departure', heading)
    const precisionCol = [GEOM.left + 146, GEOM.left + 204] as const
    const approx = at_('approximate', approach)
    expect(sameRow(approx, approach) && within(approx, ...precisionCol)).toBe(true)
    const exact = at_('exact', departure)
    expect(sameRow(exact, departure) && within(exact, ...precisionCol)).toBe(true)
    expect(within(approach, GEOM.left + 204, GEOM.right)).toBe(true)
    const place = at_('Doorway', heading)
    const said = at_('Witnessed.', heading)
    const ref = at_('Exhibit', approach)
    for (const w of [place, said, ref]) {
      expect(w.y0).toBeGreaterThan(approach.y0)
      expect(w.y0).toBeLessThan(departure.y0)
      expect(w.h).toBeLessThan(approach.h - 0.2)
    }
    expect(place.muted && ref.muted).toBe(true)
    expect(said.muted).toBe(false)
    // A row holds only what its event has: the next one starts right under the last line.
    expect(departure.y0 - ref.y1).toBeLessThan(12)
  })
})

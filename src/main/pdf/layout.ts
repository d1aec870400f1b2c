/**
 * Page geometry and the flow of lines down the pages. We lay out ourselves
 * (pdfkit only draws single positioned lines) so that each line knows its page
 * before it is drawn: that is what lets a citation's footnote land at the foot
 * of the same page, and keeps headings with what follows them.
 */
import { appError } from '@shared/i18n/appError'
import type PDFKit from 'pdfkit'
import type { Content } from './content'
import type { GlyphWriter } from './glyphs'
import { linkUri } from './safety'
import type { Line } from './text'

export const PAGE = { width: 595.28, height: 841.89 } // A4
export const GEOM = {
  left: 62,
  right: PAGE.width - 62,
  top: 64,
  /** Lowest y body text or footnotes may reach; the footer and bottom banner live below. */
  bottom: PAGE.height - 72,
  get width() {
    return this.right - this.left
  },
}

export const SIZES = { body: 10, bodyLeading: 14.5, note: 7.5, noteLeading: 9.5, small: 8, smallLeading: 10.5 }
export const COLORS = {
  text: '#111111',
  muted: '#555555',
  rule: '#999999',
  link: '#1a4f8b',
  banner: '#7a0000',
  zebra: '#f2f2f2',
  quoteBar: '#b8b8b8',
}

export interface Footnote {
  n: number
  lines: Line[]
  height: number
}

const NOTE_SEPARATOR = 14 // gap + short rule above the first footnote of a page
const NOTE_GAP = 2

export interface DrawOptions {
  lineHeight: number
  x: number
  /** Called with each placed line's top, on its page (for quote rules, list markers ...). */
  onLine?: (index: number, y: number) => void
  /** Height that must follow the last line on its page (the signature after the closing paragraph). */
  keepAfter?: number
}

export class Flow {
  y = GEOM.top
  pageIndex = 0
  private pageNotes: Footnote[] = []
  private notesHeight = 0
  /** Footnotes that did not fit at the foot of their page (dozens cited in one line); they continue on the next. */
  private carry: Footnote[] = []
  /** Notes already given a page: a citation whose line wraps onto the next page must not print its note twice. */
  private readonly placed = new Set<number>()
  private currentColor = ''
  private pagesStarted = 0

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly content: Content,
    readonly glyphs: GlyphWriter,
    readonly notes: Map<number, Footnote>,
    readonly hooks: {
      drawFootnotes: (flow: Flow, notes: Footnote[], top: number) => void
    },
    private readonly signal?: AbortSignal,
  ) {
    this.startPage()
  }

  /** The lowest y text may use on this page, above the footnotes placed so far. */
  get limit(): number {
    return GEOM.bottom - (this.pageNotes.length ? this.notesHeight + NOTE_SEPARATOR : 0)
  }

  get atTop(): boolean {
    return this.y <= GEOM.top + 0.01
  }

  private startPage() {
    if (this.signal?.aborted) throw appError('CANCELLED', 'errRecords:exportCancelled')
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 })
    this.pageIndex = this.pagesStarted++
    this.y = GEOM.top
    this.pageNotes = []
    this.notesHeight = 0
    const carried = this.carry
    this.carry = []
    for (const fn of carried) this.addNote(fn, GEOM.top + 3 * SIZES.bodyLeading)
    // A new page starts with a fresh graphics state; forget the colour we think is set.
    this.currentColor = ''
  }

  /** Draws this page's footnotes and starts the next page. */
  newPage() {
    this.finishPage()
    this.startPage()
  }

  finishPage() {
    if (this.pageNotes.length)
      this.hooks.drawFootnotes(this, this.pageNotes, GEOM.bottom - this.notesHeight - NOTE_SEPARATOR)
    this.pageNotes = []
    this.notesHeight = 0
  }

  /** Ends the document's flow: the last page's footnotes, and pages for any still carried over. */
  finish() {
    this.finishPage()
    while (this.carry.length) {
      this.startPage()
      this.finishPage()
    }
  }

  /**
   * Puts a footnote at the foot of this page if it fits below `textBottom`;
   * otherwise (and for every later note, to keep their order) it waits for the
   * next page. A page with no notes yet always takes one.
   */
  private addNote(fn: Footnote, textBottom: number) {
    this.placed.add(fn.n)
    const room = GEOM.bottom - NOTE_SEPARATOR - textBottom - this.notesHeight
    if (this.carry.length || (this.pageNotes.length && fn.height + NOTE_GAP > room)) {
      this.carry.push(fn)
      return
    }
    this.pageNotes.push(fn)
    this.notesHeight += fn.height + NOTE_GAP
  }

  /** Vertical space between blocks; swallowed at the top of a page. */
  space(h: number) {
    if (!this.atTop) this.y = Math.min(this.y + h, this.limit)
  }

  /** Starts a new page unless `h` more points fit on this one. */
  ensure(h: number) {
    if (!this.atTop && this.y + h > this.limit) this.newPage()
  }

  private notesCost(notes: number[], already: Set<number>): number {
    let h = 0
    for (const n of notes) {
      if (already.has(n)) continue
      const fn = this.notes.get(n)
      if (fn) h += fn.height + NOTE_GAP
    }
    return h
  }

  /** Would lines [from, to) fit below the cursor (or on a fresh page), with their footnotes? */
  private fits(lines: Line[], from: number, to: number, lineHeight: number, fresh = false, after = 0): boolean {
    const onPage = new Set(fresh ? [] : this.pageNotes.map((n) => n.n))
    let notesH = fresh ? 0 : this.notesHeight
    let any = !fresh && this.pageNotes.length > 0
    for (let i = from; i < to; i++) {
      const cost = this.notesCost(lines[i].notes, onPage)
      if (cost) {
        notesH += cost
        any = true
        for (const n of lines[i].notes) onPage.add(n)
      }
    }
    const limit = GEOM.bottom - (any ? notesH + NOTE_SEPARATOR : 0)
    return (fresh ? GEOM.top : this.y) + (to - from) * lineHeight + after <= limit + 0.01
  }

  /**
   * Places lines with their footnotes, breaking pages as needed; never leaves
   * a paragraph's first line alone at the foot of a page nor its last alone at
   * the top. A line whose footnotes would not fit even on a fresh page stays
   * where it is and its notes continue on the next page. With `keepAfter`, the
   * last two lines (or the paragraph, when it is shorter than three) go to the
   * next page rather than leave what must follow them alone there.
   */
  drawLines(lines: Line[], opts: DrawOptions) {
    const n = lines.length
    const lh = opts.lineHeight
    const after = opts.keepAfter ?? 0
    const keepFrom = n >= 3 ? n - 2 : 0
    let onThisPage = 0
    for (let i = 0; i < n; i++) {
      if (
        after > 0 &&
        i === keepFrom &&
        (i === 0 || onThisPage >= 2) &&
        !this.atTop &&
        !this.fits(lines, i, n, lh, false, after) &&
        this.fits(lines, i, n, lh, true, after)
      ) {
        this.newPage() // keep with what follows
        onThisPage = 0
      }
      const roomForLine = this.y + lh <= this.limit + 0.01
      if (!this.fits(lines, i, i + 1, lh)) {
        if (!this.atTop && (!roomForLine || this.fits(lines, i, i + 1, lh, true))) {
          this.newPage()
          onThisPage = 0
        }
      } else if (i === 0 && n >= 2 && !this.atTop && !this.fits(lines, 0, 2, lh) && this.fits(lines, 0, 2, lh, true)) {
        this.newPage() // orphan
      } else if (
        i === n - 2 &&
        n >= 3 &&
        onThisPage >= 2 &&
        !this.fits(lines, i, n, lh) &&
        this.fits(lines, i, n, lh, true)
      ) {
        this.newPage() // widow
        onThisPage = 0
      }
      this.drawLine(lines[i], opts.x, this.y, lh)
      opts.onLine?.(i, this.y)
      this.y += lh
      for (const num of lines[i].notes) {
        const fn = this.notes.get(num)
        if (fn && !this.placed.has(num)) this.addNote(fn, this.y)
      }
      onThisPage++
    }
  }

  /** Draws one line with its top at y; the baseline sits so lines of mixed sizes align. */
  drawLine(line: Line, x: number, y: number, lineHeight: number) {
    const doc = this.doc
    const main = line.frags.find((f) => !f.run.rise) ?? line.frags[0]
    if (!main) return
    const baseline = y + (lineHeight - main.run.size * 1.16) / 2 + main.run.font.ascent * main.run.size
    for (const f of line.frags) {
      const text = f.text.replace(/ +$/, '')
      if (!text) continue
      const r = f.run
      const top = baseline - (r.rise ?? 0) - r.font.ascent * r.size
      if (r.bar) this.rect(x + f.x - 1.5, top - 1, f.width + 3, r.size * 1.25, '#000000')
      this.setColor(r.bar ? '#ffffff' : (r.color ?? COLORS.text))
      this.glyphs.text(r.font, r.size, x + f.x, baseline - (r.rise ?? 0), text)
      if (r.underline || r.href)
        this.content.line(x + f.x, baseline + 1.2, x + f.x + f.width, baseline + 1.2, 0.5, r.color ?? COLORS.text)
      if (r.strike) {
        const sy = baseline - r.size * 0.3
        this.content.line(x + f.x, sy, x + f.x + f.width, sy, 0.5, r.color ?? COLORS.text)
      }
      if (r.href) linkUri(doc, x + f.x, top, f.width, r.size * 1.2, r.href)
    }
  }

  setColor(c: string) {
    if (this.currentColor !== c) {
      this.content.fill(c)
      this.currentColor = c
    }
  }

  /** Forget the cached fill colour after drawing on another page or filling a shape. */
  resetState() {
    this.currentColor = ''
  }

  /** A filled rectangle; the fill colour changes, so the cached text colour is forgotten. */
  rect(x: number, y: number, w: number, h: number, color: string) {
    this.content.rect(x, y, w, h, color)
    this.currentColor = ''
  }

  rule(x1: number, x2: number, y: number, width = 0.6, color = COLORS.rule) {
    this.content.line(x1, y, x2, y, width, color)
  }
}

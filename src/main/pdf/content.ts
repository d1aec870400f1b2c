/**
 * Page content written as raw PDF operators, batched per page. pdfkit turns
 * every operator into its own byte array (fromBinaryString per addContent call)
 * and formats colours and numbers on each call; on a 100-page memo that was a
 * fifth of the time. We collect each page's operators as strings and hand
 * pdfkit one chunk per page just before the document ends.
 */
import { deflateSync } from 'node:zlib'
import type PDFKit from 'pdfkit'

interface PageInternals {
  content: { compress: boolean; data: Record<string, unknown>; write(chunk: Uint8Array | string): unknown }
}
interface DocInternals {
  page: PageInternals
  addContent(data: string): unknown
}

/** Coordinates to 0.01 pt: finer than any printer, and shorter content streams. */
export const num = (n: number) => String(Math.round(n * 100) / 100)

const colorOps = new Map<string, [string, string]>()
/** "#rrggbb" as fill and stroke operators. */
function colorOp(hex: string): [string, string] {
  let ops = colorOps.get(hex)
  if (!ops) {
    const v = parseInt(hex.slice(1), 16)
    const rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => num(c / 255)).join(' ')
    ops = [`${rgb} rg`, `${rgb} RG`]
    colorOps.set(hex, ops)
  }
  return ops
}

export class Content {
  private readonly pending = new Map<PageInternals, string[]>()
  private readonly d: DocInternals
  /** The page whose text object (BT) is open, and the font last selected in it. */
  private textPage: PageInternals | null = null
  private textFont = ''
  /** Where the current text line starts, in hundredths of a point (integers: no drift over a page). */
  private lineX = 0
  private lineY = 0

  constructor(doc: PDFKit.PDFDocument) {
    this.d = doc as unknown as DocInternals
    // Everything pdfkit itself writes (the page's initial transform, opacity states) joins the same batch, in order.
    this.d.addContent = (data: string) => {
      this.write(data)
      return this.d
    }
  }

  private list(page: PageInternals): string[] {
    let list = this.pending.get(page)
    if (!list) this.pending.set(page, (list = []))
    return list
  }

  private closeText() {
    if (this.textPage) this.list(this.textPage).push('ET')
    this.textPage = null
  }

  /** Any non-text operator: closes an open text object first (paths are not allowed inside BT). */
  write(op: string) {
    this.closeText()
    this.list(this.d.page).push(op)
  }

  /**
   * Shows a TJ array with its baseline start at (x, y), top-down page space.
   * Consecutive calls share one BT/ET, select the font only when it changes and
   * move with relative Td (the same "0 -14.5 Td" line after line compresses to
   * almost nothing): together a third of the compressed content.
   */
  text(font: string, x: number, y: number, tj: string) {
    const page = this.d.page
    const list = this.list(page)
    const X = Math.round(x * 100)
    const Y = Math.round(y * 100)
    if (this.textPage !== page) {
      this.closeText()
      list.push('BT')
      this.textPage = page
      this.textFont = ''
      // The page's CTM is flipped (pdfkit draws top-down); the text matrix flips back so glyphs stand upright.
      list.push(`1 0 0 -1 ${X / 100} ${Y / 100} Tm`)
    } else {
      list.push(`${(X - this.lineX) / 100} ${(this.lineY - Y) / 100} Td`)
    }
    this.lineX = X
    this.lineY = Y
    if (this.textFont !== font) {
      list.push(font)
      this.textFont = font
    }
    list.push(`[${tj}] TJ`)
  }

  /**
   * Runs `fn` with its drawing collected apart, as if on `stand` (an object
   * with the page's resource maps), and returns the operators: the content of
   * a form XObject.
   */
  capture(stand: object, fn: () => void): string {
    this.closeText()
    const real = this.d.page
    this.d.page = stand as PageInternals
    try {
      fn()
      this.closeText()
    } finally {
      this.d.page = real
    }
    const ops = this.pending.get(stand as PageInternals) ?? []
    this.pending.delete(stand as PageInternals)
    return ops.join('\n')
  }

  /** Colour changes are allowed inside a text object, so they do not close it. */
  private inText(op: string) {
    this.list(this.d.page).push(op)
  }

  fill(hex: string) {
    if (this.textPage === this.d.page) this.inText(colorOp(hex)[0])
    else this.write(colorOp(hex)[0])
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, hex: string) {
    this.write(`${colorOp(hex)[1]} ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`)
  }

  rect(x: number, y: number, w: number, h: number, hex: string) {
    this.write(`${colorOp(hex)[0]} ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`)
  }

  /**
   * Hands every page its operators as one deflated chunk; call once, before
   * doc.end(). Deflating here (native latin1 conversion, our choice of level)
   * instead of in pdfkit skips its per-character string-to-bytes loop.
   */
  flush(level = 6) {
    this.closeText()
    for (const [page, ops] of this.pending) {
      const bytes = Buffer.from(ops.join('\n'), 'latin1')
      page.content.compress = false
      page.content.data.Filter = 'FlateDecode'
      page.content.write(deflateSync(bytes, { level }))
    }
    this.pending.clear()
  }
}

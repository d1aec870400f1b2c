/**
 * Text drawing without pdfkit's text(). Profiling a 100-page memo showed most
 * time in pdfkit's per-call text path: it re-splits and re-measures every
 * string, concatenates glyph arrays (lots of garbage), and wraps each fragment
 * in save/transform/restore. We already know each fragment's position and
 * width, so we shape each distinct word once per process (fontkit), map its
 * glyphs into the document's font subset once per document, and write the
 * text operators straight into the page content.
 *
 * This uses pdfkit's EmbeddedFont internals (subset, widths, unicode, ref):
 * pdfkit is pinned to an exact version; `attachFonts` checks the shape and
 * fails loudly if an upgrade changes it.
 */
import type PDFKit from 'pdfkit'
import { num, type Content } from './content'
import type { FontKey, LoadedFont } from './fonts'

/** One word shaped by fontkit (kerning and ligatures applied), in font units. */
export interface Shaped {
  gids: number[]
  /** Advance of each glyph after kerning. */
  advances: number[]
  /** The glyph's own advance (what the PDF viewer assumes without adjustment). */
  natural: number[]
  codePoints: number[][]
  /** Sum of the advances, per 1 pt of font size. */
  width: number
}

interface FontkitRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]
  positions: { xAdvance: number }[]
}

export function shape(f: LoadedFont, text: string): Shaped {
  let s = f.shaped.get(text)
  if (!s) {
    const run = f.font.layout(text) as unknown as FontkitRun
    const gids: number[] = []
    const advances: number[] = []
    const natural: number[] = []
    const codePoints: number[][] = []
    let total = 0
    for (let i = 0; i < run.glyphs.length; i++) {
      const g = run.glyphs[i]
      gids.push(g.id)
      natural.push(g.advanceWidth)
      advances.push(run.positions[i].xAdvance)
      codePoints.push(g.codePoints)
      total += run.positions[i].xAdvance
    }
    s = { gids, advances, natural, codePoints, width: total / f.font.unitsPerEm }
    // Bound the cache: a memo with a huge unique vocabulary must not grow memory without end.
    if (f.shaped.size > 100_000) f.shaped.clear()
    f.shaped.set(text, s)
  }
  return s
}

interface EmbeddedInternals {
  id: string
  scale: number
  subset: { includeGlyph(gid: number): number }
  widths: number[]
  unicode: number[][]
  ref(): unknown
}

interface DocInternals {
  _font: EmbeddedInternals
  page: { fonts: Record<string, unknown> }
}

/** The document's side of one font: its subset and the words already encoded for it. */
class DocFont {
  private readonly words = new Map<string, string>()
  private readonly gidMap = new Map<number, number>()

  constructor(
    readonly emb: EmbeddedInternals,
    readonly font: LoadedFont,
  ) {}

  /**
   * A word's glyphs as the inside of a PDF literal string: two bytes per glyph
   * (Identity-H), kerning as ") -21.97 (" between glyphs. Binary rather than hex
   * strings: 7% smaller compressed. Subset glyph ids stay far below 0x2000, so the
   * high byte is 0x00-0x1F and no run of printable bytes (a "/JS") can form.
   */
  encode(word: string): string {
    let out = this.words.get(word)
    if (out !== undefined) return out
    const s = shape(this.font, word)
    const { emb } = this
    out = ''
    for (let i = 0; i < s.gids.length; i++) {
      let sub = this.gidMap.get(s.gids[i])
      if (sub === undefined) {
        sub = emb.subset.includeGlyph(s.gids[i])
        this.gidMap.set(s.gids[i], sub)
        if (emb.widths[sub] == null) emb.widths[sub] = s.natural[i] * emb.scale
        if (emb.unicode[sub] == null) emb.unicode[sub] = s.codePoints[i]
      }
      out += byteChar(sub >> 8) + byteChar(sub & 0xff)
      const kern = s.advances[i] - s.natural[i]
      if (kern !== 0 && i < s.gids.length - 1) out += `) ${num(-kern * emb.scale)} (`
    }
    this.words.set(word, out)
    return out
  }
}

/** One byte of a literal string; the delimiters, the escape and line ends escaped (a bare CR would read as LF). */
function byteChar(b: number): string {
  switch (b) {
    case 0x28:
      return '\\('
    case 0x29:
      return '\\)'
    case 0x5c:
      return '\\\\'
    case 0x0d:
      return '\\r'
    case 0x0a:
      return '\\n'
    default:
      return String.fromCharCode(b)
  }
}

export class GlyphWriter {
  private readonly byFont = new Map<LoadedFont, DocFont>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly content: Content,
    fonts: Record<FontKey, LoadedFont>,
    fontNames: Record<FontKey, string>,
  ) {
    const d = doc as unknown as DocInternals
    for (const key of Object.keys(fonts) as FontKey[]) {
      doc.font(fontNames[key])
      const emb = d._font
      if (
        !emb?.subset?.includeGlyph ||
        !Array.isArray(emb.widths) ||
        !Array.isArray(emb.unicode) ||
        typeof emb.ref !== 'function'
      ) {
        throw new Error('pdfkit internals changed: the PDF exporter needs EmbeddedFont.subset/widths/unicode/ref')
      }
      this.byFont.set(fonts[key], new DocFont(emb, fonts[key]))
    }
  }

  /** Draws `text` with its baseline at (x, baseline) in pdfkit's top-down page space. */
  text(font: LoadedFont, size: number, x: number, baseline: number, text: string) {
    const f = this.byFont.get(font)!
    const d = this.doc as unknown as DocInternals
    if (d.page.fonts[f.emb.id] == null) d.page.fonts[f.emb.id] = f.emb.ref()
    let tj = ''
    for (const tok of text.split(/( +)/)) if (tok) tj += f.encode(tok)
    this.content.text(`/${f.emb.id} ${num(size)} Tf`, x, baseline, `(${tj})`)
  }
}

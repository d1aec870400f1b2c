/** What every part of the memo renderer shares while one document is drawn. */
import type PDFKit from 'pdfkit'
import type { CitationAttrs, Language } from '@shared/domain'
import { translator, type Translate } from '@shared/i18n'
import { footnoteText, type CitationContext, type Exhibits } from '@main/memo/citations'
import type { AnnexLetters } from '@main/memo/parts'
import type { ReleaseRules } from '@main/memo/release'
import type { FontKey, LoadedFont } from './fonts'
import { Content } from './content'
import { GlyphWriter } from './glyphs'
import { COLORS, Flow, GEOM, SIZES, type Footnote } from './layout'
import { clean, single, wrap, type Run } from './text'

/** Footnote text starts this far in; the number sits right-aligned before it. */
const NOTE_INDENT = 18

export interface Section {
  /** 1 = section or annex, 2 = subsection, 3 = deeper (outline only). */
  depth: number
  label: string
  dest: string
  /** Listed in the contents (sections down to 1.1 and annexes); deeper ones only in the outline. */
  toc: boolean
  page: number
  y: number
}

export type { AnnexLetters } from '@main/memo/parts'

export class RenderContext {
  readonly notes = new Map<number, Footnote>()
  readonly sections: Section[] = []
  private nextNote = 1
  readonly flow: Flow
  readonly content: Content
  /** The memo's fixed words in its language. */
  readonly t: Translate<'memo'>

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: Record<FontKey, LoadedFont>,
    fontNames: Record<FontKey, string>,
    readonly cites: CitationContext,
    readonly exhibits: Exhibits,
    readonly annexes: AnnexLetters,
    readonly lang: Language,
    signal?: AbortSignal,
    /** A release copy: case text goes through these rules before it is drawn. */
    readonly release?: ReleaseRules,
  ) {
    this.t = translator(lang, 'memo')
    this.content = new Content(doc)
    this.flow = new Flow(
      doc,
      this.content,
      new GlyphWriter(doc, this.content, fonts, fontNames),
      this.notes,
      { drawFootnotes: (flow, notes, top) => this.drawFootnotes(notes, top) },
      signal,
    )
  }

  /** A run of plain text in one face, cleaned for drawing: for the memo's own words. */
  run(text: string, key: FontKey, size: number, extra: Partial<Run> = {}): Run {
    const font = this.fonts[key]
    return { text: clean(text, font), font, size, ...extra }
  }

  /**
   * Case text (titles, names, sources, descriptions) as runs: in a release copy
   * each withheld string becomes a labelled bar and never reaches the file.
   */
  runs(text: string, key: FontKey, size: number, extra: Partial<Run> = {}): Run[] {
    if (!this.release) return [this.run(text, key, size, extra)]
    return this.release
      .split(text)
      .map((p) => (p.withheld === undefined ? this.run(p.text, key, size, extra) : this.bar(p.text, size, extra)))
  }

  /** The label that stands where withheld text stood, white on a black bar. */
  bar(label: string, size: number, extra: Partial<Run> = {}): Run {
    return this.run(label, 'bold', size, { ...extra, href: undefined, underline: false, strike: false, bar: true })
  }

  /** Registers a citation's footnote and returns the superscript run that marks it. */
  cite(attrs: CitationAttrs, bodySize: number): Run {
    const n = this.nextNote++
    const text = footnoteText(attrs, this.cites, this.exhibits, this.t, this.lang, this.annexes)
    const lines = wrap(this.runs(text, 'regular', SIZES.note), GEOM.width - NOTE_INDENT)
    this.notes.set(n, { n, lines, height: lines.length * SIZES.noteLeading })
    return this.run(String(n), 'regular', bodySize * 0.62, { rise: bodySize * 0.38, notes: [n], color: COLORS.text })
  }

  /** The comma between two adjacent note markers, raised like them. */
  noteSeparator(bodySize: number): Run {
    return this.run(',', 'regular', bodySize * 0.62, { rise: bodySize * 0.38, color: COLORS.text })
  }

  /** Records a section for the contents, the outline and a named destination at the cursor. */
  mark(depth: number, label: string, toc = depth <= 2) {
    const dest = `s${this.sections.length + 1}`
    const { flow } = this
    this.doc.addNamedDestination(dest, 'XYZ', 0, Math.max(flow.y - 6, 0), null)
    this.sections.push({ depth, label, dest, toc, page: flow.pageIndex, y: flow.y })
  }

  private drawFootnotes(notes: Footnote[], top: number) {
    const { flow } = this
    flow.rule(GEOM.left, GEOM.left + 130, top + 7, 0.5, COLORS.rule)
    let y = top + 14
    for (const fn of notes) {
      // Numbers right-aligned in their column, so note 100 lines up with note 9.
      const num = single(this.run(`${fn.n}`, 'regular', SIZES.note))
      flow.drawLine(num, GEOM.left + NOTE_INDENT - 4 - num.width, y, SIZES.noteLeading)
      for (const line of fn.lines) {
        flow.drawLine(line, GEOM.left + NOTE_INDENT, y, SIZES.noteLeading)
        y += SIZES.noteLeading
      }
      y += 2
    }
  }
}

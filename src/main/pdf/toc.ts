/**
 * The table of contents. Its size depends only on the entries (known before the
 * body is drawn), not on the page numbers, so we reserve its lines first and
 * fill in numbers, dot leaders and links once every section has its page.
 */
import type { RenderContext, Section } from './context'
import { COLORS, GEOM } from './layout'
import { measure } from './fonts'
import { single, wrap, type Line } from './text'

export interface TocEntry {
  depth: number
  label: string
}

interface Reserved {
  entry: number
  lines: Line[]
  page: number
  y: number
}

const NUMBER_COLUMN = 34
const LEADING = 13.5

export function reserveToc(r: RenderContext, entries: TocEntry[]): Reserved[] {
  const { flow } = r
  flow.ensure(60)
  r.mark(1, r.t('contentsTitle'), false)
  const title = r.run(r.t('contentsTitle'), 'bold', 11)
  flow.drawLine(single(title), GEOM.left, flow.y, 16)
  flow.y += 20
  const out: Reserved[] = []
  entries.forEach((e, i) => {
    const indent = (e.depth - 1) * 16
    const lines = wrap(r.runs(e.label, e.depth === 1 ? 'bold' : 'regular', 9), GEOM.width - indent - NUMBER_COLUMN)
    flow.ensure(lines.length * LEADING)
    out.push({ entry: i, lines, page: flow.pageIndex, y: flow.y })
    flow.y += lines.length * LEADING + (e.depth === 1 ? 2 : 0)
  })
  flow.y += 6
  flow.rule(GEOM.left, GEOM.right, flow.y, 0.5)
  flow.y += 14
  return out
}

/** Draws the reserved entries now that the sections (marked in the same order as the entries) carry their pages. */
export function fillToc(r: RenderContext, reserved: Reserved[]) {
  const { doc, flow } = r
  const sections: Section[] = r.sections.filter((s) => s.toc)
  const dotW = measure(r.fonts.regular, '. ', 9)
  for (const res of reserved) {
    const s = sections[res.entry]
    if (!s) continue
    doc.switchToPage(res.page)
    flow.resetState()
    const indent = (s.depth - 1) * 16
    const x = GEOM.left + indent
    res.lines.forEach((line, i) => flow.drawLine(line, x, res.y + i * LEADING, LEADING))
    const lastY = res.y + (res.lines.length - 1) * LEADING
    const last = res.lines[res.lines.length - 1]
    const num = r.run(String(s.page + 1), s.depth === 1 ? 'bold' : 'regular', 9)
    const numLine = single(num)
    const numX = GEOM.right - numLine.width
    const from = x + last.width + 6
    const count = Math.max(0, Math.floor((numX - 6 - from) / dotW))
    if (count > 0) {
      const leaders = r.run('. '.repeat(count).trim(), 'regular', 9, { color: COLORS.rule })
      flow.drawLine(single(leaders), numX - 6 - count * dotW + dotW * 0.5, lastY, LEADING)
    }
    flow.drawLine(numLine, numX, lastY, LEADING)
    // The destination sits in the link itself: no separate GoTo action object per entry.
    ;(doc as unknown as { annotate(x: number, y: number, w: number, h: number, o: object): void }).annotate(
      x,
      res.y,
      GEOM.right - x,
      res.lines.length * LEADING,
      { Subtype: 'Link', Dest: s.dest },
    )
  }
}

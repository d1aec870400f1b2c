/**
 * What every page carries, drawn once all pages exist (bufferPages): the
 * classification banner top and bottom, "Page N of M", the reference line and
 * the optional DRAFT watermark. Then the outline (bookmarks).
 */
import type { RenderContext } from './context'
import { COLORS, GEOM, PAGE } from './layout'
import { pdfText } from './safety'
import { clampLines, single, wrap } from './text'

export interface Furniture {
  classification: string
  footerLeft: string
  draft: boolean
}

function centered(r: RenderContext, text: string, y: number) {
  const line = clampLines(wrap([r.run(text, 'bold', 9, { color: COLORS.banner })], GEOM.width), 1, GEOM.width)[0]
  r.flow.drawLine(line, (PAGE.width - line.width) / 2, y, 12)
}

export function drawFurniture(r: RenderContext, f: Furniture, onPage: (i: number, total: number) => void) {
  const { doc, flow } = r
  const range = doc.bufferedPageRange()
  const total = range.count
  const marking = f.classification.toUpperCase()
  const left = clampLines(
    wrap([r.run(f.footerLeft, 'regular', 7.5, { color: COLORS.muted })], GEOM.width - 90),
    1,
    GEOM.width - 90,
  )[0]
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i)
    flow.resetState()
    if (f.draft) watermark(r)
    centered(r, marking, 26)
    flow.rule(GEOM.left, GEOM.right, 44, 0.4, COLORS.rule)
    flow.rule(GEOM.left, GEOM.right, PAGE.height - 60, 0.4, COLORS.rule)
    flow.drawLine(left, GEOM.left, PAGE.height - 56, 10)
    const page = single(r.run(`Page ${i + 1} of ${total}`, 'regular', 7.5, { color: COLORS.text }))
    flow.drawLine(page, GEOM.right - page.width, PAGE.height - 56, 10)
    centered(r, marking, PAGE.height - 38)
    onPage(i, total)
  }
}

function watermark(r: RenderContext) {
  const { doc, flow } = r
  const run = r.run('DRAFT', 'bold', 130, { color: '#9a9a9a' })
  const line = single(run)
  doc.save()
  doc.rotate(-52, { origin: [PAGE.width / 2, PAGE.height / 2] })
  doc.fillOpacity(0.13)
  flow.drawLine(line, (PAGE.width - line.width) / 2, PAGE.height / 2 - 75, 150)
  doc.restore()
  flow.resetState()
}

/** Bookmarks for sections and annexes, nested by depth, each landing at its heading. */
export function buildOutline(r: RenderContext) {
  const { doc } = r
  const root = doc.outline
  const stack: { depth: number; item: typeof root }[] = []
  const kids = (doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data
    .Kids
  for (const s of r.sections) {
    while (stack.length && stack[stack.length - 1].depth >= s.depth) stack.pop()
    const parent = stack.length ? stack[stack.length - 1].item : root
    const item = parent.addItem(s.label, { pageNumber: s.page } as never)
    const data = (item as unknown as { outlineData: Record<string, unknown> }).outlineData
    const title = pdfText(s.label, 300)
    data.Title = typeof title === 'string' ? new String(title) : title
    data.Dest = [kids[s.page], 'XYZ', null, PAGE.height - Math.max(s.y - 6, 0), null]
    stack.push({ depth: s.depth, item })
  }
}

/**
 * What every page carries, drawn once all pages exist (bufferPages): the
 * classification banner top and bottom, "Page N of M", the reference line and
 * the optional DRAFT watermark. Then the outline (bookmarks).
 */
import type { RenderContext } from './context'
import { measure } from './fonts'
import { COLORS, GEOM, PAGE } from './layout'
import { pdfText } from './safety'
import { clampLines, single, wrap } from './text'

export interface Furniture {
  classification: string
  footerLeft: string
  draft: boolean
}

/** The marking centred on one line; a long one is set smaller (down to 6 pt), then cut with an ellipsis. */
function centered(r: RenderContext, text: string, y: number) {
  const font = r.fonts.bold
  const size = Math.max(6, Math.min(9, (9 * GEOM.width) / Math.max(measure(font, text, 9), 1)))
  let shown = text
  while (shown.length > 1 && measure(font, shown, size) > GEOM.width) shown = `${shown.slice(0, -2)}…`
  const line = single(r.run(shown, 'bold', size, { color: COLORS.banner }))
  r.flow.drawLine(line, (PAGE.width - line.width) / 2, y, 12)
}

/**
 * Draws the furniture. What is the same on every page (banners, rules, the
 * reference line, the watermark) is drawn once into a form XObject that each
 * page invokes: on a 100-page memo that is 10 KB less than repeating it.
 */
export function drawFurniture(r: RenderContext, f: Furniture) {
  const { doc, flow } = r
  const range = doc.bufferedPageRange()
  const total = range.count
  const form = staticForm(r, f)
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i)
    flow.resetState()
    ;(doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects[FORM_NAME] = form
    r.content.write(`/${FORM_NAME} Do`)
    const page = single(r.run(r.t('pageOf', { page: i + 1, pages: total }), 'regular', 7.5, { color: COLORS.text }))
    flow.drawLine(page, GEOM.right - page.width, PAGE.height - 56, 10)
  }
}

const FORM_NAME = 'CfFurniture'

function staticForm(r: RenderContext, f: Furniture): unknown {
  const { doc, flow } = r
  // A stand-in page collects the fonts and opacity states the form uses, for its own resources.
  const resources = { fonts: {} as Record<string, unknown>, ext_gstates: {} as Record<string, unknown> }
  const marking = f.classification.toUpperCase()
  const ops = r.content.capture(resources, () => {
    flow.resetState()
    if (f.draft) watermark(r)
    centered(r, marking, 26)
    flow.rule(GEOM.left, GEOM.right, 44, 0.4, COLORS.rule)
    flow.rule(GEOM.left, GEOM.right, PAGE.height - 60, 0.4, COLORS.rule)
    const width = GEOM.width - 90
    const left = clampLines(wrap(r.runs(f.footerLeft, 'regular', 7.5, { color: COLORS.muted }), width), 1, width)[0]
    flow.drawLine(left, GEOM.left, PAGE.height - 56, 10)
    centered(r, marking, PAGE.height - 38)
  })
  flow.resetState()
  const form = (doc as unknown as { ref(d: object): { end(chunk: string): void } }).ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, PAGE.width, PAGE.height],
    Resources: { Font: resources.fonts, ExtGState: resources.ext_gstates },
  })
  form.end(ops)
  return form
}

function watermark(r: RenderContext) {
  const { doc, flow } = r
  const word = r.t('watermark')
  // A longer word (BORRADOR) is set smaller so it still fits across the page.
  const line = single(r.run(word, 'bold', Math.min(130, 600 / Math.max(word.length, 1)), { color: '#9a9a9a' }))
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
    const title = pdfText(r.release ? r.release.scrub(s.label) : s.label, 300)
    data.Title = typeof title === 'string' ? new String(title) : title
    data.Dest = [kids[s.page], 'XYZ', null, PAGE.height - Math.max(s.y - 6, 0), null]
    stack.push({ depth: s.depth, item })
  }
}

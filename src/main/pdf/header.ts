/**
 * The memo's opening (letterhead, title and number, the TO / FROM / CC / DATE /
 * SUBJECT / REF block) and its close (the signature block, then who drafted and
 * cleared it).
 */
import type { Case, MemoHeader } from '@shared/domain'
import type { Letterhead } from '@main/memo/input'
import { headerRows } from '@main/memo/parts'
import type { RenderContext } from './context'
import { COLORS, GEOM, PAGE } from './layout'
import { single, wrap } from './text'

const LABEL_WIDTH = 74
const LOGO_SIZE = 46

function renderLetterhead(r: RenderContext, head: Letterhead) {
  const { flow, doc } = r
  const lines = head.lines.filter((l) => l.trim())
  if (!lines.length && !head.logo) return
  const top = flow.y
  if (head.logo) {
    try {
      doc.image(head.logo, (PAGE.width - LOGO_SIZE) / 2, top, { fit: [LOGO_SIZE, LOGO_SIZE], align: 'center' })
      flow.resetState()
      flow.y += LOGO_SIZE + 6
    } catch {
      // An image pdfkit cannot read (damaged, or not PNG/JPEG) costs the logo, never the memo.
    }
  }
  lines.forEach((text, i) => {
    // The first line (the state) largest, the office smallest.
    const size = i === 0 ? 11 : i === 1 ? 10 : 9
    for (const line of wrap([r.run(text.toUpperCase(), i < 2 ? 'bold' : 'regular', size)], GEOM.width)) {
      flow.drawLine(line, (PAGE.width - line.width) / 2, flow.y, size + 4)
      flow.y += size + 4
    }
  })
  flow.y += 8
  flow.rule(GEOM.left + GEOM.width / 3, GEOM.right - GEOM.width / 3, flow.y, 0.6, COLORS.rule)
  flow.y += 14
}

export function renderHeader(r: RenderContext, header: MemoHeader, kase: Case, draft: boolean, head: Letterhead) {
  const { flow, t } = r
  renderLetterhead(r, head)
  const title = r.run(t('memorandum'), 'bold', 17)
  flow.drawLine(single(title), GEOM.left, flow.y, 22)
  // The number where a registry clerk looks for it: top right, under the title's baseline.
  const number = header.number.trim()
    ? r.run(t('number', { number: header.number.trim() }), 'bold', 10)
    : draft
      ? r.run(t('draftTag'), 'bold', 8, { color: COLORS.banner })
      : null
  if (number) {
    const line = single(number)
    flow.drawLine(line, GEOM.right - line.width, flow.y + 6, 12)
  }
  flow.y += 26
  flow.rule(GEOM.left, GEOM.right, flow.y, 1.6, COLORS.text)
  flow.y += 10

  const rows = headerRows(header, kase, t)
  for (const [label, value, strong] of rows) {
    const lines = wrap(r.runs(value || '—', strong ? 'bold' : 'regular', 10), GEOM.width - LABEL_WIDTH)
    const lab = r.run(label, 'bold', 9, { color: COLORS.muted })
    flow.ensure(lines.length * 14)
    flow.drawLine(single(lab), GEOM.left, flow.y, 14)
    flow.drawLines(lines, { x: GEOM.left + LABEL_WIDTH, lineHeight: 14 })
    flow.y += 3
  }
  flow.y += 4
  flow.rule(GEOM.left, GEOM.right, flow.y, 0.8, COLORS.text)
  flow.y += 16
}

/** Space between the body and the signature block. */
const SIGNATURE_SPACE = 18

/**
 * The signature block and the drafting and clearance lines, laid out: their height (the space above
 * included), so the body can keep its closing lines with them, and how to draw them, kept together on
 * one page, at the cursor. Null when the memo has no signatory, drafter or clearance.
 */
export function layoutSignature(r: RenderContext, header: MemoHeader): { height: number; draw: () => void } | null {
  const { flow, t } = r
  const name = header.signatoryName.trim()
  const title = header.signatoryTitle.trim()
  const credits = [
    header.drafter.trim() && t('drafted', { names: header.drafter.trim() }),
    header.clearance.trim() && t('cleared', { names: header.clearance.trim() }),
  ].filter(Boolean) as string[]
  if (!name && !title && !credits.length) return null
  const x = GEOM.left + GEOM.width / 2
  const width = GEOM.width / 2
  const nameLines = name ? wrap(r.runs(name, 'bold', 10), width) : []
  const titleLines = title ? wrap(r.runs(title, 'regular', 9.5), width) : []
  const creditLines = credits.flatMap((c) => wrap(r.runs(c, 'regular', 8, { color: COLORS.muted }), GEOM.width))
  const block = name || title ? 44 + (nameLines.length + titleLines.length) * 14 : 0
  const height = block + creditLines.length * 11 + 10
  const draw = () => {
    flow.space(SIGNATURE_SPACE)
    flow.ensure(height)
    if (name || title) {
      // Room to sign above the line.
      flow.y += 30
      flow.rule(x, x + Math.min(width, 200), flow.y, 0.6, COLORS.text)
      flow.y += 6
      flow.drawLines(nameLines, { x, lineHeight: 14 })
      flow.drawLines(titleLines, { x, lineHeight: 14 })
      flow.y += 8
    }
    if (creditLines.length) {
      flow.y += 6
      flow.drawLines(creditLines, { x: GEOM.left, lineHeight: 11 })
    }
  }
  return { height: SIGNATURE_SPACE + height, draw }
}

/** The memo's opening: title line and the TO / FROM / DATE / SUBJECT / REF block. */
import type { Case, MemoHeader } from '@shared/domain'
import type { RenderContext } from './context'
import { COLORS, GEOM } from './layout'
import { single, wrap } from './text'

const LABEL_WIDTH = 74

export function renderHeader(r: RenderContext, header: MemoHeader, kase: Case, draft: boolean) {
  const { flow } = r
  const title = r.run('MEMORANDUM', 'bold', 17)
  flow.drawLine(single(title), GEOM.left, flow.y, 22)
  if (draft) {
    const tag = r.run('DRAFT — NOT FOR DISTRIBUTION', 'bold', 8, { color: COLORS.banner })
    const line = single(tag)
    flow.drawLine(line, GEOM.right - line.width, flow.y + 6, 10)
  }
  flow.y += 26
  flow.rule(GEOM.left, GEOM.right, flow.y, 1.6, COLORS.text)
  flow.y += 10

  const rows: [string, string, boolean][] = [
    ['TO:', header.to, false],
    ['FROM:', header.from, false],
    ['DATE:', header.date, false],
    ['SUBJECT:', header.subject || kase.title, true],
    ['REF:', header.reference || kase.reference, false],
  ]
  for (const [label, value, strong] of rows) {
    const lines = wrap([r.run(value || '—', strong ? 'bold' : 'regular', 10)], GEOM.width - LABEL_WIDTH)
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

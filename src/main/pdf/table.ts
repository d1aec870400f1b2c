/**
 * A plain ruled table whose header row repeats on every page it spans. Cells are
 * capped in lines so one row can never be taller than a page (a 4,000-character
 * URL ends in "…" here; the full value is in the case file).
 */
import type { RenderContext } from './context'
import { COLORS, GEOM } from './layout'
import { clampLines, wrap, type Line, type Run } from './text'

export interface Column {
  title: string
  width: number
}

/** A cell is a list of paragraphs, each a list of runs. */
export type Cell = Run[][]

/** A row: one cell per column, and optionally a line spanning all but the first column below them. */
export interface Row {
  cells: Cell[]
  span?: Cell
}

interface LaidRow {
  lines: Line[][]
  span: Line[]
  height: number
}

export interface TableOptions {
  size: number
  leading: number
  maxLines: number
  /** Called between rows so long tables can report progress and be cancelled. */
  onRow?: (i: number) => void
}

const PAD_X = 4
const PAD_Y = 3.5

const cellLines = (cell: Cell, w: number, max: number) =>
  clampLines(
    cell.flatMap((para) => wrap(para, w)),
    max,
    w,
  )

function layoutRow(row: Row, cols: Column[], opts: TableOptions): LaidRow {
  const lines = row.cells.map((cell, i) => cellLines(cell, cols[i].width - 2 * PAD_X, opts.maxLines))
  const spanWidth = GEOM.width - cols[0].width - 2 * PAD_X
  const span = row.span ? cellLines(row.span, spanWidth, 4) : []
  const height =
    Math.max(...lines.map((l) => l.length)) * opts.leading +
    2 * PAD_Y +
    (span.length ? span.length * opts.leading + 2 : 0)
  return { lines, span, height }
}

function drawRow(r: RenderContext, row: LaidRow, cols: Column[], opts: TableOptions, fill?: string) {
  const { flow } = r
  const top = flow.y
  if (fill) flow.rect(GEOM.left, top, GEOM.width, row.height, fill)
  let x = GEOM.left
  row.lines.forEach((lines, i) => {
    lines.forEach((line, li) => flow.drawLine(line, x + PAD_X, top + PAD_Y + li * opts.leading, opts.leading))
    x += cols[i].width
  })
  const spanTop = top + row.height - PAD_Y - row.span.length * opts.leading
  row.span.forEach((line, li) =>
    flow.drawLine(line, GEOM.left + cols[0].width + PAD_X, spanTop + li * opts.leading, opts.leading),
  )
  flow.y = top + row.height
}

export function drawTable(r: RenderContext, cols: Column[], rows: Row[], opts: TableOptions) {
  const { flow } = r
  const header = layoutRow(
    { cells: cols.map((c) => [[r.run(c.title, 'bold', opts.size - 0.5, { color: '#ffffff' })]]) },
    cols,
    {
      ...opts,
      maxLines: 3,
    },
  )
  const drawHeader = () => {
    drawRow(r, header, cols, opts, '#3a3a3a')
  }
  const first = rows[0] ? layoutRow(rows[0], cols, opts) : null
  flow.ensure(header.height + (first?.height ?? 0))
  drawHeader()
  rows.forEach((cells, i) => {
    const row = i === 0 && first ? first : layoutRow(cells, cols, opts)
    if (flow.y + row.height > flow.limit) {
      flow.newPage()
      drawHeader()
    }
    drawRow(r, row, cols, opts, i % 2 === 1 ? COLORS.zebra : undefined)
    flow.rule(GEOM.left, GEOM.right, flow.y, 0.3, '#c8c8c8')
    opts.onRow?.(i)
  })
  flow.rule(GEOM.left, GEOM.right, flow.y, 0.8, COLORS.text)
}

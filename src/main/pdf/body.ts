/** The briefing body: numbered sections, paragraphs, lists, quotes, with citation marks. */
import type { FontKey } from './fonts'
import { COLORS, GEOM, SIZES } from './layout'
import type { Block, Inline } from '@main/memo/model'
import { redactionLabel } from '@main/memo/release'
import type { RenderContext } from './context'
import { single, wrap, type Run } from './text'
import { safeHref } from './safety'

interface Env {
  x: number
  width: number
  /** x positions of quote bars to draw beside every line. */
  bars: number[]
  listDepth: number
  color?: string
}

const HEADING = [
  { size: 12, before: 16, after: 6, font: 'bold' as FontKey },
  { size: 10.5, before: 11, after: 4, font: 'bold' as FontKey },
  { size: 10, before: 8, after: 3, font: 'boldItalic' as FontKey },
]

function faceOf(i: Extract<Inline, { kind: 'text' }>): FontKey {
  if (i.mono) return 'mono'
  if (i.bold && i.italic) return 'boldItalic'
  if (i.bold) return 'bold'
  if (i.italic) return 'italic'
  return 'regular'
}

export function inlineRuns(r: RenderContext, inline: Inline[], size: number, color?: string, face?: FontKey): Run[] {
  const runs: Run[] = []
  let prev: Inline | undefined
  for (const i of inline) {
    // Two notes side by side read as one number ("12"): set them apart as "1,2".
    if (i.kind === 'cite' && prev?.kind === 'cite') runs.push(r.noteSeparator(size))
    prev = i
    if (i.kind === 'text' && i.redaction !== undefined && r.release) {
      // A passage marked as redacted: its label, never its text.
      runs.push(r.bar(redactionLabel(i.redaction, r.t), size))
    } else if (i.kind === 'text') {
      const href = i.href ? safeHref(i.href) : undefined
      const key = face ?? faceOf(i)
      runs.push(
        ...r.runs(i.text, key, key === 'mono' ? size * 0.92 : size, {
          href,
          color: href ? COLORS.link : color,
          underline: i.underline,
          strike: i.strike,
        }),
      )
    } else if (i.kind === 'cite') {
      runs.push(r.cite(i.attrs, size))
    } else {
      runs.push(r.run('\n', 'regular', size))
    }
  }
  return runs
}

function paragraph(
  r: RenderContext,
  runs: Run[],
  env: Env,
  lineHeight: number,
  marker?: (y: number) => void,
  keepAfter?: number,
) {
  const lines = wrap(runs, env.width)
  r.flow.drawLines(lines, {
    x: env.x,
    lineHeight,
    keepAfter,
    onLine: (i, y) => {
      // Quote bars are drawn per line so they follow the quote across page breaks.
      for (const bx of env.bars) r.flow.rect(bx, y, 1.6, lineHeight, COLORS.quoteBar)
      if (i === 0) marker?.(y)
    },
  })
}

/** `follows`: the height kept on the heading's page after it (asked once its own lines are laid out). */
function heading(
  r: RenderContext,
  b: Extract<Block, { kind: 'heading' }>,
  env: Env,
  follows: () => number = () => 2 * SIZES.bodyLeading,
) {
  const h = HEADING[Math.min(b.depth, 3) - 1]
  const numberWidth = b.depth === 1 ? 24 : 32
  const lines = wrap(inlineRuns(r, b.inline, h.size, COLORS.text, h.font), env.width - numberWidth)
  const lineHeight = h.size * 1.35
  r.flow.space(h.before)
  // Keep the heading with at least two lines of what follows it.
  r.flow.ensure(lines.length * lineHeight + h.after + follows())
  r.mark(b.depth, `${b.number} ${b.title}`)
  const num = r.run(b.number, h.font, h.size)
  r.flow.drawLine(single(num), env.x, r.flow.y, lineHeight)
  r.flow.drawLines(lines, { x: env.x + numberWidth, lineHeight })
  r.flow.y += h.after
}

function listBlock(r: RenderContext, b: Extract<Block, { kind: 'list' }>, env: Env) {
  const indent = b.ordered ? 20 : 14
  b.items.forEach((item, idx) => {
    const label = b.ordered ? `${b.start + idx}.` : env.listDepth % 2 === 0 ? '•' : '–'
    const inner: Env = { ...env, x: env.x + indent, width: env.width - indent, listDepth: env.listDepth + 1 }
    let marked = false
    const marker = (y: number) => {
      if (marked) return
      marked = true
      const run = r.run(label, 'regular', SIZES.body, { color: env.color })
      r.flow.drawLine(single(run), env.x + (b.ordered ? 2 : 3), y, SIZES.bodyLeading)
    }
    item.forEach((child, ci) => {
      if (ci > 0) r.flow.space(3)
      if (child.kind === 'paragraph')
        paragraph(r, inlineRuns(r, child.inline, SIZES.body, env.color), inner, SIZES.bodyLeading, marker)
      else {
        if (!marked) {
          r.flow.ensure(SIZES.bodyLeading)
          marker(r.flow.y)
        }
        block(r, child, inner)
      }
    })
    if (!marked) {
      r.flow.ensure(SIZES.bodyLeading)
      marker(r.flow.y)
      r.flow.y += SIZES.bodyLeading
    }
    if (idx < b.items.length - 1) r.flow.space(3)
  })
}

export function block(r: RenderContext, b: Block, env: Env) {
  switch (b.kind) {
    case 'heading':
      return heading(r, b, env)
    case 'paragraph':
      return paragraph(r, inlineRuns(r, b.inline, SIZES.body, env.color), env, SIZES.bodyLeading)
    case 'list':
      return listBlock(r, b, env)
    case 'quote': {
      const inner: Env = {
        ...env,
        x: env.x + 16,
        width: env.width - 32,
        bars: [...env.bars, env.x + 4],
        color: '#333333',
      }
      b.blocks.forEach((child, i) => {
        if (i > 0) r.flow.space(4)
        block(r, child, inner)
      })
      return
    }
    case 'code': {
      const lines = wrap([r.run(b.text, 'mono', SIZES.small)], env.width)
      r.flow.drawLines(lines, { x: env.x, lineHeight: SIZES.smallLeading })
      return
    }
    case 'rule':
      r.flow.space(4)
      r.flow.ensure(8)
      r.flow.rule(env.x, env.x + env.width, r.flow.y + 2)
      r.flow.y += 8
      return
  }
}

const SPACE_AFTER: Record<Block['kind'], number> = { heading: 0, paragraph: 7, list: 7, quote: 8, code: 7, rule: 4 }

/**
 * Renders every top-level block, reporting progress and yielding so a cancel can arrive.
 * keepWithLast: the height of what follows the body (the signature), kept on one page with the end
 * of a closing paragraph.
 */
export async function renderBody(
  r: RenderContext,
  blocks: Block[],
  progress: (label: string) => Promise<void>,
  keepWithLast = 0,
) {
  const env: Env = { x: GEOM.left, width: GEOM.width, bars: [], listDepth: 0 }
  const last = blocks.length - 1
  const lastBlock = blocks[last] as Block | undefined
  const closing = keepWithLast > 0 && lastBlock?.kind === 'paragraph' ? lastBlock : undefined
  // The closing paragraph's runs, made once (they number its notes) and in reading order.
  let closingRuns: Run[] | undefined
  const closingRunsNow = () => (closingRuns ??= inlineRuns(r, closing!.inline, SIZES.body, env.color))
  for (const [i, b] of blocks.entries()) {
    if (b.kind === 'quote') r.flow.space(2)
    if (closing && i === last)
      paragraph(r, closingRunsNow(), env, SIZES.bodyLeading, undefined, keepWithLast + SPACE_AFTER.paragraph)
    else if (closing && i === last - 1 && b.kind === 'heading')
      // A closing paragraph of one or two lines goes to the signature's page whole: its heading with it.
      heading(r, b, env, () => {
        const n = wrap(closingRunsNow(), env.width).length
        return n <= 2 ? n * SIZES.bodyLeading + SPACE_AFTER.paragraph + keepWithLast : 2 * SIZES.bodyLeading
      })
    else block(r, b, env)
    r.flow.space(SPACE_AFTER[b.kind])
    await progress(b.kind === 'heading' ? `Section ${b.number} ${b.title}` : 'Body')
  }
}

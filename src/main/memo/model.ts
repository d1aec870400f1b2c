/**
 * The briefing body (TipTap/ProseMirror JSON, stored opaque) turned into a small,
 * checked block model the renderer walks. Unknown nodes degrade to their text so
 * nothing the author wrote silently disappears.
 */
import { CitationAttrs, type RichText } from '@shared/domain'

export type Style = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono'

export interface InlineText {
  kind: 'text'
  text: string
  bold: boolean
  italic: boolean
  mono: boolean
  underline: boolean
  strike: boolean
  href?: string
  /** Marked as redacted (the reason): a release copy shows a labelled bar instead. */
  redaction?: string
}
export interface InlineCite {
  kind: 'cite'
  attrs: CitationAttrs
}
export interface InlineBreak {
  kind: 'break'
}
export type Inline = InlineText | InlineCite | InlineBreak

export type Block =
  | { kind: 'heading'; depth: number; number: string; inline: Inline[]; title: string }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }

interface PmNode {
  type?: unknown
  text?: unknown
  attrs?: Record<string, unknown>
  marks?: { type?: unknown; attrs?: Record<string, unknown> }[]
  content?: unknown
}

const children = (n: PmNode): PmNode[] =>
  Array.isArray(n.content) ? n.content.filter((c): c is PmNode => !!c && typeof c === 'object') : []

function plainText(n: PmNode): string {
  if (typeof n.text === 'string') return n.text
  if (n.type === 'hardBreak') return '\n'
  return children(n).map(plainText).join('')
}

function inlines(n: PmNode): Inline[] {
  const out: Inline[] = []
  for (const c of children(n)) {
    if (c.type === 'text' && typeof c.text === 'string') {
      const marks = new Set((c.marks ?? []).map((m) => m?.type))
      const link = (c.marks ?? []).find((m) => m?.type === 'link')
      const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : undefined
      const redaction = (c.marks ?? []).find((m) => m?.type === 'redaction')
      out.push({
        ...(redaction ? { redaction: typeof redaction.attrs?.reason === 'string' ? redaction.attrs.reason : '' } : {}),
        kind: 'text',
        text: c.text,
        bold: marks.has('bold'),
        italic: marks.has('italic'),
        mono: marks.has('code'),
        underline: marks.has('underline'),
        strike: marks.has('strike'),
        href,
      })
    } else if (c.type === 'citation') {
      const parsed = CitationAttrs.safeParse(c.attrs ?? {})
      if (parsed.success) out.push({ kind: 'cite', attrs: parsed.data })
    } else if (c.type === 'hardBreak') {
      out.push({ kind: 'break' })
    } else {
      // Mentions, emoji nodes and the like: keep what they read as.
      const text = typeof c.attrs?.label === 'string' ? c.attrs.label : plainText(c)
      if (text)
        out.push({ kind: 'text', text, bold: false, italic: false, mono: false, underline: false, strike: false })
    }
  }
  return out
}

const headingLevel = (n: PmNode): number => {
  const l = Number(n.attrs?.level)
  return Number.isInteger(l) && l >= 1 && l <= 6 ? l : 1
}

/**
 * Builds the block model and numbers the headings: the shallowest level used
 * becomes "1.", the next "1.1", so a body that starts at h2 still reads 1, 2, 3.
 */
export function buildBlocks(body: RichText): Block[] {
  const top = body.content.filter((c): c is PmNode => !!c && typeof c === 'object')
  const levels = [...new Set(top.filter((n) => n.type === 'heading').map(headingLevel))].sort((a, b) => a - b)
  const counters: number[] = []

  const convert = (n: PmNode, topLevel: boolean): Block[] => {
    switch (n.type) {
      case 'heading': {
        const inline = inlines(n)
        const title = inline.map((i) => (i.kind === 'text' ? i.text : '')).join('')
        if (!topLevel)
          return [{ kind: 'paragraph', inline: inline.map((i) => (i.kind === 'text' ? { ...i, bold: true } : i)) }]
        const depth = Math.min(levels.indexOf(headingLevel(n)) + 1, 3)
        counters.length = depth
        counters[depth - 1] = (counters[depth - 1] ?? 0) + 1
        for (let i = 0; i < depth - 1; i++) counters[i] ??= 1
        const number = depth === 1 ? `${counters[0]}.` : counters.join('.')
        return [{ kind: 'heading', depth, number, inline, title }]
      }
      case 'paragraph':
        return [{ kind: 'paragraph', inline: inlines(n) }]
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const start = Number(n.attrs?.start)
        return [
          {
            kind: 'list',
            ordered: n.type === 'orderedList',
            start: Number.isInteger(start) ? start : 1,
            items: children(n).map((item) => children(item).flatMap((c) => convert(c, false))),
          },
        ]
      }
      case 'blockquote':
        return [{ kind: 'quote', blocks: children(n).flatMap((c) => convert(c, false)) }]
      case 'codeBlock':
        return [{ kind: 'code', text: plainText(n) }]
      case 'horizontalRule':
        return [{ kind: 'rule' }]
      default: {
        // Tables, images and nodes from future editor versions: their text as paragraphs.
        const kids = children(n)
        if (kids.some((k) => k.type === 'text' || k.type === 'citation'))
          return [{ kind: 'paragraph', inline: inlines(n) }]
        if (kids.length) return kids.flatMap((c) => convert(c, false))
        const text = plainText(n)
        return text ? [{ kind: 'paragraph', inline: inlines({ content: [{ type: 'text', text }] }) }] : []
      }
    }
  }
  return top.flatMap((n) => convert(n, true))
}

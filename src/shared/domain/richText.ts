/**
 * Plain text <-> the ProseMirror/TipTap JSON document that notes and briefing
 * bodies are stored as. Pure, so the command line, the search index and the
 * window all read and write rich text the same way.
 */
import type { RichText } from './common'

type Node = { type?: unknown; text?: unknown; content?: unknown; attrs?: Record<string, unknown> }

/**
 * Plain text as a document: a blank line starts a new paragraph, a single line
 * break stays a line break inside its paragraph (TipTap's hardBreak). Line
 * endings of any platform are accepted; text is kept exactly, never trimmed
 * inside a line.
 */
export function richTextFromPlain(text: string): RichText {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
  return {
    type: 'doc',
    content: paragraphs.map((p) => {
      const content: unknown[] = []
      p.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' })
        if (line) content.push({ type: 'text', text: line })
      })
      return { type: 'paragraph', content }
    }),
  }
}

/**
 * Plain text of a document (notes, briefing bodies): blocks separated by
 * newlines, hard breaks as newlines. `inline` may render an atom node without
 * text (a citation) as text; others are left out. Walked with a stack, so no
 * nesting depth can overflow it.
 */
export function richTextToPlain(doc: unknown, inline?: (node: Node) => string | undefined): string {
  const out: string[] = []
  // 'end' markers close a block after its children.
  const stack: (Node | 'end')[] = [doc as Node]
  while (stack.length) {
    const n = stack.pop()!
    if (n === 'end') {
      out.push('\n')
      continue
    }
    if (!n || typeof n !== 'object') continue
    if (typeof n.text === 'string') out.push(n.text)
    else if (n.type === 'hardBreak') out.push('\n')
    else if (inline && !Array.isArray(n.content)) {
      const t = inline(n)
      if (t) out.push(t)
    }
    if (Array.isArray(n.content)) {
      if (n.type !== 'text') stack.push('end')
      for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i] as Node)
    }
  }
  return out
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

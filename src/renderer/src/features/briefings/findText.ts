import type { Node as PMNode } from '@tiptap/pm/model'

const norm = (s: string) => s.replace(/\s/g, ' ')

/**
 * Where `needle` stands in the document, searched within one paragraph (or
 * heading) at a time: the text a reviewer's comment was attached to. When the
 * whole of it is not found (it spanned paragraphs, or was edited since), its
 * first words are tried. Null when the text no longer holds it.
 */
export function findText(doc: PMNode, needle: string): { from: number; to: number } | null {
  const q = norm(needle.trim())
  if (!q) return null
  const tries = [q, q.split(' ').slice(0, 6).join(' ')].filter((x, i, all) => x && all.indexOf(x) === i)
  for (const query of tries) {
    let found: { from: number; to: number } | null = null
    doc.descendants((node, pos) => {
      if (found) return false
      if (!node.isTextblock) return true
      let text = ''
      const at: number[] = []
      node.forEach((child, offset) => {
        if (child.isText) {
          for (let i = 0; i < child.text!.length; i++) at.push(pos + 1 + offset + i)
          text += child.text
        } else {
          // An atom (a citation chip) stands for one position and matches nothing.
          at.push(pos + 1 + offset)
          text += '\uFFFC'
        }
      })
      const i = norm(text).indexOf(query)
      if (i >= 0) found = { from: at[i], to: at[i + query.length - 1] + 1 }
      return false
    })
    if (found) return found
  }
  return null
}

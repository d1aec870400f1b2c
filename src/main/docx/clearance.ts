/**
 * A Word copy of a memo, back from the clearance circuit: its body (between the
 * bookmarks the export put around it) as editor JSON, with the citations whose
 * footnotes survived turned back into citation nodes, tracked insertions kept
 * and deletions dropped, the reviewers' comments with the text they anchor to,
 * and what changed against the version that was sent out.
 */
import type { CitationAttrs, ClearanceChange, ClearanceComment, RichText } from '@shared/domain'
import { attr, find, kids, parseXml, tagOf, textOf, type DocxPart, type XNode } from './readDocx'

export const BODY_START = 'casefile_body_start'
export const BODY_END = 'casefile_body_end'
/** Each footnote of a sent copy holds a bookmark casefile_note_<n>: n is its place in the export record. */
export const NOTE_MARK = 'casefile_note_'

export interface ClearanceRead {
  body: RichText
  comments: ClearanceComment[]
  insertions: number
  deletions: number
  /** Citations of the sent version whose footnote is gone. */
  citationsRemoved: number
  /** Footnotes a reviewer added (kept as text in the body). */
  notesAdded: number
  /** False when the body bookmarks were removed, so the whole document was taken. */
  bounded: boolean
}

type Mark = { type: string }
type PmNode = { type: string; text?: string; marks?: Mark[]; attrs?: Record<string, unknown>; content?: PmNode[] }

/** Custom document properties by name. */
function customProps(xml: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!xml) return out
  const root = find(parseXml(xml), 'Properties')
  for (const p of root ? kids(root) : []) {
    const name = attr(p, 'name')
    if (tagOf(p) === 'property' && name) out[name] = textOf(kids(p))
  }
  return out
}

/** The export a Word copy came from (the custom property the export wrote), if it still says. */
export const exportIdOf = (parts: Partial<Record<DocxPart, string>>): string | undefined =>
  customProps(parts['docProps/custom.xml']).CasefileExport

/** A release copy keeps its classification but names no export (it left the workspace for good). */
export const isReleaseCopy = (parts: Partial<Record<DocxPart, string>>): boolean => {
  const props = customProps(parts['docProps/custom.xml'])
  return 'Classification' in props && !('CasefileExport' in props)
}

/** Footnotes by id, skipping Word's separators: their text, and which sent note they are (by their bookmark). */
function footnoteTexts(xml: string | undefined): Map<string, { text: string; sent?: number }> {
  const out = new Map<string, { text: string; sent?: number }>()
  const root = xml ? find(parseXml(xml), 'w:footnotes') : undefined
  for (const f of root ? kids(root) : []) {
    if (tagOf(f) !== 'w:footnote' || attr(f, 'w:type')) continue
    let sent: number | undefined
    const stack = [...kids(f)]
    while (stack.length) {
      const x = stack.pop()!
      const name = tagOf(x) === 'w:bookmarkStart' ? attr(x, 'w:name') : undefined
      // LibreOffice may append "_Copy_1" to the name; the number comes first.
      const m = name ? new RegExp(`^${NOTE_MARK}(\\d+)`).exec(name) : null
      if (m) sent = Number(m[1])
      stack.push(...kids(x))
    }
    out.set(attr(f, 'w:id') ?? '', { text: textOf(kids(f)).trim(), ...(Number.isInteger(sent) ? { sent } : {}) })
  }
  return out
}

/** numId -> whether its first level counts (decimal, letters) or bullets. */
function orderedLists(xml: string | undefined): Map<string, boolean> {
  const out = new Map<string, boolean>()
  if (!xml) return out
  const root = find(parseXml(xml), 'w:numbering')
  const abstract = new Map<string, boolean>()
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) === 'w:abstractNum') {
      const lvl = kids(n).find((k) => tagOf(k) === 'w:lvl' && attr(k, 'w:ilvl') === '0')
      const fmt = lvl ? kids(lvl).find((k) => tagOf(k) === 'w:numFmt') : undefined
      abstract.set(attr(n, 'w:abstractNumId') ?? '', (fmt ? attr(fmt, 'w:val') : 'bullet') !== 'bullet')
    }
  }
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) !== 'w:num') continue
    const ref = kids(n).find((k) => tagOf(k) === 'w:abstractNumId')
    out.set(attr(n, 'w:numId') ?? '', abstract.get(ref ? (attr(ref, 'w:val') ?? '') : '') ?? false)
  }
  return out
}

function comments(xml: string | undefined): Map<string, { author: string; date?: string; text: string }> {
  const out = new Map<string, { author: string; date?: string; text: string }>()
  const root = xml ? find(parseXml(xml), 'w:comments') : undefined
  for (const c of root ? kids(root) : []) {
    if (tagOf(c) !== 'w:comment') continue
    out.set(attr(c, 'w:id') ?? '', {
      author: attr(c, 'w:author') ?? '',
      ...(attr(c, 'w:date') ? { date: attr(c, 'w:date') } : {}),
      text: textOf(kids(c)).trim(),
    })
  }
  return out
}

const plain = (n: PmNode): string => (n.text ?? '') + (n.content ?? []).map(plain).join('')

/** Paragraph texts of a body, in order (headings and list items too): what the change list compares. */
export function paragraphsOf(body: RichText): string[] {
  const out: string[] = []
  const stack: PmNode[] = [...(body.content as PmNode[])].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === 'paragraph' || n.type === 'heading') {
      const text = plain(n).replace(/\s+/g, ' ').trim()
      if (text) out.push(text)
    } else stack.push(...[...(n.content ?? [])].reverse())
  }
  return out
}

/** Paragraph-level changes from `before` to `after` (longest common subsequence; a removal next to an addition is a change). */
export function paragraphChanges(before: string[], after: string[], max = 2_000): ClearanceChange[] {
  if (before.length * after.length > 4_000_000)
    return [{ kind: 'changed', before: `${before.length} paragraphs`, after: `${after.length} paragraphs` }]
  const n = before.length
  const m = after.length
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const raw: ClearanceChange[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      i++
      j++
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) raw.push({ kind: 'added', after: after[j++] })
    else raw.push({ kind: 'removed', before: before[i++] })
  }
  const out: ClearanceChange[] = []
  for (let k = 0; k < raw.length; k++) {
    const a = raw[k]
    const b = raw[k + 1]
    if (a.kind === 'removed' && b?.kind === 'added') {
      out.push({ kind: 'changed', before: a.before, after: b.after })
      k++
    } else out.push(a)
  }
  return out.slice(0, max)
}

/**
 * Reads the edited copy. `footnotesSent` maps the footnote numbers of the sent
 * copy to the citations they stood for (from its export record).
 */
export function readClearance(
  parts: Partial<Record<DocxPart, string>>,
  footnotesSent: (CitationAttrs | null)[] | undefined,
): ClearanceRead {
  const notes = footnoteTexts(parts['word/footnotes.xml'])
  const ordered = orderedLists(parts['word/numbering.xml'])
  const commentTexts = comments(parts['word/comments.xml'])
  const body = find(parseXml(parts['word/document.xml']!), 'w:body')
  const all = body ? kids(body) : []

  // Paragraphs between the body bookmarks (the letterhead, header block, signature and annexes stay out).
  const hasMark = (n: XNode, name: string) => {
    const stack = [n]
    while (stack.length) {
      const x = stack.pop()!
      if (tagOf(x) === 'w:bookmarkStart' && attr(x, 'w:name') === name) return true
      stack.push(...kids(x))
    }
    return false
  }
  const start = all.findIndex((n) => hasMark(n, BODY_START))
  const end = all.findIndex((n) => hasMark(n, BODY_END))
  const bounded = start >= 0 && end > start
  const slice = bounded ? all.slice(start + 1, end) : all

  let insertions = 0
  let deletions = 0
  let notesAdded = 0
  const citedNotes = new Set<number>()
  const anchors = new Map<string, string>()
  const open = new Set<string>()

  const inline = (nodes: XNode[], marks: Mark[] = [], inserted = false): PmNode[] => {
    const out: PmNode[] = []
    for (const n of nodes) {
      const tag = tagOf(n)
      if (tag === 'w:ins') {
        insertions++
        out.push(...inline(kids(n), marks, true))
      } else if (tag === 'w:del' || tag === 'w:moveFrom') deletions++
      else if (
        tag === 'w:hyperlink' ||
        tag === 'w:smartTag' ||
        tag === 'w:sdt' ||
        tag === 'w:sdtContent' ||
        tag === 'w:moveTo'
      )
        out.push(...inline(kids(n), marks, inserted))
      else if (tag === 'w:commentRangeStart') open.add(attr(n, 'w:id') ?? '')
      else if (tag === 'w:commentRangeEnd') open.delete(attr(n, 'w:id') ?? '')
      else if (tag === 'w:r') {
        const rPr = kids(n).find((k) => tagOf(k) === 'w:rPr')
        const has = (t: string) => {
          const x = rPr && kids(rPr).find((k) => tagOf(k) === t)
          return !!x && attr(x, 'w:val') !== '0' && attr(x, 'w:val') !== 'false'
        }
        const runMarks = [
          ...marks,
          ...(has('w:b') ? [{ type: 'bold' }] : []),
          ...(has('w:i') ? [{ type: 'italic' }] : []),
          ...(has('w:u') ? [{ type: 'underline' }] : []),
          ...(has('w:strike') ? [{ type: 'strike' }] : []),
        ]
        for (const k of kids(n)) {
          const t = tagOf(k)
          if (t === 'w:t' || t === 'w:tab' || t === 'w:br') {
            const text = t === 'w:t' ? textOf(kids(k)) : t === 'w:tab' ? '\t' : '\n'
            if (!text) continue
            for (const id of open) anchors.set(id, (anchors.get(id) ?? '') + text)
            out.push({ type: 'text', text, ...(runMarks.length ? { marks: runMarks } : {}) })
          } else if (t === 'w:footnoteReference') {
            const id = attr(k, 'w:id') ?? ''
            const note = notes.get(id)
            // By its bookmark; a copy that lost the bookmarks keeps Word's own numbering.
            const n = note?.sent ?? Number(id)
            const sent = footnotesSent?.[n]
            if (sent && !citedNotes.has(n)) {
              citedNotes.add(n)
              out.push({ type: 'citation', attrs: { ...sent } })
            } else {
              notesAdded++
              out.push({ type: 'text', text: ` [${note?.text ?? ''}]` })
            }
          }
        }
      }
    }
    return out
  }

  const merged = (nodes: PmNode[]): PmNode[] => {
    // Adjacent text with the same marks becomes one node, as the editor keeps it.
    const out: PmNode[] = []
    for (const n of nodes) {
      const prev = out[out.length - 1]
      if (
        n.type === 'text' &&
        prev?.type === 'text' &&
        JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])
      )
        prev.text += n.text ?? ''
      else out.push({ ...n })
    }
    return out
  }

  const blocks: PmNode[] = []
  for (const p of slice) {
    if (tagOf(p) !== 'w:p') continue
    const pPr = kids(p).find((k) => tagOf(k) === 'w:pPr')
    const styleNode = pPr && kids(pPr).find((k) => tagOf(k) === 'w:pStyle')
    const style = styleNode ? (attr(styleNode, 'w:val') ?? '') : ''
    const numPr = pPr && kids(pPr).find((k) => tagOf(k) === 'w:numPr')
    const content = merged(inline(kids(p).filter((k) => tagOf(k) !== 'w:pPr')))
    const heading = /^Heading([1-3])$/.exec(style)
    if (heading) {
      const first = content[0]
      if (first?.type === 'text') first.text = (first.text ?? '').replace(/^\d+(\.\d+)*\.?\s+/, '')
      blocks.push({
        type: 'heading',
        attrs: { level: Number(heading[1]) + 1 },
        content: content.filter((c) => c.text !== ''),
      })
      continue
    }
    const para: PmNode = content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
    if (numPr) {
      const numId = attr(kids(numPr).find((k) => tagOf(k) === 'w:numId') ?? ({} as XNode), 'w:val') ?? ''
      const type = ordered.get(numId) ? 'orderedList' : 'bulletList'
      const last = blocks[blocks.length - 1]
      const item: PmNode = { type: 'listItem', content: [para] }
      if (last?.type === type && last.attrs?.numId === numId) last.content!.push(item)
      else blocks.push({ type, attrs: { numId, ...(type === 'orderedList' ? { start: 1 } : {}) }, content: [item] })
      continue
    }
    if (style === 'CfQuote') {
      const last = blocks[blocks.length - 1]
      if (last?.type === 'blockquote') last.content!.push(para)
      else blocks.push({ type: 'blockquote', content: [para] })
      continue
    }
    if (content.length) blocks.push(para)
  }
  // The numId only groups items here; the editor's lists know nothing of it.
  for (const b of blocks) if (b.attrs && 'numId' in b.attrs) delete b.attrs.numId

  const sentNotes = (footnotesSent ?? []).filter(Boolean).length
  return {
    body: { type: 'doc', content: blocks },
    comments: [...commentTexts.entries()].map(([id, c]) => ({ ...c, anchor: (anchors.get(id) ?? '').trim() })),
    insertions,
    deletions,
    citationsRemoved: Math.max(0, sentNotes - citedNotes.size),
    notesAdded,
    bounded,
  }
}

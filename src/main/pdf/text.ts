/**
 * Text hygiene and line breaking. Case text comes from the web and from other
 * people's files, so everything drawn goes through `clean` first: bidi controls
 * could make a drawn line read differently from what is stored, and code points
 * the font lacks (emoji) become one visible fallback glyph instead of a crash or
 * an invisible gap.
 */
import { hasGlyph, measure, type LoadedFont } from './fonts'

// Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM,
// variation selectors, and C0/C1 controls other than newline. Matching these one by one is the point.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFE00-\uFE0F\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\uDB40[\uDC00-\uDDEF]/g
const FALLBACK = '\u25A1' // WHITE SQUARE: present in every DejaVu face

/** Text safe to draw in font `f`: invisible controls stripped, tabs as spaces, missing glyphs as one □ per run. */
export function clean(text: string, f: LoadedFont): string {
  let s = text.normalize('NFC').replace(/\t/g, '    ').replace(/\r\n?/g, '\n').replace(INVISIBLE, '')
  // Fast path: all Basic Latin + Latin-1 covered by DejaVu.
  if (!/[^\n\u0020-\u024F\u2010-\u2027]/.test(s)) return s
  let out = ''
  let lastMissing = false
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '\n' || hasGlyph(f, cp)) {
      out += ch
      lastMissing = false
    } else if (!lastMissing) {
      out += FALLBACK
      lastMissing = true
    }
  }
  s = out
  return s
}

export interface Run {
  text: string
  font: LoadedFont
  size: number
  color?: string
  href?: string
  underline?: boolean
  strike?: boolean
  /** Raise above the baseline, in pt (footnote reference marks). */
  rise?: number
  /** Footnote numbers this run refers to. */
  notes?: number[]
  /** Drawn white on a black bar: the label that stands where withheld text stood. */
  bar?: boolean
}

export interface Frag {
  text: string
  run: Run
  x: number
  width: number
}

export interface Line {
  frags: Frag[]
  width: number
  notes: number[]
}

interface Item {
  kind: 'word' | 'space' | 'break'
  text: string
  run: Run
  width: number
}

function tokenize(runs: Run[]): Item[] {
  const items: Item[] = []
  for (const run of runs) {
    if (!run.text && run.notes?.length) {
      items.push({ kind: 'word', text: '', run, width: 0 })
      continue
    }
    for (const tok of run.text.split(/(\n| +)/)) {
      if (!tok) continue
      if (tok === '\n') items.push({ kind: 'break', text: '', run, width: 0 })
      else if (tok[0] === ' ')
        items.push({ kind: 'space', text: tok, run, width: measure(run.font, ' ', run.size) * tok.length })
      else items.push({ kind: 'word', text: tok, run, width: measure(run.font, tok, run.size) })
    }
  }
  return items
}

// Inside an over-long "word" (a URL, a path, a hash list) these are better places to cut than anywhere.
const SOFT_BREAK = new Set(['/', '-', '?', '&', '=', '.', ',', ';', '_', '|'])

/**
 * Splits one over-long word into pieces no wider than `width`: after the last
 * "/", "-", "?" ... that leaves the piece at least half full, else by code point.
 */
function hardSplit(box: Item[], width: number): Item[][] {
  const pieces: Item[][] = []
  let cur: Item[] = []
  let curW = 0
  for (const item of box) {
    let chunk = ''
    let chunkW = 0
    let soft = 0 // length of chunk up to and including its last soft break
    let softW = 0
    for (const ch of item.text) {
      const w = measure(item.run.font, ch, item.run.size)
      if (curW + chunkW + w > width && (cur.length || chunk)) {
        const cut = soft > 0 && curW + softW >= width / 2 ? soft : chunk.length
        const cutW = cut === chunk.length ? chunkW : softW
        if (cut) cur.push({ ...item, text: chunk.slice(0, cut), width: cutW })
        pieces.push(cur)
        cur = []
        curW = 0
        chunk = chunk.slice(cut)
        chunkW -= cutW
        soft = 0
        softW = 0
      }
      chunk += ch
      chunkW += w
      if (SOFT_BREAK.has(ch)) {
        soft = chunk.length
        softW = chunkW
      }
    }
    if (chunk || !item.text) {
      cur.push({ ...item, text: chunk, width: chunkW })
      curW += chunkW
    }
  }
  if (cur.length) pieces.push(cur)
  return pieces
}

/**
 * Greedy line breaking at spaces and hard breaks; a word wider than the line
 * (a 20,000-character URL) is cut by characters, so wrapping always ends.
 */
export function wrap(runs: Run[], width: number): Line[] {
  const items = tokenize(runs)
  const lines: Line[] = []
  let cur: Item[] = []
  let curW = 0
  let glue: Item | null = null

  const flush = () => {
    lines.push(toLine(cur))
    cur = []
    curW = 0
    glue = null
  }
  const addBox = (box: Item[], boxW: number) => {
    const g = glue && cur.length ? glue.width : 0
    if (cur.length && curW + g + boxW > width) flush()
    if (!cur.length && boxW > width) {
      const pieces = hardSplit(box, width)
      for (let i = 0; i < pieces.length; i++) {
        cur = pieces[i]
        curW = cur.reduce((a, b) => a + b.width, 0)
        if (i < pieces.length - 1) flush()
      }
      return
    }
    if (cur.length && glue) {
      cur.push(glue)
      curW += glue.width
    }
    cur.push(...box)
    curW += boxW
    glue = null
  }

  let box: Item[] = []
  let boxW = 0
  const endBox = () => {
    if (box.length) addBox(box, boxW)
    box = []
    boxW = 0
  }
  for (const item of items) {
    if (item.kind === 'word') {
      box.push(item)
      boxW += item.width
    } else if (item.kind === 'space') {
      endBox()
      glue = item
    } else {
      endBox()
      flush()
    }
  }
  endBox()
  if (cur.length || !lines.length) flush()
  return lines
}

/** Merges neighbouring items of one run into fragments with x offsets. */
function toLine(items: Item[]): Line {
  const frags: Frag[] = []
  const notes: number[] = []
  let x = 0
  for (const it of items) {
    const last = frags[frags.length - 1]
    if (last && last.run === it.run) {
      last.text += it.text
      last.width += it.width
    } else {
      frags.push({ text: it.text, run: it.run, x, width: it.width })
      if (it.run.notes) notes.push(...it.run.notes.filter((n) => !notes.includes(n)))
    }
    x += it.width
  }
  return { frags, width: x, notes }
}

/** Truncates a line list to `max` lines, ending the last with an ellipsis. */
export function clampLines(lines: Line[], max: number, width: number): Line[] {
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  const last = kept[max - 1]
  const frag = last.frags[last.frags.length - 1]
  if (frag) {
    const ell = measure(frag.run.font, '…', frag.run.size)
    const whole = frag.text
    while (frag.text && frag.x + measure(frag.run.font, frag.text, frag.run.size) + ell > width) {
      frag.text = [...frag.text].slice(0, -1).join('')
    }
    // End on a whole word when the line has one: "Consulate of…", never "Consulate of Ecuador i…".
    const cut = frag.text.length < whole.length && !/\s/.test(whole[frag.text.length] ?? ' ')
    const space = frag.text.search(/\s\S*$/)
    if (cut && space > 0) frag.text = frag.text.slice(0, space).replace(/[\s,;:·–—-]+$/u, '')
    frag.text += '…'
    frag.width = measure(frag.run.font, frag.text, frag.run.size)
  }
  return kept
}

/** One unwrapped line of a single run (labels, numbers, banners). */
export function single(run: Run): Line {
  const width = measure(run.font, run.text, run.size)
  return { frags: [{ text: run.text, run, x: 0, width }], width, notes: run.notes ?? [] }
}

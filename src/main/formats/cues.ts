/** A span of time with its text on a tier: what every subtitle and transcript format carries. */
export interface Cue {
  tier: string
  start: number
  end: number
  text: string
}

/** What an import could not read, by line (or 0 for the whole file). */
export interface CueProblem {
  line: number
  message: string
}

export interface ParsedCues {
  cues: Cue[]
  problems: CueProblem[]
}

/** "00:01:02.345" (VTT, sep '.') or "00:01:02,345" (SRT, sep ','), millisecond precision. */
export function formatClock(seconds: number, sep: '.' | ','): string {
  const ms = Math.round(seconds * 1000)
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`
}

/** Seconds from "hh:mm:ss.mmm", "mm:ss.mmm" or with a comma; null when it is not a time. */
export function parseClock(text: string): number | null {
  const m = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(text.trim())
  if (!m) return null
  const [, h = '0', min, s, frac = '0'] = m
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(frac.padEnd(3, '0')) / 1000
}

/** Cue text on one or more lines, without the blank lines a cue format uses as separators. */
export const cueText = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .join('\n')
    .replace(/-->/g, '→')

/** The blank-line separated blocks of a cue file, each with the (1-based) line it starts on. */
export function cueBlocks(text: string, from = 0): { line: number; lines: string[] }[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  const out: { line: number; lines: string[] }[] = []
  let i = from
  while (i < lines.length) {
    while (i < lines.length && !lines[i].trim()) i++
    const start = i
    const block: string[] = []
    while (i < lines.length && lines[i].trim()) block.push(lines[i++])
    if (block.length) out.push({ line: start + 1, lines: block })
  }
  return out
}

/** One cue of a block: its "start --> end" line, then its text; a problem when the timing is missing or backwards. */
export function cueOf(block: { line: number; lines: string[] }, tier: string): Cue | CueProblem {
  const t = block.lines.findIndex((l) => l.includes('-->'))
  const m = t >= 0 ? /^(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/.exec(block.lines[t].trim()) : null
  const start = m ? parseClock(m[1]) : null
  const end = m ? parseClock(m[2]) : null
  if (start === null || end === null)
    return { line: block.line, message: 'This cue has no readable "start --> end" timing line.' }
  if (end < start) return { line: block.line + t, message: 'This cue ends before it starts.' }
  return { tier, start, end, text: block.lines.slice(t + 1).join('\n') }
}

export const isCue = (c: Cue | CueProblem): c is Cue => 'start' in c

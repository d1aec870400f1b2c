/** WebVTT (W3C): the subtitles a browser player shows. One tier per file. */
import { cueText, formatClock, parseClock, type Cue, type ParsedCues } from './cues'

export function toVtt(cues: Cue[]): string {
  const body = cues
    .map((c, i) => `${i + 1}\n${formatClock(c.start, '.')} --> ${formatClock(c.end, '.')}\n${cueText(c.text) || '…'}`)
    .join('\n\n')
  return `WEBVTT\n\n${body}${cues.length ? '\n' : ''}`
}

const TIMING = /^(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/

export function fromVtt(text: string, tier: string): ParsedCues {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? ''))
    return { cues: [], problems: [{ line: 1, message: 'A WebVTT file starts with "WEBVTT".' }] }
  const out: ParsedCues = { cues: [], problems: [] }
  let i = 1
  while (i < lines.length) {
    // Blocks are separated by blank lines; NOTE, STYLE and REGION blocks carry no cues.
    while (i < lines.length && !lines[i].trim()) i++
    const start = i
    const block: string[] = []
    while (i < lines.length && lines[i].trim()) block.push(lines[i++])
    if (!block.length) break
    if (/^(NOTE|STYLE|REGION)\b/.test(block[0])) continue
    const t = block.findIndex((l) => l.includes('-->'))
    const m = t >= 0 ? TIMING.exec(block[t].trim()) : null
    const from = m ? parseClock(m[1]) : null
    const to = m ? parseClock(m[2]) : null
    if (from === null || to === null) {
      out.problems.push({ line: start + 1, message: 'This cue has no readable "start --> end" timing line.' })
      continue
    }
    if (to < from) {
      out.problems.push({ line: start + t + 1, message: 'This cue ends before it starts.' })
      continue
    }
    out.cues.push({ tier, start: from, end: to, text: block.slice(t + 1).join('\n') })
  }
  return out
}

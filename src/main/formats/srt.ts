/** SubRip (.srt): numbered cues with comma-separated milliseconds. One tier per file. */
import { cueText, formatClock, parseClock, type Cue, type ParsedCues } from './cues'

export function toSrt(cues: Cue[]): string {
  return cues
    .map((c, i) => `${i + 1}\n${formatClock(c.start, ',')} --> ${formatClock(c.end, ',')}\n${cueText(c.text) || '…'}\n`)
    .join('\n')
}

export function fromSrt(text: string, tier: string): ParsedCues {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  const out: ParsedCues = { cues: [], problems: [] }
  let i = 0
  while (i < lines.length) {
    while (i < lines.length && !lines[i].trim()) i++
    const start = i
    const block: string[] = []
    while (i < lines.length && lines[i].trim()) block.push(lines[i++])
    if (!block.length) break
    const t = block.findIndex((l) => l.includes('-->'))
    const m = t >= 0 ? /^(\S+)\s+-->\s+(\S+)/.exec(block[t].trim()) : null
    const from = m ? parseClock(m[1]) : null
    const to = m ? parseClock(m[2]) : null
    if (from === null || to === null || to < from) {
      out.problems.push({
        line: start + 1,
        message:
          from !== null && to !== null ? 'This cue ends before it starts.' : 'This cue has no readable timing line.',
      })
      continue
    }
    out.cues.push({ tier, start: from, end: to, text: block.slice(t + 1).join('\n') })
  }
  if (!out.cues.length && !out.problems.length) out.problems.push({ line: 0, message: 'The file holds no cues.' })
  return out
}

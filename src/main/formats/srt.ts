/** SubRip (.srt): numbered cues with comma-separated milliseconds. One tier per file. */
import { cueBlocks, cueOf, cueText, formatClock, isCue, type Cue, type ParsedCues } from './cues'

export function toSrt(cues: Cue[]): string {
  return cues
    .map((c, i) => `${i + 1}\n${formatClock(c.start, ',')} --> ${formatClock(c.end, ',')}\n${cueText(c.text) || '…'}\n`)
    .join('\n')
}

export function fromSrt(text: string, tier: string): ParsedCues {
  const out: ParsedCues = { cues: [], problems: [] }
  for (const block of cueBlocks(text)) {
    const c = cueOf(block, tier)
    if (isCue(c)) out.cues.push(c)
    else out.problems.push(c)
  }
  if (!out.cues.length && !out.problems.length) out.problems.push({ line: 0, message: 'The file holds no cues.' })
  return out
}

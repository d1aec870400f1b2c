/** WebVTT (W3C): the subtitles a browser player shows. One tier per file. */
import { cueBlocks, cueOf, cueText, formatClock, isCue, type Cue, type ParsedCues } from './cues'

export function toVtt(cues: Cue[]): string {
  const body = cues
    .map((c, i) => `${i + 1}\n${formatClock(c.start, '.')} --> ${formatClock(c.end, '.')}\n${cueText(c.text) || '…'}`)
    .join('\n\n')
  return `WEBVTT\n\n${body}${cues.length ? '\n' : ''}`
}

export function fromVtt(text: string, tier: string): ParsedCues {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 1)[0]
  if (!/^WEBVTT(?:[ \t].*)?$/.test(first))
    return { cues: [], problems: [{ line: 1, message: 'A WebVTT file starts with "WEBVTT".' }] }
  const out: ParsedCues = { cues: [], problems: [] }
  // NOTE, STYLE and REGION blocks carry no cues.
  for (const block of cueBlocks(text, 1).filter((b) => !/^(NOTE|STYLE|REGION)\b/.test(b.lines[0]))) {
    const c = cueOf(block, tier)
    if (isCue(c)) out.cues.push(c)
    else out.problems.push(c)
  }
  return out
}

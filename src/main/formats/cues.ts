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

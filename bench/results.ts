/** Shared by the benches: the machine they ran on, and writing one section of bench/RESULTS.md. */
import { readFile, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

export const RESULTS = join(import.meta.dirname, 'RESULTS.md')

export function machine(): string {
  const cpu = cpus()
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}, ${new Date().toISOString()}`
}

/** Replaces the section that starts with `heading` (up to the next "## ") or appends it. */
export async function writeSection(heading: string, body: string): Promise<void> {
  let text = ''
  try {
    text = await readFile(RESULTS, 'utf8')
  } catch {
    text = '# Benchmark results\n\nEach bench replaces only its own section.\n'
  }
  const section = `${heading}\n\n${body.trim()}\n`
  const start = text.indexOf(`${heading}\n`)
  if (start < 0) text = `${text.trimEnd()}\n\n${section}`
  else {
    const next = text.indexOf('\n## ', start + heading.length)
    text = text.slice(0, start) + section + (next < 0 ? '' : text.slice(next))
  }
  await writeFile(RESULTS, text.endsWith('\n') ? text : `${text}\n`)
}

export const median = (xs: number[]) => quantile(xs, 0.5)
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  if (!s.length) return NaN
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))
  return s[i]
}
export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))

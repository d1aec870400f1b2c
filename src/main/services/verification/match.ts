/**
 * Near-duplicates across the workspace: the same bytes (one SHA-256), the same
 * picture (an image re-saved, resized, cropped), or a stretch of the same
 * footage, found by comparing perceptual hashes frame by frame and keeping runs
 * of matching frames that hold one time offset ("this clip matches item X at
 * 00:00:04–00:00:09").
 */
import { formatTimecode, NEAR_DUPLICATE, type DuplicateMatch, type EvidenceItem } from '@shared/domain'
import { distance, unpack } from './hashes'

export interface Printed {
  caseId: string
  evidenceId: string
  title: string
  kind: string
  sha256?: string
  video: boolean
  times: number[]
  d: Uint32Array
  p: Uint32Array
  /** Seconds one frame stands for (the sampling step). */
  step: number
  duration?: number
}

export function printedOf(caseId: string, item: EvidenceItem): Printed | null {
  const a = item.analysis
  const base = { caseId, evidenceId: item.id, title: item.title, kind: item.kind, sha256: item.file?.sha256 }
  const fp = a?.fingerprint
  if (!fp || fp.status !== 'done' || !fp.dhash)
    return item.file ? { ...base, video: false, times: [], d: new Uint32Array(), p: new Uint32Array(), step: 1 } : null
  const video = fp.kind === 'video'
  const times = video ? fp.times : [0]
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .filter((g) => g > 0)
    .sort((x, y) => x - y)
  const duration = a?.metadata.facts.find((f) => f.name === 'duration')?.value
  return {
    ...base,
    video,
    times,
    d: unpack(fp.dhash),
    p: unpack(fp.phash),
    step: gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1,
    duration: typeof duration === 'number' ? duration : undefined,
  }
}

interface Pair {
  i: number
  j: number
  dd: number
  dp: number
}

function pairsOf(a: Printed, b: Printed): Pair[] {
  const out: Pair[] = []
  const na = a.d.length / 2
  const nb = b.d.length / 2
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) {
      const dd = distance(a.d, i, b.d, j)
      if (dd > NEAR_DUPLICATE.dhash) continue
      const dp = distance(a.p, i, b.p, j)
      if (dp <= NEAR_DUPLICATE.phash) out.push({ i, j, dd, dp })
    }
  return out
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : 0)
const span = (times: number[], step: number, duration?: number) => {
  const start = Math.min(...times)
  const end = Math.max(...times) + step
  return { start, end: duration !== undefined ? Math.min(end, Math.max(duration, start)) : end }
}
const tc = (s: { start: number; end: number }) => `${formatTimecode(s.start)}–${formatTimecode(s.end)}`

/** Splits pairs into runs that hold one time offset, with no long gap: each run is one matching stretch. */
function segments(a: Printed, b: Printed, pairs: Pair[]): Pair[][] {
  const tol = Math.max(1.5, 1.5 * Math.max(a.step, b.step))
  const maxGap = Math.max(3, 3 * Math.max(a.step, b.step))
  const withOff = pairs
    .map((p) => ({ ...p, off: b.times[p.j] - a.times[p.i] }))
    .sort((x, y) => x.off - y.off || x.i - y.i)
  const clusters: (typeof withOff)[] = []
  for (const p of withOff) {
    const last = clusters[clusters.length - 1]
    if (last && p.off - last[0].off <= tol) last.push(p)
    else clusters.push([p])
  }
  const runs: Pair[][] = []
  for (const c of clusters) {
    // Per frame of this item, its closest frame there.
    const best = new Map<number, (typeof c)[number]>()
    for (const p of c) {
      const cur = best.get(p.i)
      if (!cur || p.dd + p.dp < cur.dd + cur.dp) best.set(p.i, p)
    }
    const sorted = [...best.values()].sort((x, y) => a.times[x.i] - a.times[y.i])
    let run: Pair[] = []
    for (const p of sorted) {
      if (run.length && a.times[p.i] - a.times[run[run.length - 1].i] > maxGap) {
        runs.push(run)
        run = []
      }
      run.push(p)
    }
    if (run.length) runs.push(run)
  }
  return runs
}

/** How `a` matches `b`, in a's terms ("here") and b's ("there"). */
export function compare(a: Printed, b: Printed): DuplicateMatch[] {
  const who = { caseId: b.caseId, evidenceId: b.evidenceId, title: b.title, kind: b.kind }
  const name = `“${b.title}” (${b.evidenceId})`
  if (a.sha256 && a.sha256 === b.sha256)
    return [
      {
        ...who,
        how: 'identical file',
        frames: 0,
        dhashDistance: 0,
        phashDistance: 0,
        summary: `The same file (identical SHA-256) as ${name}.`,
      },
    ]
  if (!a.d.length || !b.d.length) return []
  const pairs = pairsOf(a, b)
  if (!pairs.length) return []
  if (!a.video && !b.video) {
    const p = pairs[0]
    return [
      {
        ...who,
        how: 'same picture',
        frames: 1,
        dhashDistance: p.dd,
        phashDistance: p.dp,
        summary: `The same picture as ${name} (hashes ${p.dd} and ${p.dp} bits apart of 64): a copy re-saved, resized or cropped.`,
      },
    ]
  }
  const out: DuplicateMatch[] = []
  const minFrames = a.video && b.video && Math.min(a.times.length, b.times.length) > 1 ? 2 : 1
  for (const run of segments(a, b, pairs)) {
    if (run.length < minFrames) continue
    const here = span(
      run.map((p) => a.times[p.i]),
      a.step,
      a.duration,
    )
    const there = span(
      run.map((p) => b.times[p.j]),
      b.step,
      b.duration,
    )
    const dd = mean(run.map((p) => p.dd))
    const dp = mean(run.map((p) => p.dp))
    const base = { ...who, frames: run.length, dhashDistance: dd, phashDistance: dp }
    if (a.video && b.video)
      out.push({
        ...base,
        how: 'segment',
        here,
        there,
        summary: `This clip matches ${name} at ${tc(there)} (here ${tc(here)}; ${run.length} keyframe${run.length === 1 ? '' : 's'}).`,
      })
    else if (b.video)
      out.push({
        ...base,
        how: 'frame',
        there,
        summary: `This picture matches a frame of ${name} at ${tc(there)}.`,
      })
    else
      out.push({
        ...base,
        how: 'frame',
        here,
        summary: `This clip at ${tc(here)} shows the picture ${name}.`,
      })
  }
  // Strongest first; a weaker stretch over the same part of this item is an echo of it (similar scenes), not a match.
  out.sort((x, y) => y.frames - x.frames || x.dhashDistance + x.phashDistance - (y.dhashDistance + y.phashDistance))
  const kept: DuplicateMatch[] = []
  for (const m of out) {
    const s = m.here ?? m.there
    const overlaps = (k: DuplicateMatch) => {
      const t = k.here ?? k.there
      if (!s || !t) return false
      const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start)
      return inter > 0.5 * Math.min(s.end - s.start, t.end - t.start)
    }
    if (!kept.some(overlaps)) kept.push(m)
  }
  return kept.slice(0, 20)
}

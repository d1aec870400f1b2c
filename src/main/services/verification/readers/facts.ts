import type { FactName, MetadataFact } from '@shared/domain'

/**
 * A date-time as files write it, in the one form facts keep: ISO local time
 * with the offset when the file gives one. Accepts EXIF ("2026:01:27 11:00:00"),
 * ISO 8601 with or without offset ("…T11:00:00-0600", "…Z"), and MediaInfo's
 * "2026-01-27 17:00:00 UTC". A zero date (unset camera clock) gives null.
 */
export function normalizeTime(text: unknown, offset?: unknown, subsec?: unknown): string | null {
  if (typeof text !== 'string') return null
  const m =
    /^\s*(?:UTC\s+)?(\d{4})[:-](\d{2})[:-](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$/i.exec(
      text,
    )
  if (!m) return null
  const [, y, mo, d, h, mi, s = '00', frac, zone] = m
  if (y === '0000' || (+mo === 0 && +d === 0)) return null
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 60) return null
  const rawSub = frac ?? (typeof subsec === 'string' && /^\d+$/.test(subsec.trim()) ? `.${subsec.trim()}` : '')
  // ".000000" says nothing; ".250" is ".25".
  const sub = rawSub.replace(/0+$/, '').replace(/^\.$/, '')
  let off = ''
  const z = zone ?? (typeof offset === 'string' ? offset.trim() : '')
  if (/^(z|utc|gmt)$/i.test(z)) off = 'Z'
  else if (/^[+-]\d{2}:?\d{2}$/.test(z)) off = `${z.slice(0, 3)}:${z.slice(-2)}`
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sub}${off}`
}

/** An instant (a Date) as a fact time in UTC. */
export const instantFact = (d: Date | undefined): string | null =>
  d && !Number.isNaN(d.getTime()) ? d.toISOString().replace(/\.000Z$/, 'Z') : null

/** The facts one reader found, each with the field it came from; empty values are left out. */
export class FactList {
  readonly facts: MetadataFact[] = []
  constructor(readonly reader: string) {}

  add(name: FactName, value: unknown, field: string): void {
    if (value === undefined || value === null) return
    let v: string | number
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return
      v = value
    } else if (typeof value === 'string') {
      v = value.replace(/\0+$/, '').trim()
      if (!v) return
      v = v.slice(0, 2_000)
    } else return
    if (this.facts.some((f) => f.name === name)) return
    this.facts.push({ name, value: v, source: { reader: this.reader, field } })
  }

  time(name: FactName, value: string | null, field: string): void {
    if (value) this.add(name, value, field)
  }

  /** A number given as text ("29.970", "1920"). */
  num(name: FactName, value: unknown, field: string): void {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
    if (Number.isFinite(n)) this.add(name, n, field)
  }
}

/** "30000/1001" → 29.97 */
export function ratio(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const [a, b] = text.split('/').map(Number)
  if (!Number.isFinite(a) || !b) return undefined
  return Math.round((a / b) * 1000) / 1000
}

/** An ISO 6709 position ("+44.9778-093.2650+250.000/") as QuickTime and Android write it. */
export function iso6709(text: unknown): { latitude: number; longitude: number; altitude?: number } | null {
  if (typeof text !== 'string') return null
  const m = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?/.exec(text.trim())
  if (!m) return null
  const latitude = Number(m[1])
  const longitude = Number(m[2])
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude, ...(m[3] ? { altitude: Number(m[3]) } : {}) }
}

export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e)
  return msg.replace(/\s+/g, ' ').trim().slice(0, 300)
}

/**
 * One HTTP byte range against a file of known size: what the blob protocol
 * answers the player with, and what the loopback that lends a sealed blob to
 * ffmpeg answers it with (plainLoopback.ts).
 */
export type ByteRange = { start: number; end: number } | 'whole' | 'unsatisfiable'

/** Parses a Range header against a file of `size` bytes (RFC 9110 §14). */
export function parseRange(header: string | null, size: number): ByteRange {
  if (header === null) return 'whole'
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header)
  if (!m) return 'unsatisfiable'
  if (m[1].includes(',')) return 'whole'
  const r = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(m[1])
  if (!r || (r[1] === '' && r[2] === '')) return 'unsatisfiable'
  const a = r[1] === '' ? null : Number(r[1])
  const b = r[2] === '' ? null : Number(r[2])
  if ((a !== null && !Number.isSafeInteger(a)) || (b !== null && !Number.isSafeInteger(b))) return 'unsatisfiable'
  if (a === null) {
    // Suffix: the last b bytes.
    if (b === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - b!), end: size - 1 }
  }
  if (a >= size) return 'unsatisfiable'
  if (b === null) return { start: a, end: size - 1 }
  if (b < a) return 'unsatisfiable'
  return { start: a, end: Math.min(b, size - 1) }
}

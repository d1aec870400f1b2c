/** The longest file name the usual file systems take, in bytes (not characters). */
export const NAME_MAX = 255

/**
 * `text` cut by whole characters (code points, never half of one) to at most `max` UTF-8 bytes,
 * dropping from its start or from its end.
 */
export function cutToBytes(text: string, max: number, drop: 'start' | 'end'): string {
  if (Buffer.byteLength(text) <= max) return text
  const chars = Array.from(text)
  let bytes = Buffer.byteLength(text)
  while (chars.length && bytes > max) bytes -= Buffer.byteLength(drop === 'start' ? chars.shift()! : chars.pop()!)
  return chars.join('')
}

/** A moment as a file name's start that sorts in time order and holds no ':' (refused on Windows). */
export const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-')

/**
 * Perceptual hashes of a 32×32 grayscale picture (one byte a pixel), the same
 * for still images (decoded by sharp) and for video keyframes (decoded by
 * ffmpeg), so a still can be found in a clip:
 *  - dHash: the picture shrunk to 9×8 by area, one bit per pair of neighbours
 *    (is the right one brighter?). Stable under re-encoding, resizing and small crops.
 *  - pHash: the lowest 8×8 frequencies of the picture's 2-D DCT, one bit each
 *    (above the median?). Separates unrelated pictures that dHash confuses.
 * Two pictures match when both hashes are close (NEAR_DUPLICATE).
 */
export const SIDE = 32
export const PIXELS = SIDE * SIDE

const COS: Float64Array[] = Array.from({ length: 8 }, (_, u) => {
  const row = new Float64Array(SIDE)
  for (let x = 0; x < SIDE; x++) row[x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE))
  return row
})

const hex16 = (hi: number, lo: number) =>
  (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')

/** 64 bits, most significant first, as 16 hex digits. */
function bitsToHex(bits: ArrayLike<boolean>): string {
  let hi = 0
  let lo = 0
  for (let i = 0; i < 32; i++) hi = (hi << 1) | (bits[i] ? 1 : 0)
  for (let i = 32; i < 64; i++) lo = (lo << 1) | (bits[i] ? 1 : 0)
  return hex16(hi, lo)
}

/** The picture shrunk to w×h by area averaging. */
function shrink(px: Uint8Array, w: number, h: number): Float64Array {
  const out = new Float64Array(w * h)
  for (let y = 0; y < h; y++) {
    const y0 = (y * SIDE) / h
    const y1 = ((y + 1) * SIDE) / h
    for (let x = 0; x < w; x++) {
      const x0 = (x * SIDE) / w
      const x1 = ((x + 1) * SIDE) / w
      let sum = 0
      let area = 0
      for (let yy = Math.floor(y0); yy < Math.ceil(y1); yy++) {
        const wy = Math.min(yy + 1, y1) - Math.max(yy, y0)
        for (let xx = Math.floor(x0); xx < Math.ceil(x1); xx++) {
          const wx = Math.min(xx + 1, x1) - Math.max(xx, x0)
          sum += px[yy * SIDE + xx] * wx * wy
          area += wx * wy
        }
      }
      out[y * w + x] = sum / area
    }
  }
  return out
}

export function dHash(px: Uint8Array): string {
  const d = shrink(px, 9, 8)
  const bits: boolean[] = []
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits.push(d[y * 9 + x] < d[y * 9 + x + 1])
  return bitsToHex(bits)
}

export function pHash(px: Uint8Array): string {
  const coef = new Float64Array(64)
  const rows = new Float64Array(8 * SIDE) // rows[u][y] = sum_x px[y][x] cos_u(x)
  for (let u = 0; u < 8; u++)
    for (let y = 0; y < SIDE; y++) {
      let s = 0
      for (let x = 0; x < SIDE; x++) s += px[y * SIDE + x] * COS[u][x]
      rows[u * SIDE + y] = s
    }
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let s = 0
      for (let y = 0; y < SIDE; y++) s += rows[u * SIDE + y] * COS[v][y]
      coef[v * 8 + u] = s
    }
  const sorted = Array.from(coef.subarray(1)).sort((a, b) => a - b)
  const median = (sorted[31] + sorted[32]) / 2
  return bitsToHex(Array.from(coef, (c) => c > median))
}

/** A picture with almost no contrast (black, white, a fade): its hashes are noise, so it is not matched. */
export function isFlat(px: Uint8Array): boolean {
  let sum = 0
  let sq = 0
  for (let i = 0; i < PIXELS; i++) {
    sum += px[i]
    sq += px[i] * px[i]
  }
  const mean = sum / PIXELS
  return Math.sqrt(Math.max(0, sq / PIXELS - mean * mean)) < 4
}

/** Hashes as pairs of 32-bit halves, for fast comparisons. */
export function unpack(hex: string): Uint32Array {
  const n = hex.length / 16
  const out = new Uint32Array(n * 2)
  for (let i = 0; i < n; i++) {
    out[2 * i] = parseInt(hex.slice(i * 16, i * 16 + 8), 16)
    out[2 * i + 1] = parseInt(hex.slice(i * 16 + 8, i * 16 + 16), 16)
  }
  return out
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Hamming distance between hash i of a and hash j of b (unpacked). */
export const distance = (a: Uint32Array, i: number, b: Uint32Array, j: number): number =>
  popcount(a[2 * i] ^ b[2 * j]) + popcount(a[2 * i + 1] ^ b[2 * j + 1])

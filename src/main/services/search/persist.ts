/**
 * The index on disk, in cache/: search-index.json (the commit point: the
 * vocabulary, case data, and every source file read with its fingerprint),
 * the numeric columns and posting lists in search-postings-<gen>.bin, and the
 * texts in search-docs-<gen>.bin. The next open loads these instead of
 * rebuilding, and re-reads only files that changed. Binary parts get a new
 * generation on each save, so a crash mid-save leaves the previous index.json
 * pointing at files that still match it.
 */
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { durableWriteFile } from '@main/storage/durableWrite'
import { decodeUtf8, readRegularFile } from '@main/storage/safeRead'
import { DocStore } from './docstore'
import { SearchEngine } from './engine'

/** Bump when the engine's layout or the text folding changes: an old cache is then rebuilt. */
export const INDEX_FORMAT = 3

const NONE = 0xffffffff

interface Persisted {
  format: number
  count: number
  caseIds: string[]
  caseMeta: { reference: string; title: string }[]
  statuteCases: [string, string[]][]
  terms: string[]
  /** Evidence ids and tag lists, stored once; the columns refer to them by index. */
  strings: string[]
  tagLists: string[][]
  /** [key, fingerprint, number of documents]; the ordinals follow in the binary file. */
  sources: [string, number, number][]
  evidence: [string, number][]
  postingsGen: number
  docs: { gen: number; size: number }
}

/** 53 bits of a string: fingerprints as numbers take a fraction of the memory of their text. */
export function hash53(s: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

const postingsName = (gen: number) => `search-postings-${gen}.bin`

/** Float64 sections first (alignment), then Uint32 ones; their lengths are implied by the meta. */
function pack(
  engine: SearchEngine,
  fingerprints: Map<string, number>,
  strings: Map<string, number>,
  tagLists: Map<string[], number>,
): Buffer {
  const n = engine.kinds.length
  const t = engine.terms.length
  const f64 = new Float64Array(2 * n)
  f64.set(engine.dates, 0)
  f64.set(engine.texts.offsets, n)
  let sourceOrds = 0
  for (const key of fingerprints.keys()) sourceOrds += engine.sources.get(key)?.length ?? 0
  let postings = 0
  for (let i = 0; i < t; i++) postings += engine.base[i]?.length ?? 0
  const u32 = new Uint32Array(5 * n + sourceOrds + t + 1 + postings)
  let at = 0
  for (let o = 0; o < n; o++) {
    u32[at++] = engine.kinds[o] | (engine.evidenceKinds[o] << 8) | (engine.verifications[o] << 16)
  }
  for (let o = 0; o < n; o++) u32[at++] = engine.caseOrds[o]
  for (let o = 0; o < n; o++) u32[at++] = engine.evidenceIds[o] === null ? NONE : strings.get(engine.evidenceIds[o]!)!
  for (let o = 0; o < n; o++) u32[at++] = tagLists.get(engine.tags[o]) ?? 0
  for (let o = 0; o < n; o++) u32[at++] = engine.texts.lengths[o] ?? 0
  for (const key of fingerprints.keys()) for (const o of engine.sources.get(key) ?? []) u32[at++] = o
  const offsetsAt = at
  u32[at++] = 0
  for (let i = 0; i < t; i++) u32[at++] = u32[offsetsAt + i] + (engine.base[i]?.length ?? 0)
  for (let i = 0; i < t; i++) {
    const list = engine.base[i]
    if (!list) continue
    u32.set(list, at)
    at += list.length
  }
  return Buffer.concat([Buffer.from(f64.buffer), Buffer.from(u32.buffer)])
}

function restore(
  meta: Persisted,
  buf: Buffer,
  cacheDir: string,
): { engine: SearchEngine; fingerprints: Map<string, number> } | null {
  const n = meta.count
  const t = meta.terms.length
  // Views straight onto the read buffer when it is aligned (a big file's always is); else one copy.
  const whole = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf)
  const f64 = new Float64Array(whole.buffer, whole.byteOffset, 2 * n)
  const u32 = new Uint32Array(whole.buffer, whole.byteOffset + f64.byteLength, (whole.byteLength - f64.byteLength) / 4)
  const e = new SearchEngine(new DocStore(cacheDir))
  let at = 0
  const packed = u32.subarray(at, (at += n))
  e.kinds = Array.from(packed, (v) => v & 0xff)
  e.evidenceKinds = Array.from(packed, (v) => (v >>> 8) & 0xff)
  e.verifications = Array.from(packed, (v) => (v >>> 16) & 0xff)
  e.caseOrds = Array.from(u32.subarray(at, (at += n)))
  e.evidenceIds = Array.from(u32.subarray(at, (at += n)), (v) => (v === NONE ? null : meta.strings[v]))
  const EMPTY: string[] = []
  e.tags = Array.from(u32.subarray(at, (at += n)), (v) => (v === 0 ? EMPTY : meta.tagLists[v - 1]))
  const lengths = Array.from(u32.subarray(at, (at += n)))
  if (!e.texts.attach(meta.docs.gen, meta.docs.size, Array.from(f64.subarray(n, 2 * n)), lengths)) return null
  e.dates = Array.from(f64.subarray(0, n))
  const fingerprints = new Map<string, number>()
  for (const [key, fp, count] of meta.sources) {
    fingerprints.set(key, fp)
    if (count) e.sources.set(key, Array.from(u32.subarray(at, (at += count))))
  }
  const offsets = u32.subarray(at, (at += t + 1))
  if (u32.length !== at + offsets[t]) return null
  e.base = meta.terms.map((_, i) => u32.subarray(at + offsets[i], at + offsets[i + 1]))
  e.tail = new Array(t)
  e.terms = meta.terms
  e.termIds = new Map(meta.terms.map((term, i) => [term, i]))
  e.sorted = [...meta.terms].sort()
  e.unsorted = []
  e.caseIds = meta.caseIds
  e.caseIndex = new Map(meta.caseIds.map((id, i) => [id, i]))
  e.caseMeta = meta.caseMeta
  e.statuteCases = new Map(meta.statuteCases)
  e.evidenceOrd = new Map(meta.evidence)
  e.postingsGen = meta.postingsGen
  return { engine: e, fingerprints }
}

/** The persisted index, or null when there is none or it does not fit together (then: rebuild). */
export async function loadIndex(
  path: string,
): Promise<{ engine: SearchEngine; fingerprints: Map<string, number> } | null> {
  const dir = dirname(path)
  try {
    // Strict: a cache damaged into invalid UTF-8 or replaced by a FIFO is rebuilt, never half-read.
    const text = decodeUtf8(await readRegularFile(path))
    if (text === null) return null
    const meta = JSON.parse(text) as Persisted
    if (meta?.format !== INDEX_FORMAT) return null
    return restore(meta, await readRegularFile(join(dir, postingsName(meta.postingsGen))), dir)
  } catch {
    // A damaged or partial cache is only a slower start.
    return null
  }
}

/** Writes the binary parts under new generations, then index.json naming them, then drops old generations. */
export async function saveIndex(path: string, engine: SearchEngine, fingerprints: Map<string, number>): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  engine.compact()
  engine.texts.flush(true)
  const strings = new Map<string, number>()
  for (const id of engine.evidenceIds) if (id !== null && !strings.has(id)) strings.set(id, strings.size)
  const tagLists = new Map<string[], number>()
  for (const list of engine.tags) if (list.length && !tagLists.has(list)) tagLists.set(list, tagLists.size + 1)
  const gen = engine.postingsGen + 1
  await durableWriteFile(join(dir, postingsName(gen)), pack(engine, fingerprints, strings, tagLists))
  const meta: Persisted = {
    format: INDEX_FORMAT,
    count: engine.kinds.length,
    caseIds: engine.caseIds,
    caseMeta: engine.caseMeta,
    statuteCases: [...engine.statuteCases],
    terms: engine.terms,
    strings: [...strings.keys()],
    tagLists: [...tagLists.keys()],
    sources: [...fingerprints].map(([key, fp]) => [key, fp, engine.sources.get(key)?.length ?? 0]),
    evidence: [...engine.evidenceOrd],
    postingsGen: gen,
    docs: { gen: engine.texts.gen, size: engine.texts.size },
  }
  await durableWriteFile(path, JSON.stringify(meta))
  const old = engine.postingsGen
  engine.postingsGen = gen
  if (old) await rm(join(dir, postingsName(old)), { force: true })
  engine.texts.prune()
}

/** Before a rebuild: the old index must not be trusted if the rebuild is cut short. */
export async function discardIndex(path: string): Promise<void> {
  await rm(path, { force: true })
}

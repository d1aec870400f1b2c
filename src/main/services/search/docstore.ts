/**
 * Titles and bodies of indexed documents, kept on disk (cache/search-docs-<gen>.bin)
 * instead of in memory: only the ~50 hits a query shows need them, and a few
 * positional reads from the page cache cost far less than holding 600,000
 * strings in the main process. Append-only; a compaction writes a new generation.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { openBytes, sealBytes } from '@main/storage/crypto/seal'
import { vaultFor, type VaultHit } from '@main/storage/crypto/vault'

const FLUSH_BYTES = 4 << 20
const LATIN1 = 0x4c // 'L'
const UTF16 = 0x55 // 'U'
const BEYOND_LATIN1 = /[\u0100-\uffff]/

/** What a query shows of a document, and the folded forms its snippets are matched in. */
export interface DocTexts {
  title: string
  body: string
  id: string
  /** fold(title), fold(body): kept so answering a query never folds a hit's text again. */
  titleFolded: string
  bodyFolded: string
}

/**
 * A record is a marker byte, then a header `<title>,<id>,<folded title>,<folded body>,` of
 * lengths, then the texts, as Latin-1 when every character fits (Spanish and English do:
 * one byte each, and decoding is a copy) or else as UTF-16. A folded text equal to the
 * lower-cased original (all English) is not stored: its length is written as 0, else as
 * length + 1. Decoding UTF-8, parsing JSON and folding every hit's text again were most
 * of what a query cost.
 */
export function encodeRecord(d: DocTexts): Buffer {
  const titleFolded = d.titleFolded === d.title.toLowerCase() ? null : d.titleFolded
  const bodyFolded = d.bodyFolded === d.body.toLowerCase() ? null : d.bodyFolded
  const text =
    `${d.title.length},${d.id.length},${titleFolded === null ? 0 : titleFolded.length + 1},` +
    `${bodyFolded === null ? 0 : bodyFolded.length + 1},${d.title}${d.id}${titleFolded ?? ''}${bodyFolded ?? ''}${d.body}`
  const wide = BEYOND_LATIN1.test(text)
  // UTF-16 starts at an even offset (a pad byte after the marker): unaligned text is copied before decoding.
  const buf = Buffer.allocUnsafe(wide ? 2 + 2 * text.length : 1 + text.length)
  buf[0] = wide ? UTF16 : LATIN1
  if (wide) buf[1] = 0
  buf.write(text, wide ? 2 : 1, wide ? 'utf16le' : 'latin1')
  return buf
}

/** A record that cannot be what encodeRecord wrote: the cache file was damaged or cut short. */
export class DamagedRecord extends Error {
  constructor() {
    super('A record of the search index cache is damaged.')
  }
}

export function decodeRecord(buf: Buffer, start: number, end: number): DocTexts {
  const wide = buf[start] === UTF16
  if (!wide && buf[start] !== LATIN1) throw new DamagedRecord()
  const step = wide ? 2 : 1
  const encoding = wide ? 'utf16le' : 'latin1'
  const lengths = [0, 0, 0, 0]
  let at = start + step
  for (let k = 0; k < 4; k++, at += step) {
    for (let digits = 0; buf[at] !== 0x2c; at += step, digits++) {
      const d = buf[at] - 0x30
      if (at >= end || !(d >= 0 && d <= 9) || digits > 9) throw new DamagedRecord()
      lengths[k] = lengths[k] * 10 + d
    }
  }
  // Each field decoded on its own: slices of one decoded string are slower to scan afterwards.
  const idAt = at + lengths[0] * step
  const titleFoldedAt = idAt + lengths[1] * step
  const bodyFoldedAt = titleFoldedAt + Math.max(0, lengths[2] - 1) * step
  const bodyAt = bodyFoldedAt + Math.max(0, lengths[3] - 1) * step
  if (bodyAt > end || (end - bodyAt) % step) throw new DamagedRecord()
  const title = buf.toString(encoding, at, idAt)
  const body = buf.toString(encoding, bodyAt, end)
  return {
    title,
    body,
    id: buf.toString(encoding, idAt, titleFoldedAt),
    titleFolded: lengths[2] ? buf.toString(encoding, titleFoldedAt, bodyFoldedAt) : title.toLowerCase(),
    bodyFolded: lengths[3] ? buf.toString(encoding, bodyFoldedAt, bodyAt) : body.toLowerCase(),
  }
}

const EMPTY: DocTexts = { title: '', body: '', id: '', titleFolded: '', bodyFolded: '' }

export class DocStore {
  offsets: number[] = []
  lengths: number[] = []
  /** Texts not yet on disk, by ordinal. */
  private pending = new Map<number, Buffer>()
  private pendingBytes = 0
  private fd: number | null = null
  private readBuf = Buffer.allocUnsafe(64 << 10)
  size = 0
  liveBytes = 0

  /** `dir` null keeps everything in memory (a workspace on read-only media). */
  /**
   * In an encrypted workspace each record is sealed on its own (records are read one at a time by
   * offset), bound to the store's name without its generation (compaction copies records as they are).
   */
  private readonly vault: VaultHit | null

  constructor(
    private readonly dir: string | null,
    public gen = 1,
  ) {
    this.vault = dir ? vaultFor(join(dir, 'search-docs.bin')) : null
  }

  private decode(buf: Buffer, start: number, end: number): DocTexts {
    if (!this.vault) return decodeRecord(buf, start, end)
    let plain: Buffer
    try {
      plain = openBytes(this.vault.key, this.vault.rel, buf.subarray(start, end), 'record')
    } catch {
      throw new DamagedRecord()
    }
    return decodeRecord(plain, 0, plain.length)
  }

  fileName(gen = this.gen): string {
    return `search-docs-${gen}.bin`
  }

  private path(gen = this.gen): string {
    return join(this.dir!, this.fileName(gen))
  }

  /** Reopens a generation written earlier; false when it is missing or shorter than the index expects. */
  attach(gen: number, size: number, offsets: number[], lengths: number[]): boolean {
    if (!this.dir || !existsSync(this.path(gen))) return false
    const fd = openSync(this.path(gen), 'r+')
    if (fstatSync(fd).size < size) {
      closeSync(fd)
      return false
    }
    this.fd = fd
    this.gen = gen
    this.size = size
    this.offsets = offsets
    this.lengths = lengths
    this.liveBytes = lengths.reduce((s, l) => s + l, 0)
    return true
  }

  private ensureFile(): number | null {
    if (!this.dir) return null
    if (this.fd === null) {
      mkdirSync(this.dir, { recursive: true })
      this.fd = openSync(this.path(), 'w+')
      this.size = 0
    }
    return this.fd
  }

  put(ord: number, texts: DocTexts): void {
    const plain = encodeRecord(texts)
    const buf = this.vault ? sealBytes(this.vault.key, this.vault.rel, plain, 'record') : plain
    this.pending.set(ord, buf)
    this.pendingBytes += buf.length
    this.offsets[ord] = -1
    this.lengths[ord] = buf.length
    this.liveBytes += buf.length
    if (this.pendingBytes >= FLUSH_BYTES) this.flush()
  }

  drop(ord: number): void {
    this.liveBytes -= this.lengths[ord] ?? 0
    this.lengths[ord] = 0
    const buf = this.pending.get(ord)
    if (buf) {
      this.pendingBytes -= buf.length
      this.pending.delete(ord)
    }
  }

  get(ord: number): DocTexts {
    const buf = this.pending.get(ord)
    if (buf) return this.decode(buf, 0, buf.length)
    const len = this.lengths[ord]
    if (!len || this.fd === null || this.offsets[ord] < 0) return EMPTY
    // One reused buffer for the usual record; a huge one gets its own, so the worker does not keep it.
    const into = len <= this.readBuf.length ? this.readBuf : Buffer.allocUnsafe(len)
    if (readSync(this.fd, into, 0, len, this.offsets[ord]) !== len) throw new DamagedRecord()
    return this.decode(into, 0, len)
  }

  /** Appends pending texts to the file in one write. */
  flush(sync = false): void {
    const fd = this.ensureFile()
    if (fd === null || !this.pending.size) return
    const parts: Buffer[] = []
    let at = this.size
    for (const [ord, buf] of this.pending) {
      this.offsets[ord] = at
      at += buf.length
      parts.push(buf)
    }
    const all = Buffer.concat(parts)
    let written = 0
    while (written < all.length) written += writeSync(fd, all, written, all.length - written, this.size + written)
    this.size = at
    this.pending.clear()
    this.pendingBytes = 0
    if (sync) fsyncSync(fd)
  }

  /** Worth rewriting once most of the file is texts of removed documents. */
  get wasteful(): boolean {
    return this.size > 8 << 20 && this.size > 2 * this.liveBytes
  }

  /**
   * Applies an ordinal renumbering (`remap[old]` = new or -1). With `rewrite`,
   * live texts move to a new generation file and the old one is left for the
   * caller to delete once an index pointing at the new one is saved.
   */
  renumber(remap: Int32Array, count: number, rewrite: boolean): void {
    const offsets: number[] = new Array(count)
    const lengths: number[] = new Array(count)
    const pending = new Map<number, Buffer>()
    for (let old = 0; old < remap.length; old++) {
      const o = remap[old]
      if (o < 0) continue
      offsets[o] = this.offsets[old]
      lengths[o] = this.lengths[old]
      const p = this.pending.get(old)
      if (p) pending.set(o, p)
    }
    if (rewrite && this.fd !== null) {
      const next = this.gen + 1
      const fd = openSync(this.path(next), 'w+')
      let at = 0
      for (let o = 0; o < count; o++) {
        if (pending.has(o) || !lengths[o]) continue
        const buf = Buffer.allocUnsafe(lengths[o])
        readSync(this.fd, buf, 0, lengths[o], offsets[o])
        writeSync(fd, buf, 0, buf.length, at)
        offsets[o] = at
        at += buf.length
      }
      closeSync(this.fd)
      this.fd = fd
      this.gen = next
      this.size = at
    }
    this.offsets = offsets
    this.lengths = lengths
    this.pending = pending
  }

  /** Deletes generations other than the current one (after the index naming it is on disk). */
  prune(): void {
    if (!this.dir) return
    for (let g = this.gen - 1; g >= Math.max(1, this.gen - 5); g--) rmSync(this.path(g), { force: true })
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

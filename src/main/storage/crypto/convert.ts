/**
 * Converting one stored file between plain and sealed, in place and atomically:
 * the converted bytes go to a temp file beside it (sealed already when sealing:
 * no plain copy is ever made), which is synced and renamed over the original,
 * then the folder is synced. A stop at any moment leaves the old file or the new
 * one, never half of either; the temp file a stop leaves (`.<name>.<pid>.<random>.converting`,
 * leftovers.ts) is removed when the migration is resumed, never converted as a file.
 *
 * Each file says for itself which state it is in (a sealed file opens with the
 * key, a plain one does not), so a migration can be resumed from any point.
 */
import { randomBytes } from 'node:crypto'
import { stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, posix } from 'node:path'
import { tempStem } from '../durableWrite'
import { entriesIn } from '../folders'
import { fsio, writeAll } from '../fsio'
import { layout } from '../layout'
import { leftoverOf } from '../leftovers'
import { originalOf, RESOLVED_DIR, SET_ASIDE_DIR } from '../quarantine'
import { openRegularFile, readRawFile } from '../safeRead'
import { sealInto } from './sealThread'
import { isSealedBlob, openSealedBlob } from './segments'
import { LINE_PREFIX, looksSealed, openBytes, openLine, sealBytes, sealLine } from './seal'
import { vaultFor } from './vault'

export type StoredKind = 'blob' | 'lines' | 'file'
export type Direction = 'seal' | 'open'

/** The audit log is sealed line by line, so appends stay appends. */
export const LINE_SEALED_FILES = new Set(['audit.log.jsonl'])
const BLOCK = 1024 * 1024

export function kindOfStored(rel: string): StoredKind {
  if (rel.startsWith('blobs/')) return 'blob'
  return LINE_SEALED_FILES.has(rel) ? 'lines' : 'file'
}

/** Writes `produce`'s bytes to a temp file beside `abs` and renames it over `abs`. */
async function replaceWith(abs: string, produce: (fh: FileHandle) => Promise<void>, mode: number): Promise<void> {
  const dir = dirname(abs)
  const temp = join(dir, `.${tempStem(basename(abs))}.${process.pid}.${randomBytes(6).toString('hex')}.converting`)
  const fh = await fsio.open(temp, 'wx', 0o600)
  let renamed = false
  try {
    try {
      await produce(fh)
      await fsio.sync(fh)
      await fh.chmod(mode)
    } finally {
      await fsio.close(fh)
    }
    await fsio.rename(temp, abs)
    renamed = true
  } finally {
    if (!renamed) await fsio.unlink(temp).catch(() => undefined)
  }
  await fsio.syncDir(dir)
}

function isSealedFile(key: Buffer, rel: string, bytes: Buffer): boolean {
  if (!looksSealed(bytes)) return false
  try {
    openBytes(key, rel, bytes)
    return true
  } catch {
    return false
  }
}

/**
 * A case's folder moved to the trash whole (trash/<entry>/<case id>/…) keeps its files sealed for their place
 * in cases/, where a restore puts them back: its place there. Null for any other path.
 */
function trashedPlace(parts: string[]): string | null {
  return parts[0] === layout.trashDir && parts.length >= 4 ? [layout.casesDir, ...parts.slice(2)].join('/') : null
}

/** The place a file is sealed for: its own, but a trashed case's file's place in cases/. */
const sealPlace = (rel: string): string => trashedPlace(rel.split('/')) ?? rel

/**
 * Where a file under quarantine/ came from: the place its name gives (`<stamp>__cases~<id>~case.json`),
 * or, inside a folder set aside whole, the folder's place and the rest of the path. Null elsewhere.
 */
function formerPlace(rel: string): string | null {
  const parts = rel.split('/')
  const trashed = trashedPlace(parts)
  if (trashed) return trashed
  if (parts[0] !== layout.quarantineDir) return null
  const at = parts[1] === SET_ASIDE_DIR || parts[1] === RESOLVED_DIR ? 2 : 1
  const from = originalOf(parts[at] ?? '')
  return from === null ? null : [from, ...parts.slice(at + 1)].join('/')
}

/**
 * The places a file may be sealed for: its own; for a quarantined one (moved there as it was), where it
 * came from, and for a write's temp file the file it was replacing. Each is tried as what is stored there
 * (a blob in segments, the audit log line by line); one that opens at none is kept as it is.
 */
export function placesOf(rel: string): string[] {
  const from = formerPlace(rel)
  if (!from) return [rel]
  const left = leftoverOf(posix.basename(from))
  return left?.kind === 'write' ? [rel, from, posix.join(posix.dirname(from), left.of)] : [rel, from]
}

/**
 * Converts one file; a file already in that state is left. Opening tries each place the file may have been
 * sealed for, and stops at the first that takes it.
 */
export async function convertFile(key: Buffer, root: string, rel: string, to: Direction): Promise<void> {
  for (const place of to === 'open' ? placesOf(rel) : [sealPlace(rel)])
    if (await convertAs(key, root, rel, place, to)) return
}

/** Converts the file at `rel` as the file stored at `place` (whose path is its associated data). */
async function convertAs(key: Buffer, root: string, rel: string, place: string, to: Direction): Promise<boolean> {
  const abs = join(root, rel)
  const kind = kindOfStored(place)
  const src = await openRegularFile(abs)
  let mode: number
  try {
    mode = (await src.stat()).mode & 0o777
    if (kind === 'blob') {
      const sealed = await isSealedBlob(key, place, src)
      if (sealed === (to === 'seal')) return false
      await replaceWith(
        abs,
        (out) => (to === 'seal' ? sealBlob(key, place, src, out) : openBlob(key, place, src, out)),
        mode,
      )
      return true
    }
  } finally {
    await src.close()
  }
  const bytes = await readRawFile(abs)
  let next: Buffer | null
  if (kind === 'lines') next = convertLines(key, place, bytes, to)
  // Sealed already for any place it may be sealed for (moved as it was, or by an earlier run): never sealed twice.
  else if (to === 'seal')
    next = placesOf(rel).some((p) => isSealedFile(key, p, bytes)) ? null : sealBytes(key, place, bytes)
  else next = isSealedFile(key, place, bytes) ? openBytes(key, place, bytes) : null
  if (!next) return false
  const out = next
  await replaceWith(abs, (fh) => writeAll(fh, out, 0), mode)
  return true
}

/** Line by line; a line already in the target state is kept (a resumed run), a torn tail is kept as it is. */
function convertLines(key: Buffer, rel: string, bytes: Buffer, to: Direction): Buffer | null {
  const text = bytes.toString('latin1')
  const end = text.lastIndexOf('\n') + 1
  const lines = text.slice(0, end).split('\n').slice(0, -1)
  let changed = false
  const out = lines.map((raw) => {
    const line = Buffer.from(raw, 'latin1').toString('utf8')
    const opened = line.startsWith(LINE_PREFIX) ? openLine(key, rel, line) : null
    if (to === 'seal' && opened === null && line.length > 0) {
      changed = true
      return sealLine(key, rel, line)
    }
    if (to === 'open' && opened !== null) {
      changed = true
      return opened
    }
    return line
  })
  if (!changed) return null
  const tail = bytes.subarray(Buffer.byteLength(text.slice(0, end), 'latin1'))
  return Buffer.concat([Buffer.from(out.map((l) => `${l}\n`).join(''), 'utf8'), tail])
}

async function sealBlob(key: Buffer, rel: string, src: FileHandle, out: FileHandle): Promise<void> {
  await sealInto(key, rel, readBlocks(src), (bytes, at) => writeAll(out, bytes, at))
}

/** The file's bytes a block at a time, in one reused buffer (the sealer copies what it is given). */
async function* readBlocks(src: FileHandle): AsyncGenerator<Buffer> {
  const buf = Buffer.allocUnsafe(BLOCK)
  for (let pos = 0; ;) {
    const { bytesRead } = await src.read(buf, 0, BLOCK, pos)
    if (bytesRead === 0) return
    pos += bytesRead
    yield buf.subarray(0, bytesRead)
  }
}

async function openBlob(key: Buffer, rel: string, src: FileHandle, out: FileHandle): Promise<void> {
  const blob = await openSealedBlob(key, rel, src)
  let pos = 0
  for await (const part of blob.range(0, blob.size - 1)) {
    await writeAll(out, part, pos)
    pos += part.length
  }
}

/**
 * A trashed case's files sealed for their place in the trash (as encryption sealed them before 5 December
 * 2026) are sealed again for their place in cases/, where a restore puts them: read, opened and sealed in
 * memory, replaced atomically; no plain copy touches the disk. Files that already open there are left.
 * Returns how many were sealed again; none in a plain workspace.
 */
export async function resealTrashedFolder(root: string, relDir: string): Promise<number> {
  let done = 0
  for (const rel of await filesUnder(root, relDir.split(/[\\/]/).join('/'))) {
    const abs = join(root, rel)
    const vault = vaultFor(abs)
    const place = trashedPlace(rel.split('/'))
    if (!vault || !place) continue
    const bytes = await readRawFile(abs).catch(() => null)
    if (!bytes || !looksSealed(bytes) || isSealedFile(vault.key, place, bytes) || !isSealedFile(vault.key, rel, bytes))
      continue
    const sealed = sealBytes(vault.key, place, openBytes(vault.key, rel, bytes))
    const mode = (await stat(abs)).mode & 0o777
    await replaceWith(abs, (fh) => writeAll(fh, sealed, 0), mode)
    done++
  }
  return done
}

async function filesUnder(root: string, relDir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await entriesIn(root, relDir)) {
    const rel = `${relDir}/${e.name}`
    if (e.type === 'folder') out.push(...(await filesUnder(root, rel)))
    else if (e.type === 'file') out.push(rel)
  }
  return out
}

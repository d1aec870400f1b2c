import { mkdir, readdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { cutToBytes, NAME_MAX, stampOf } from './fileNames'

/** Quarantined files whose original has since been restored or rebuilt: kept, no longer reported. */
export const RESOLVED_DIR = 'resolved'
/** What repair moved out of the way that never failed to load (stale temp files, empty folders, torn tails). */
export const SET_ASIDE_DIR = 'set-aside'

/** `~` stands for the folder separator: ids (SAFE_ID) and our file names never contain it. */
const flatName = (relPath: string) => relPath.split(/[\\/]/).join('~')

/**
 * `prefix` and the flattened path, cut to a name the file system takes: the path's start (its folders)
 * goes first, marked with '…', as its end names the file. A leftover's own name may be near the limit.
 */
function fitted(prefix: string, flat: string): string {
  if (Buffer.byteLength(prefix + flat) <= NAME_MAX) return prefix + flat
  return `${prefix}…${cutToBytes(flat, NAME_MAX - Buffer.byteLength(`${prefix}…`), 'start')}`
}

/** The workspace path a quarantined file was at, from its name (null when the name was cut to fit). */
export function originalOf(quarantinedName: string): string | null {
  const at = quarantinedName.indexOf('__')
  if (at < 0) return null
  const flat = quarantinedName.slice(at + 2)
  return flat.startsWith('…') ? null : flat.split('~').join('/')
}

/**
 * quarantine/<stamp>__cases~<id>~case.json: the bad file, byte for byte, out of the way.
 * A second file set aside in the same millisecond gets a -1, -2 ... suffix on its stamp.
 */
export async function quarantineFile(
  root: string,
  quarantineDir: string,
  relPath: string,
  now: Date,
  subDir?: string,
  /** Where the file lies now, when not at relPath (a case's file in the trash, set aside as its place's). */
  fromRel = relPath,
): Promise<string> {
  const rel = subDir ? join(quarantineDir, subDir) : quarantineDir
  const dir = join(root, rel)
  await mkdir(dir, { recursive: true })
  const taken = new Set(await readdir(dir))
  let name = fitted(`${stampOf(now)}__`, flatName(relPath))
  for (let n = 1; taken.has(name); n++) name = fitted(`${stampOf(now)}-${n}__`, flatName(relPath))
  await rename(join(root, fromRel), join(dir, name))
  return join(rel, name)
}

/** Files quarantined because they failed to load (not those resolved or set aside). */
export async function listQuarantined(
  root: string,
  quarantineDir: string,
): Promise<{ file: string; original: string }[]> {
  let entries
  try {
    entries = await readdir(join(root, quarantineDir), { withFileTypes: true })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw e
  }
  return entries
    .filter((d) => !(d.isDirectory() && (d.name === RESOLVED_DIR || d.name === SET_ASIDE_DIR)) && d.name.includes('__'))
    .map((d) => d.name)
    .sort()
    .map((n) => ({ file: join(quarantineDir, n), original: join(...n.slice(n.indexOf('__') + 2).split('~')) }))
}

/** Moves the quarantined copies of `relPath` to quarantine/resolved/ (its original is whole again). */
export async function resolveQuarantined(root: string, quarantineDir: string, relPath: string): Promise<string[]> {
  const moved: string[] = []
  for (const q of await listQuarantined(root, quarantineDir)) {
    if (q.original !== relPath) continue
    const dir = join(root, quarantineDir, RESOLVED_DIR)
    await mkdir(dir, { recursive: true })
    const name = q.file.slice(quarantineDir.length + 1)
    await rename(join(root, q.file), join(dir, name))
    moved.push(join(quarantineDir, RESOLVED_DIR, name))
  }
  return moved
}

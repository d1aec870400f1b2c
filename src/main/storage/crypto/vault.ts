/**
 * Which workspace folders are encrypted in this process, with their data keys.
 * The durable writer, the stored-file reader, the audit appender and the blob
 * store ask here: one place decides whether bytes are sealed, so no service
 * needs to know. Paths outside every registered folder, and the few files that
 * must stay readable without the key (keys.json, the lock, the migration
 * journal), pass through unchanged.
 *
 * Dropping a workspace (close, app lock) zeroes the key held here.
 */
import { realpathSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { KEYS_FILE } from './keyfile'
import { aadPath } from './seal'

export const MIGRATION_FILE = 'encryption-migration.json'

/** Never sealed: what opens the rest, what other processes read, and the lock. */
const PLAIN_FILES = new Set([KEYS_FILE, MIGRATION_FILE])
const isPlainFile = (rel: string) => PLAIN_FILES.has(rel) || rel.startsWith('.casefile.lock')

interface Entry {
  key: Buffer
  holders: number
  /** Every spelling it is registered under: dropped by name, with no look at the disk (it may be gone). */
  names: string[]
}
const vaults = new Map<string, Entry>()

export interface VaultHit {
  key: Buffer
  /** Workspace-relative, '/'-separated: the associated data of the file. */
  rel: string
}

/**
 * The folder as given and its real path: the blob reader resolves links (containedBlobPath), so a
 * workspace reached through one (macOS's /tmp is /private/tmp) must be found by either spelling.
 */
function spellings(root: string): string[] {
  const abs = resolve(root)
  let real = abs
  try {
    // One system call, not one per path component (every encrypted open pays for it).
    real = realpathSync.native(abs)
  } catch {
    // Not there (yet): the given spelling is the only one.
  }
  return real === abs ? [abs] : [abs, real]
}

export function registerVault(root: string, key: Buffer): void {
  const given = vaults.get(resolve(root))
  if (given) {
    given.holders++
    return
  }
  const names = spellings(root)
  // The same folder through another link: one entry, so letting go by one spelling leaves the other's key.
  const entry = names.map((n) => vaults.get(n)).find((e) => e !== undefined)
  if (entry) entry.holders++
  const held = entry ?? { key: Buffer.from(key), holders: 1, names: [] }
  for (const n of names) {
    if (!held.names.includes(n)) held.names.push(n)
    vaults.set(n, held)
  }
}

/** One holder lets go; the last one zeroes the key. */
export function dropVault(root: string): void {
  const e = vaults.get(resolve(root))
  if (!e) return
  if (--e.holders > 0) return
  e.key.fill(0)
  for (const n of e.names) if (vaults.get(n) === e) vaults.delete(n)
}

export const isEncrypted = (root: string): boolean => vaults.has(resolve(root))

/** The key and relative path for a file inside an encrypted workspace; null when it is stored plain. */
export function vaultFor(absPath: string): VaultHit | null {
  if (vaults.size === 0) return null
  const abs = resolve(absPath)
  for (const [root, e] of vaults) {
    if (!abs.startsWith(root + sep)) continue
    const rel = aadPath(relative(root, abs))
    return isPlainFile(rel) ? null : { key: e.key, rel }
  }
  return null
}

/** The data key of an encrypted workspace (handed to the search worker thread, which has its own registry). */
export const keyOf = (root: string): Buffer | null => vaults.get(resolve(root))?.key ?? null

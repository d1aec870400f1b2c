/**
 * What a stop can leave in a workspace folder besides whole files: temp files of
 * writes that never reached their rename (ours, `.<name>.<pid>.<random>.tmp`, and
 * write-file-atomic's `<name>.<digits>` from before). `check` lists them and
 * `repair` sets them aside under quarantine/set-aside/ (never deleted: the write
 * was never acknowledged, but nothing is thrown away on a guess). A blob import's
 * partial copy is the exception: a copy of a file still outside the workspace, it is
 * removed by the next writable open (blobStore.sweepIncoming).
 */
import { join } from 'node:path'
import { LEGACY_TEMP_FILE, TEMP_FILE } from './durableWrite'
import { entriesIn } from './folders'
import { SET_ASIDE_DIR, quarantineFile } from './quarantine'

/** The blob store's temp file of an import in progress (blobStore.ts names it). */
const INCOMING_BLOB = /^\.incoming-(\d+)-[0-9a-f]+$/

export interface StaleTemp {
  /** Relative to the workspace. */
  file: string
  /** The file it would have replaced. */
  of: string
  /** A blob import's copy (removed by the next writable open, blobStore.sweepIncoming), not a file's write. */
  importCopy?: true
}

/**
 * Temp files in these folders (relative paths) not written by this process: only one
 * process writes a workspace (the lock), so another's temp file is a write that died.
 */
export async function staleTemps(root: string, dirs: string[]): Promise<StaleTemp[]> {
  const out: StaleTemp[] = []
  for (const dir of dirs) {
    for (const e of await entriesIn(root, dir)) {
      if (e.type === 'folder') continue
      const ours = TEMP_FILE.exec(e.name)
      if (ours && Number(ours[2]) !== process.pid) out.push({ file: join(dir, e.name), of: join(dir, ours[1]) })
      const legacy = !ours && LEGACY_TEMP_FILE.exec(e.name)
      if (legacy) out.push({ file: join(dir, e.name), of: join(dir, legacy[1]) })
      const blob = INCOMING_BLOB.exec(e.name)
      if (blob && Number(blob[1]) !== process.pid)
        out.push({ file: join(dir, e.name), of: 'a blob being imported', importCopy: true })
    }
  }
  return out
}

/** Moves a file or folder out of the way, kept under quarantine/set-aside/; returns where it went. */
export function setAside(root: string, quarantineDir: string, relPath: string, now: Date): Promise<string> {
  return quarantineFile(root, quarantineDir, relPath, now, SET_ASIDE_DIR)
}

/**
 * What a stop can leave in a workspace folder besides whole files: temp files of
 * writes that never reached their rename (ours, `.<name>.<pid>.<random>.tmp`, and
 * write-file-atomic's `<name>.<digits>` from before). `check` lists them and
 * `repair` sets them aside under quarantine/set-aside/ (never deleted: the write
 * was never acknowledged, but nothing is thrown away on a guess). Two partial
 * copies are the exception, as the file each copies is still whole: a blob
 * import's (of a file outside the workspace), removed by the next writable open
 * (blobStore.sweepIncoming), and an encryption change's (of a stored file, left
 * in place until its converted copy is renamed over it), removed when the change
 * is finished (crypto/migrate.ts).
 */
import { join } from 'node:path'
import { LEGACY_TEMP_FILE, TEMP_FILE } from './durableWrite'
import { entriesIn } from './folders'
import { SET_ASIDE_DIR, quarantineFile } from './quarantine'

/** The blob store's temp file of an import in progress (blobStore.ts names it). */
const INCOMING_BLOB = /^\.incoming-(\d+)-[0-9a-f]+$/
/** An encryption change's converted copy of a stored file before its rename (crypto/convert.ts names it). */
export const CONVERSION_TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.converting$/

/**
 * A file's write (`write`), an encryption change's copy (`conversion`), each with the name of the file
 * it would have replaced in the same folder, or a blob import's copy (`import`); `pid` is the process
 * that wrote it, null when the name does not say (write-file-atomic's).
 */
export type Leftover =
  { kind: 'write' | 'conversion'; of: string; pid: number | null } | { kind: 'import'; pid: number }

/** What a file's name says it was left by, or null for any other file. */
export function leftoverOf(name: string): Leftover | null {
  const write = TEMP_FILE.exec(name)
  if (write) return { kind: 'write', of: write[1], pid: Number(write[2]) }
  const legacy = LEGACY_TEMP_FILE.exec(name)
  if (legacy) return { kind: 'write', of: legacy[1], pid: null }
  const blob = INCOMING_BLOB.exec(name)
  if (blob) return { kind: 'import', pid: Number(blob[1]) }
  const conversion = CONVERSION_TEMP.exec(name)
  if (conversion) return { kind: 'conversion', of: conversion[1], pid: Number(conversion[2]) }
  return null
}

export interface StaleTemp {
  /** Relative to the workspace. */
  file: string
  /** The file it would have replaced. */
  of: string
  /** A blob import's copy (removed by the next writable open, blobStore.sweepIncoming), not a file's write. */
  importCopy?: true
  /** An encryption change's copy of `of` (removed when the change is finished), not a file's write. */
  conversionCopy?: true
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
      const left = leftoverOf(e.name)
      if (!left || left.pid === process.pid) continue
      const file = join(dir, e.name)
      if (left.kind === 'import') out.push({ file, of: 'a blob being imported', importCopy: true })
      else out.push({ file, of: join(dir, left.of), ...(left.kind === 'conversion' && { conversionCopy: true }) })
    }
  }
  return out
}

/** Moves a file or folder out of the way, kept under quarantine/set-aside/; returns where it went. */
export function setAside(root: string, quarantineDir: string, relPath: string, now: Date): Promise<string> {
  return quarantineFile(root, quarantineDir, relPath, now, SET_ASIDE_DIR)
}

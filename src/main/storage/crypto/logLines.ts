/**
 * An append-only log (the audit log) in an encrypted workspace: each line is
 * sealed on its own (seal.ts sealLine), so an append stays one appended line and
 * a torn last line stays a torn last line. Readers get the log back as plain
 * lines; a line that does not open is handed on as text that is no entry, so
 * the log's own chain check reports the break there, as for any edited line.
 */
import { readRegularFile, readRawFile } from '../safeRead'
import { openLine, sealLine } from './seal'
import { vaultFor } from './vault'

const UNOPENED = Buffer.from('<a sealed line that does not open: it was changed or moved here>')

/**
 * The log as plain bytes, and its size on disk. Complete lines are opened; an unterminated tail is
 * passed on as it lies (its length is the same on disk and here, so cutting it off still works).
 */
export async function readLogFile(abs: string): Promise<{ bytes: Buffer; size: number }> {
  const vault = vaultFor(abs)
  if (!vault) {
    const bytes = await readRegularFile(abs)
    return { bytes, size: bytes.length }
  }
  const raw = await readRawFile(abs)
  const end = raw.lastIndexOf(0x0a) + 1
  const parts: Buffer[] = []
  let start = 0
  for (let i = raw.indexOf(0x0a); i >= 0 && i < end; i = raw.indexOf(0x0a, start)) {
    const opened = openLine(vault.key, vault.rel, raw.subarray(start, i).toString('latin1'))
    parts.push(opened === null ? UNOPENED : Buffer.from(opened, 'utf8'), Buffer.from('\n'))
    start = i + 1
  }
  parts.push(raw.subarray(end))
  return { bytes: Buffer.concat(parts), size: raw.length }
}

/** The text of a line as it is to be appended to the log at `abs` (sealed when the workspace is). */
export function logLine(abs: string, text: string): string {
  const vault = vaultFor(abs)
  return vault ? sealLine(vault.key, vault.rel, text) : text
}

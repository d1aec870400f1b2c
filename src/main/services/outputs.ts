/**
 * Files a person asked for (a memo, a report, a transcript): where the save
 * dialog offers them, and their durable writing wherever the person chose.
 */
import { appError } from '@shared/i18n/appError'
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { dirname, extname, resolve } from 'node:path'
import { AppError, messageOf } from '@shared/ipc/result'
import { durableWriteFile } from '@main/storage/durableWrite'

/** "ECU-USA-2026-001 Briefing memo.pdf": the parts joined, without what Windows, macOS or Linux refuse in a name. */
export function fileNameFor(parts: (string | undefined)[], ext: string, fallback: string): string {
  const base = parts
    .filter(Boolean)
    .join(' ')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return `${base || fallback}.${ext}`
}

/** The chosen path, with the extension its format needs added when the person left it off. */
export const withExtension = (path: string, ext: string) =>
  extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`

/** Writes `data` to `outPath` durably (temp file, fsync, rename, folder fsync); IO with the reason otherwise. */
export async function writeOutput(
  outPath: string,
  data: Buffer | string,
): Promise<{ path: string; sha256: string; bytes: number }> {
  const path = resolve(outPath)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  try {
    await mkdir(dirname(path), { recursive: true })
    await durableWriteFile(path, bytes)
  } catch (e) {
    // Already a sentence in the catalogue (not a file there): said as it is, in the person's language.
    if (e instanceof AppError) throw e
    throw appError('IO', 'errStorage:couldWrite', { path, reason: messageOf(e) })
  }
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
}

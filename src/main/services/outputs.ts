/**
 * Files a person asked for (a memo, a report, a transcript): where the save
 * dialog offers them, and their durable writing wherever the person chose.
 */
import { appError, diskError } from '@shared/i18n/appError'
import { createHash } from 'node:crypto'
import { mkdir, readlink, realpath } from 'node:fs/promises'
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path'
import { AppError, messageOf } from '@shared/ipc/result'
import { durableWriteFile } from '@main/storage/durableWrite'
import { isEncrypted } from '@main/storage/crypto/vault'

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

/** Links followed before giving up: the kernel's own limit on a path's links. */
const MAX_LINKS = 40

/**
 * The path with its nearest existing folder's links resolved: where a write there would really land. A link
 * whose target does not exist yet is followed too, since a folder made through it lands at its target.
 */
async function landingPath(path: string, links = 0): Promise<string> {
  const rest: string[] = []
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      return join(await realpath(dir), ...rest)
    } catch {
      const target = links < MAX_LINKS ? await readlink(dir).catch(() => null) : null
      if (target !== null) return landingPath(join(resolve(dirname(dir), target), ...rest), links + 1)
      if (dirname(dir) === dir) return path
      rest.unshift(basename(dir))
    }
  }
}

const within = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)

/**
 * The app's own files and folders in a workspace: everything below its top level, and at the top its JSON
 * files (the index, the library, the keys), its dot files (lock, temp files) and whatever a write would
 * replace there that the app reads. A memo beside them at the top of a plain workspace is the person's.
 */
const amongOwnFiles = (rel: string, encrypted: boolean) =>
  encrypted || rel === '' || rel.includes(sep) || rel.startsWith('.') || /\.jsonl?$/i.test(rel)

/**
 * The absolute out path, refused when it lies among the workspace's own files (through a link too): a case
 * file or the index could be replaced by a memo. In an encrypted workspace anywhere in its folder is refused,
 * as a memo there would lie in the clear among the sealed files.
 */
export async function outputPlace(outPath: string, workspaceRoot: string): Promise<string> {
  const path = resolve(outPath)
  const root = resolve(workspaceRoot)
  const [landing, realRoot] = await Promise.all([
    // The file's own name is replaced by the write, not followed: only its folder's links matter.
    landingPath(dirname(path)).then((dir) => join(dir, basename(path))),
    realpath(root).catch(() => root),
  ])
  const encrypted = isEncrypted(root)
  for (const [p, r] of [
    [path, root],
    [landing, realRoot],
  ])
    if (within(p, r) && amongOwnFiles(relative(r, p), encrypted))
      throw appError('VALIDATION', 'errStorage:outputInsideWorkspace', { path, root })
  return path
}

const FOLDER_HINT: Record<string, string> = {
  ENOTDIR: 'notdir',
  EEXIST: 'notdir',
  ENOENT: 'noent',
  EACCES: 'access',
  EPERM: 'access',
  EROFS: 'readonly',
}

/**
 * The out path, checked by outputPlace, with its folder made: before anything is given out for the file (a
 * memo number, custody), so a place that cannot take it is refused first, in the person's language.
 */
export async function prepareOutput(outPath: string, workspaceRoot: string): Promise<string> {
  const path = await outputPlace(outPath, workspaceRoot)
  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? ''
    if (code === 'ELOOP') throw diskError(e) ?? e
    throw appError('IO', 'errStorage:outputFolderCannotBeMade', {
      path,
      code: code || messageOf(e),
      hint: FOLDER_HINT[code] ?? 'other',
    })
  }
  return path
}

/**
 * Writes `data` to `outPath` durably (temp file, fsync, rename, folder fsync), never among the own files of
 * the workspace at `workspaceRoot` (outputPlace); IO with the reason otherwise.
 */
export async function writeOutput(
  outPath: string,
  data: Buffer | string,
  workspaceRoot: string,
): Promise<{ path: string; sha256: string; bytes: number }> {
  const path = await prepareOutput(outPath, workspaceRoot)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  try {
    await durableWriteFile(path, bytes)
  } catch (e) {
    // Already a sentence in the catalogue (not a file there): said as it is, in the person's language.
    if (e instanceof AppError) throw e
    throw appError('IO', 'errStorage:couldWrite', { path, reason: messageOf(e) })
  }
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
}

import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

export type EntryType = 'folder' | 'file' | 'link' | 'other'

export interface FolderEntry {
  name: string
  type: EntryType
}

/**
 * The entries of a workspace folder with what each is (no stat per entry: the
 * folder listing says); none when the folder does not exist (yet) or is not a
 * folder. Other errors (permissions, I/O) are thrown for the caller to report.
 */
export async function entriesIn(root: string, dir: string): Promise<FolderEntry[]> {
  try {
    const list = await readdir(join(root, dir), { withFileTypes: true })
    return list
      .map((d) => ({
        name: d.name,
        type: (d.isDirectory() ? 'folder' : d.isFile() ? 'file' : d.isSymbolicLink() ? 'link' : 'other') as EntryType,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw e
  }
}

/** The names in a workspace folder; none when the folder does not exist (yet). */
export async function namesIn(root: string, dir: string): Promise<string[]> {
  return (await entriesIn(root, dir)).map((e) => e.name)
}

/**
 * The .json files of a workspace folder, as paths relative to the workspace.
 * Anything named *.json that is not a plain file (a folder, a link, a FIFO) is
 * listed too: its owner's load refuses it and reports it, rather than it being
 * silently ignored.
 */
export async function jsonFilesIn(root: string, dir: string): Promise<string[]> {
  return (await namesIn(root, dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => join(dir, n))
}

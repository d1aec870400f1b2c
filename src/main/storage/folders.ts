import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** The names in a workspace folder; none when the folder does not exist (yet). */
export async function namesIn(root: string, dir: string): Promise<string[]> {
  try {
    return (await readdir(join(root, dir))).sort()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw e
  }
}

/** The .json files of a workspace folder, as paths relative to the workspace. */
export async function jsonFilesIn(root: string, dir: string): Promise<string[]> {
  return (await namesIn(root, dir)).filter((n) => n.endsWith('.json')).map((n) => join(dir, n))
}

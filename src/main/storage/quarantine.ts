import { mkdir, readdir, rename } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * quarantine/<stamp>__cases~<id>~case.json: the bad file, byte for byte, out of the way.
 * `~` stands for the folder separator: ids (SAFE_ID) and our file names never contain it.
 */
export async function quarantineFile(root: string, quarantineDir: string, relPath: string, now: Date): Promise<string> {
  const dir = join(root, quarantineDir)
  await mkdir(dir, { recursive: true })
  const name = `${now.toISOString().replace(/[:.]/g, '-')}__${relPath.split(/[\\/]/).join('~')}`
  const target = join(dir, name)
  await rename(join(root, relPath), target)
  return join(quarantineDir, name)
}

export async function listQuarantined(
  root: string,
  quarantineDir: string,
): Promise<{ file: string; original: string }[]> {
  try {
    const names = (await readdir(join(root, quarantineDir))).sort()
    return names.map((n) => {
      const rest = n.slice(n.indexOf('__') + 2)
      return { file: join(quarantineDir, n), original: join(...rest.split('~')) }
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}

import { mkdir, readdir, rename } from 'node:fs/promises'
import { join } from 'node:path'

/** quarantine/<stamp>__cases__<id>__case.json: the bad file, byte for byte, out of the way. */
export async function quarantineFile(root: string, quarantineDir: string, relPath: string, now: Date): Promise<string> {
  const dir = join(root, quarantineDir)
  await mkdir(dir, { recursive: true })
  const name = `${now.toISOString().replace(/[:.]/g, '-')}__${relPath.split(/[\\/]/).join('__')}`
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
    return names.map((n) => ({ file: join(quarantineDir, n), original: n.split('__').slice(1).join('/') }))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}

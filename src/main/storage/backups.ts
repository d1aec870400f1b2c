import { copyFile, mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-')

/**
 * Rotating copies of one file under backups/<relPath>/<stamp>.json, newest last
 * by name. Taken before migrations and, at most once per interval, before writes.
 */
export class Backups {
  private lastTaken = new Map<string, number>()

  constructor(
    private readonly root: string,
    private readonly backupsDir: string,
    private readonly generations: number,
    private readonly intervalMs: number,
    private readonly now: () => Date,
  ) {}

  private dirFor(relPath: string) {
    return join(this.root, this.backupsDir, relPath)
  }

  async list(relPath: string): Promise<string[]> {
    try {
      const names = (await readdir(this.dirFor(relPath))).filter((n) => n.endsWith('.json')).sort()
      return names.map((n) => join(this.dirFor(relPath), n))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
  }

  async newest(relPath: string): Promise<string | undefined> {
    return (await this.list(relPath)).at(-1)
  }

  async take(relPath: string, reason = 'periodic'): Promise<string> {
    const dir = this.dirFor(relPath)
    await mkdir(dir, { recursive: true })
    const now = this.now()
    let target = join(dir, `${stamp(now)}-${reason}.json`)
    for (let n = 1; (await this.list(relPath)).includes(target); n++)
      target = join(dir, `${stamp(now)}-${reason}-${n}.json`)
    await copyFile(join(this.root, relPath), target)
    this.lastTaken.set(relPath, now.getTime())
    const all = await this.list(relPath)
    for (const old of all.slice(0, Math.max(0, all.length - this.generations))) await rm(old, { force: true })
    return target
  }

  /** Takes a backup when none was taken in this interval; the file must exist. */
  async maybeTake(relPath: string): Promise<void> {
    const last = this.lastTaken.get(relPath)
    if (last !== undefined && this.now().getTime() - last < this.intervalMs) return
    await this.take(relPath)
  }
}

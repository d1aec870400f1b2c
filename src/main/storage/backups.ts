import { mkdir, readdir, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { durableWriteFile } from './durableWrite'
import { readRegularFile } from './safeRead'

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-')
/** The names `take` gives: a copy named otherwise was put there by hand and is no backup of ours, nor the newest. */
const TAKEN_NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[\w-]+\.json$/

/**
 * Rotating copies of one file under backups/<relPath>/<stamp>.json, newest last
 * by name. Taken before migrations and, at most once per interval, before writes.
 * Each copy is written durably: a backup cut short by a power cut is no backup.
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
      const entries = await readdir(this.dirFor(relPath), { withFileTypes: true })
      const names = entries
        .filter((d) => d.isFile() && TAKEN_NAME.test(d.name))
        .map((d) => d.name)
        .sort()
      return names.map((n) => join(this.dirFor(relPath), n))
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return []
      throw e
    }
  }

  /** Whether `rel` (relative to the root) names a backup `take` gives of relPath; nothing is read. */
  names(relPath: string, rel: string): boolean {
    const name = basename(rel)
    return TAKEN_NAME.test(name) && rel === join(this.backupsDir, relPath, name)
  }

  async newest(relPath: string): Promise<string | undefined> {
    return (await this.list(relPath)).at(-1)
  }

  /** The newest backup whose bytes `isGood` accepts, with those bytes; with `takenBy`, none taken after it. */
  async newestGood(
    relPath: string,
    isGood: (bytes: Buffer) => boolean,
    takenBy?: Date,
  ): Promise<{ path: string; bytes: Buffer } | null> {
    const by = takenBy && stamp(takenBy)
    for (const path of (await this.list(relPath)).reverse()) {
      if (by && basename(path).slice(0, by.length) > by) continue
      const bytes = await readRegularFile(path).catch(() => null)
      if (bytes && isGood(bytes)) return { path, bytes }
    }
    return null
  }

  async take(relPath: string, reason = 'periodic'): Promise<string> {
    const dir = this.dirFor(relPath)
    await mkdir(dir, { recursive: true })
    const now = this.now()
    const taken = await this.list(relPath)
    let target = join(dir, `${stamp(now)}-${reason}.json`)
    for (let n = 1; taken.includes(target); n++) target = join(dir, `${stamp(now)}-${reason}-${n}.json`)
    await durableWriteFile(target, await readRegularFile(join(this.root, relPath)))
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

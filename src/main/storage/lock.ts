import { appError } from '@shared/i18n/appError'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import lockfile from 'proper-lockfile'

export interface LockHolder {
  pid: number
  host: string
  since: string
  app: string
}

// Beside the lock folder, not in it: proper-lockfile removes the folder with rmdir.
const holderPath = (root: string, lockName: string) => join(root, `${lockName}.holder.json`)

/**
 * One writer per workspace. proper-lockfile makes `<root>/.casefile.lock` as a
 * folder (atomic on every file system) and keeps its mtime fresh; we write the
 * holder's pid and host beside it so a second instance can say who has it.
 */
export async function acquireWorkspaceLock(
  root: string,
  lockName: string,
  app: string,
  onCompromised: (e: Error) => void,
): Promise<() => Promise<void>> {
  const lockPath = join(root, lockName)
  const take = () =>
    lockfile.lock(root, {
      lockfilePath: lockPath,
      stale: 20_000,
      update: 5_000,
      realpath: false,
      onCompromised,
    })
  let release: () => Promise<void>
  try {
    release = await take().catch(async (e: NodeJS.ErrnoException) => {
      // A holder on this machine whose process is gone (a crash, a kill) holds nothing: without this,
      // reopening right after a crash is refused until the lock goes stale (20 s).
      const holder = e.code === 'ELOCKED' ? await readLockHolder(root, lockName) : null
      if (!holder || holder.host !== hostname() || processAlive(holder.pid)) throw e
      await rm(lockPath, { recursive: true, force: true })
      await rm(holderPath(root, lockName), { force: true })
      return take()
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e
    const holder = await readLockHolder(root, lockName)
    const who = holder
      ? `${holder.app} (process ${holder.pid} on ${holder.host}, since ${holder.since})`
      : 'another Casefile process'
    throw appError('LOCKED', 'errStorage:workspaceUseCloseThere', { who }, holder)
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), app }
  await writeFile(holderPath(root, lockName), JSON.stringify(holder))
  return async () => {
    await rm(holderPath(root, lockName), { force: true })
    await release()
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it does, owned by someone else). */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function readLockHolder(root: string, lockName: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(holderPath(root, lockName), 'utf8')) as LockHolder
  } catch {
    return null
  }
}

/**
 * Runs `fn` holding the workspace lock of `dir` (made if missing), with no store open: the
 * encryption migrations work on files alone. A lock lost meanwhile fails the run.
 */
export async function withWorkspaceLock<T>(dir: string, app: string, fn: (root: string) => Promise<T>): Promise<T> {
  const root = resolve(dir)
  await mkdir(root, { recursive: true })
  let lost: Error | null = null
  const release = await acquireWorkspaceLock(root, '.casefile.lock', app, (e) => (lost = e))
  try {
    const out = await fn(root)
    if (lost) throw lost
    return out
  } finally {
    await release().catch(() => undefined)
  }
}

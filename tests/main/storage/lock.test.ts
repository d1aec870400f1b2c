import { spawn, spawnSync } from 'node:child_process'
import { readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireWorkspaceLock, readLockHolder, withWorkspaceLock, type LockHolder } from '@main/storage/lock'
import { WorkspaceStore } from '@main/storage/store'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('the workspace lock after a crash', () => {
  it('a holder on this machine whose process is gone does not keep the workspace locked', async () => {
    const root = await tempDir()
    const script = `
      import { WorkspaceStore } from ${JSON.stringify(join(process.cwd(), 'src/main/storage/store.ts'))}
      await WorkspaceStore.open(${JSON.stringify(root)}, { app: 'the killed one' })
      console.log('locked')
      setInterval(() => {}, 1000)
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    // While it runs, the lock holds and names it.
    await expect(WorkspaceStore.open(root)).rejects.toMatchObject({ message: expect.stringMatching(/the killed one/) })
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    // At once, not after the lock's 20 s staleness: the lock is made to look fresh for an hour to come,
    // so only the dead holder's pid can free it.
    const inAnHour = new Date(Date.now() + 3_600_000)
    await utimes(join(root, '.casefile.lock'), inAnHour, inAnHour)
    const store = await WorkspaceStore.open(root)
    await store.close()
  })
})

describe('who holds the lock, as its holder file says', () => {
  const LOCK = '.casefile.lock'

  /** Takes the lock as another process would, then makes its holder file say `holder`. */
  async function heldBy(root: string, holder: Partial<LockHolder>) {
    const release = await acquireWorkspaceLock(root, LOCK, 'the first', () => undefined)
    const file = join(root, `${LOCK}.holder.json`)
    const was = JSON.parse(await readFile(file, 'utf8')) as LockHolder
    await writeFile(file, JSON.stringify({ ...was, ...holder }))
    return release
  }

  /** The pid of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!

  for (const [why, holder] of [
    ['a process on another machine, whose pid means nothing here', { host: 'another-machine', pid: 0 }],
    ['another machine, even with a pid that is free here', { host: 'another-machine' }],
    ['a pid that cannot be a process', { pid: 0 }],
    ['a negative pid', { pid: -4 }],
    ['a pid that is not a whole number', { pid: 1.5 }],
    ['a process that runs (the first one, pid 1)', { pid: 1 }],
  ] as [string, Partial<LockHolder>][])
    it(`stays held for ${why}, naming the holder`, async () => {
      const root = await tempDir()
      const h = { ...holder, pid: 'pid' in holder ? holder.pid : deadPid() }
      const release = await heldBy(root, h)
      try {
        await expect(acquireWorkspaceLock(root, LOCK, 'the second', () => undefined)).rejects.toMatchObject({
          code: 'LOCKED',
          message: expect.stringContaining(`the first (process ${h.pid} on ${h.host ?? hostname()}`),
        })
        expect((await readLockHolder(root, LOCK))?.pid).toBe(h.pid)
      } finally {
        await release()
      }
    })

  it('is taken over from a process of this machine that has ended, and then names the new holder', async () => {
    const root = await tempDir()
    await heldBy(root, { pid: deadPid() }) // never released: its process "died"
    const release = await acquireWorkspaceLock(root, LOCK, 'the second', () => undefined)
    try {
      expect(await readLockHolder(root, LOCK)).toMatchObject({ pid: process.pid, host: hostname(), app: 'the second' })
    } finally {
      await release()
    }
    expect(await readLockHolder(root, LOCK)).toBeNull()
  })

  it('without a holder file, refuses by a general name', async () => {
    const root = await tempDir()
    const release = await acquireWorkspaceLock(root, LOCK, 'the first', () => undefined)
    await rm(join(root, `${LOCK}.holder.json`))
    try {
      await expect(acquireWorkspaceLock(root, LOCK, 'the second', () => undefined)).rejects.toMatchObject({
        code: 'LOCKED',
        message: expect.stringContaining('another Casefile process'),
      })
    } finally {
      await release()
    }
  })

  it('withWorkspaceLock makes the folder, holds the lock while it runs, and lets go after, even on failure', async () => {
    const root = join(await tempDir(), 'new', 'workspace')
    await withWorkspaceLock(root, 'the migration', async (r) => {
      expect(r).toBe(root)
      expect(await readLockHolder(root, LOCK)).toMatchObject({ app: 'the migration' })
      await expect(acquireWorkspaceLock(root, LOCK, 'the second', () => undefined)).rejects.toMatchObject({
        code: 'LOCKED',
      })
    })
    await expect(
      withWorkspaceLock(root, 'the migration', async () => {
        throw new Error('half-way')
      }),
    ).rejects.toThrow('half-way')
    const release = await acquireWorkspaceLock(root, LOCK, 'after', () => undefined)
    await release()
  })
})

import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
    // At once, not after the lock's 20 s staleness.
    const started = Date.now()
    const store = await WorkspaceStore.open(root)
    await store.close()
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

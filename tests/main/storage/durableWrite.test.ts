import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { durableWriteFile, FileWriteQueue } from '@main/storage/durableWrite'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('durable writes', () => {
  it('replaces the file whole and leaves no temp files behind', async () => {
    const dir = await tempDir()
    const file = join(dir, 'case.json')
    await writeFile(file, '{"old":true}')
    await durableWriteFile(file, '{"new":true}')
    expect(await readFile(file, 'utf8')).toBe('{"new":true}')
    expect(await readdir(dir)).toEqual(['case.json'])
  })

  it('queues writes per file, keeps their order, and coalesces the waiting ones', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const q = new FileWriteQueue(file)
    const written: string[] = []
    const writes = Array.from({ length: 20 }, (_, i) =>
      q.write(JSON.stringify({ n: i })).then(() => written.push(String(i))),
    )
    await Promise.all(writes)
    await q.idle()
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 19 })
    expect(written).toHaveLength(20)
    expect(await readdir(dir)).toEqual(['doc.json'])
  })

  it('leaves a complete file when the writing process is killed mid-stream', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    // A child that rewrites a ~2 MB document as fast as it can until killed.
    const script = `
      import { FileWriteQueue } from ${JSON.stringify(join(process.cwd(), 'src/main/storage/durableWrite.ts'))}
      const q = new FileWriteQueue(${JSON.stringify(file)})
      const big = 'x'.repeat(2_000_000)
      for (let n = 0; ; n++) { await q.write(JSON.stringify({ n, big })); if (n === 1) console.log('ready') }
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    await new Promise((r) => setTimeout(r, 150))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const parsed = JSON.parse(await readFile(file, 'utf8'))
    expect(parsed.n).toBeGreaterThanOrEqual(1)
    expect(parsed.big).toHaveLength(2_000_000)
  })
})

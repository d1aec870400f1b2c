import { spawn } from 'node:child_process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { durableWriteFile, FileWriteQueue } from '@main/storage/durableWrite'
import { replaceFsIo } from '@main/storage/fsio'
import { ERRNOS, withFault } from '../../helpers/faults'
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../helpers/smallDisk'
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

const STEPS = ['open', 'write', 'sync', 'rename'] as const

describe('durable writes under I/O faults', () => {
  for (const step of STEPS) {
    for (const fault of [...ERRNOS, 'full'] as const) {
      if (fault === 'full' && step !== 'write') continue
      it(`${fault} at ${step}: rejects, the previous file is intact and no temp file is left`, async () => {
        const dir = await tempDir()
        const file = join(dir, 'case.json')
        await writeFile(file, '{"old":true}')
        await withFault({ step, fault, match: (p) => p.startsWith(dir) }, async (inj) => {
          await expect(durableWriteFile(file, JSON.stringify({ new: 'x'.repeat(10_000) }))).rejects.toMatchObject({
            code: fault === 'full' ? 'ENOSPC' : fault,
          })
          expect(inj.hits).toBeGreaterThan(0)
        })
        expect(await readFile(file, 'utf8')).toBe('{"old":true}')
        expect(await readdir(dir)).toEqual(['case.json'])
      })
    }
  }

  for (const fault of ERRNOS) {
    it(`${fault} at the folder fsync: rejects, and the file is whole (the rename had happened)`, async () => {
      const dir = await tempDir()
      const file = join(dir, 'case.json')
      await writeFile(file, '{"old":true}')
      await withFault({ step: 'syncDir', fault, match: (p) => p === dir }, async () => {
        await expect(durableWriteFile(file, '{"new":true}')).rejects.toMatchObject({ code: fault })
      })
      expect(await readFile(file, 'utf8')).toBe('{"new":true}')
      expect(await readdir(dir)).toEqual(['case.json'])
    })
  }

  it('a short write is continued until every byte is out', async () => {
    const dir = await tempDir()
    const file = join(dir, 'case.json')
    const data = JSON.stringify({ big: 'y'.repeat(100_000) })
    await withFault({ step: 'write', fault: 'short', match: (p) => p.startsWith(dir) }, async (inj) => {
      await durableWriteFile(file, data)
      expect(inj.hits).toBe(1)
    })
    expect(await readFile(file, 'utf8')).toBe(data)
  })

  it('a write that makes no progress is an error, not a silent stop', async () => {
    const dir = await tempDir()
    const file = join(dir, 'case.json')
    await writeFile(file, 'old')
    const restore = replaceFsIo({ write: async () => 0 })
    try {
      await expect(durableWriteFile(file, 'new')).rejects.toMatchObject({ code: 'ENOSPC', syscall: 'write' })
    } finally {
      restore()
    }
    expect(await readFile(file, 'utf8')).toBe('old')
  })

  it('a queued write that fails rejects its caller; the next one still writes', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const q = new FileWriteQueue(file)
    await q.write('{"n":1}')
    await withFault({ step: 'sync', fault: 'EIO', match: (p) => p.startsWith(dir) }, async () => {
      await expect(q.write('{"n":2}')).rejects.toMatchObject({ code: 'EIO' })
    })
    expect(await readFile(file, 'utf8')).toBe('{"n":1}')
    await q.write('{"n":3}')
    expect(await readFile(file, 'utf8')).toBe('{"n":3}')
  })

  it('keeps the permissions of the file it replaces', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, 'old', { mode: 0o600 })
    await durableWriteFile(file, 'new')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })
})

describe('durable writes on a real, nearly full disk', () => {
  const why = smallDiskUnavailable()
  let disk: SmallDisk | undefined
  afterEach(() => {
    disk?.unmount()
    disk = undefined
  })
  it.skipIf(why !== null)(
    `fails with ENOSPC and keeps the previous file when the disk cannot hold the new one${why ? ` (skipped: ${why})` : ''}`,
    async () => {
      disk = mountSmallDisk(2)
      const file = join(disk.dir, 'case.json')
      const old = JSON.stringify({ old: 'o'.repeat(4_000) })
      await writeFile(file, old)
      // Room for part of the new file only: write-file-atomic took the short write as success.
      disk.fillTo(20 * 1024)
      await expect(durableWriteFile(file, JSON.stringify({ new: 'n'.repeat(200_000) }))).rejects.toMatchObject({
        code: 'ENOSPC',
      })
      expect(await readFile(file, 'utf8')).toBe(old)
      expect((await readdir(disk.dir)).sort()).toEqual(['case.json', 'filler'])
    },
  )
})

describe('the order of a durable write', () => {
  it('writes the temp file, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const dir = await tempDir()
    const file = join(dir, 'case.json')
    await writeFile(file, 'old')
    const { fsio, realFsIo, pathOf } = await import('@main/storage/fsio')
    const calls: string[] = []
    const name = (p: string) => (p === dir ? 'dir' : p === file ? 'target' : /\.tmp$/.test(p) ? 'temp' : p)
    const restore = replaceFsIo({
      open: async (p, flags, mode) => {
        calls.push(`open ${name(p)} ${flags}`)
        return realFsIo.open(p, flags, mode)
      },
      write: async (fh, ...rest) => {
        calls.push(`write ${name(pathOf(fh))}`)
        return realFsIo.write(fh, ...rest)
      },
      sync: async (fh) => {
        calls.push(`sync ${name(pathOf(fh))}`)
        return realFsIo.sync(fh)
      },
      close: async (fh) => {
        calls.push(`close ${name(pathOf(fh))}`)
        return realFsIo.close(fh)
      },
      rename: async (from, to) => {
        calls.push(`rename ${name(from)} ${name(to)}`)
        return realFsIo.rename(from, to)
      },
      syncDir: async (d) => {
        calls.push(`syncDir ${name(d)}`)
        return realFsIo.syncDir(d)
      },
    })
    try {
      await durableWriteFile(file, 'new')
    } finally {
      restore()
    }
    expect(fsio.rename).toBe(realFsIo.rename)
    // Dropping the file's fsync or the folder's, or renaming before the data is on disk, shows here.
    expect(calls).toEqual([
      'open temp wx',
      'write temp',
      'sync temp',
      'close temp',
      'rename temp target',
      'syncDir dir',
    ])
    expect(await readFile(file, 'utf8')).toBe('new')
  })

  it('keeps the permissions of the file it replaces, and makes a new one readable and writable', async () => {
    const dir = await tempDir()
    const kept = join(dir, 'kept.json')
    await writeFile(kept, 'old', { mode: 0o600 })
    await durableWriteFile(kept, 'new')
    expect((await stat(kept)).mode & 0o777).toBe(0o600)
    const fresh = join(dir, 'fresh.json')
    await durableWriteFile(fresh, 'x')
    // What any new file gets here (0o666 less the umask).
    const plain = join(dir, 'plain.json')
    await writeFile(plain, 'x')
    expect((await stat(fresh)).mode & 0o777).toBe((await stat(plain)).mode & 0o777)
  })
})

describe('the writer queue and the names of temp files', () => {
  it('coalesces writes that wait: twenty writes asked at once are one, the last state wins', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const { realFsIo } = await import('@main/storage/fsio')
    let renames = 0
    const restore = replaceFsIo({
      rename: async (from, to) => {
        renames++
        return realFsIo.rename(from, to)
      },
    })
    try {
      const q = new FileWriteQueue(file)
      await Promise.all(Array.from({ length: 20 }, (_, i) => q.write(String(i))))
      expect(await readFile(file, 'utf8')).toBe('19')
      // The first has not started when the others come (it starts on the next tick): all are one.
      expect(renames).toBe(1)
      await q.write('after')
      expect(renames).toBe(2)
    } finally {
      restore()
    }
  })

  it('idle() waits for every queued write, including one queued while it waited', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const q = new FileWriteQueue(file)
    void q.write('a')
    const idle = q.idle()
    void q.write('b')
    await idle
    expect(await readFile(file, 'utf8')).toBe('b')
  })

  it('writes beside a file whose name is near the limit (the temp name is cut, not the write)', async () => {
    const dir = await tempDir()
    const file = join(dir, `${'m'.repeat(240)}.pdf`)
    await durableWriteFile(file, 'pdf')
    expect(await readFile(file, 'utf8')).toBe('pdf')
  })

  it('names its temp files as TEMP_FILE says, and tells them from other names', async () => {
    const { TEMP_FILE, LEGACY_TEMP_FILE } = await import('@main/storage/durableWrite')
    const { realFsIo } = await import('@main/storage/fsio')
    const dir = await tempDir()
    const opened: string[] = []
    const restore = replaceFsIo({
      open: async (p, flags, mode) => {
        opened.push(p)
        return realFsIo.open(p, flags, mode)
      },
    })
    try {
      await durableWriteFile(join(dir, 'case.json'), '{}')
    } finally {
      restore()
    }
    const temp = opened[0].slice(dir.length + 1)
    expect(TEMP_FILE.exec(temp)?.slice(1, 3)).toEqual(['case.json', String(process.pid)])
    expect(TEMP_FILE.test('.case.json.12345.0123456789ab.tmp')).toBe(true)
    for (const name of [
      'x.case.json.12345.0123456789ab.tmp',
      '.case.json.12345.0123456789ab.tmp.bak',
      '.case.json.12345.0123456789a.tmp',
      '.case.json.12345.0123456789ag.tmp',
      '.case.json.pid.0123456789ab.tmp',
    ])
      expect(TEMP_FILE.test(name), name).toBe(false)
    expect(LEGACY_TEMP_FILE.exec('case.json.123456789')?.[1]).toBe('case.json')
    for (const name of ['case.json.12a', 'case.json', 'case.txt.123', '.json.1x'])
      expect(LEGACY_TEMP_FILE.test(name), name).toBe(false)
  })
})

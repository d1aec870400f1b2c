/**
 * fsio.ts: the calls every write path makes. writeAll loops over short writes
 * at the right offsets and calls a write that makes no progress a full disk;
 * a folder fsync the file system cannot do is nothing to do, any other failure
 * is a failure.
 */
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fsio, pathOf, realFsIo, replaceFsIo, writeAll } from '@main/storage/fsio'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('writeAll', () => {
  it('loops over short writes, each at the offset the last one reached, from a position or the current offset', async () => {
    const dir = await tempDir()
    const file = join(dir, 'f.bin')
    const calls: [number, number, number | null | undefined][] = []
    const restore = replaceFsIo({
      // A nearly full disk: at most 3 bytes a call.
      write: (fh, buf, offset, length, position) => {
        calls.push([offset, length, position])
        return realFsIo.write(fh, buf, offset, Math.min(3, length), position)
      },
    })
    const fh = await fsio.open(file, 'w+')
    try {
      await writeAll(fh, Buffer.from('0123456789'))
      await writeAll(fh, Buffer.from('abcdefg'), 2)
      expect(pathOf(fh)).toBe(file)
    } finally {
      await fsio.close(fh)
      restore()
    }
    expect(await readFile(file, 'utf8')).toBe('01abcdefg9')
    expect(calls).toEqual([
      [0, 10, null],
      [3, 7, null],
      [6, 4, null],
      [9, 1, null],
      [0, 7, 2],
      [3, 4, 5],
      [6, 1, 8],
    ])
  })

  it('calls a write that makes no progress a full disk, naming the file and how far it got', async () => {
    const dir = await tempDir()
    const file = join(dir, 'f.bin')
    let first = true
    const restore = replaceFsIo({
      write: async (fh, buf, offset, length, position) => {
        if (!first) return 0
        first = false
        return realFsIo.write(fh, buf, offset, Math.min(4, length), position)
      },
    })
    const fh = await fsio.open(file, 'w')
    try {
      await expect(writeAll(fh, Buffer.from('0123456789'))).rejects.toMatchObject({
        code: 'ENOSPC',
        syscall: 'write',
        path: file,
        message: `ENOSPC: the disk accepted 4 of 10 bytes and then no more, write '${file}'`,
      })
    } finally {
      await fsio.close(fh)
      restore()
    }
    // A handle not opened through fsio has no path to match on.
    const other = await open(file, 'r')
    expect(pathOf(other)).toBe('')
    await other.close()
  })
})

describe('the folder fsync', () => {
  it('syncs a folder, treats "not supported here" as done, and passes any other failure on', async () => {
    const dir = await tempDir()
    await expect(fsio.syncDir(dir)).resolves.toBeUndefined()
    // procfs answers fsync with EINVAL: a file system that cannot sync a folder.
    await expect(fsio.syncDir('/proc')).resolves.toBeUndefined()
    await expect(fsio.syncDir(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('sync, datasync and close reach the file', async () => {
    const dir = await tempDir()
    const fh = await fsio.open(join(dir, 'f.bin'), 'w')
    await writeAll(fh, Buffer.from('x'))
    await expect(fsio.sync(fh)).resolves.toBeUndefined()
    await expect(fsio.datasync(fh)).resolves.toBeUndefined()
    await fsio.close(fh)
    await expect(fh.stat()).rejects.toMatchObject({ code: 'EBADF' })
  })
})

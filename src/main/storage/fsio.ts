/**
 * The file-system calls every write path makes (the durable writer, the audit
 * append, the blob store), gathered in one swappable object. Production uses
 * Node's own; the fault-injection tests replace single calls to return ENOSPC,
 * EIO, EACCES, EPERM or short writes at a chosen step, so each step's failure
 * handling is exercised without a failing disk.
 */
import { constants, open as nodeOpen, link, rename, unlink, type FileHandle } from 'node:fs/promises'

export interface FsIo {
  open(path: string, flags: string | number, mode?: number): Promise<FileHandle>
  /** One write call: returns how many bytes went out, which may be fewer than asked. */
  write(fh: FileHandle, buf: Uint8Array, offset: number, length: number, position?: number | null): Promise<number>
  sync(fh: FileHandle): Promise<void>
  datasync(fh: FileHandle): Promise<void>
  close(fh: FileHandle): Promise<void>
  rename(from: string, to: string): Promise<void>
  link(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** fsync of a folder, so a rename or a new name in it survives a power cut. */
  syncDir(dir: string): Promise<void>
}

const paths = new WeakMap<FileHandle, string>()

/** The path a handle was opened with (fault plans match on it). */
export const pathOf = (fh: FileHandle): string => paths.get(fh) ?? ''

// Folder fsync is not supported everywhere: Windows cannot open a folder at all, and some file
// systems answer EINVAL. Those mean "nothing to do"; any other error (EIO, ENOSPC...) is a failure.
const UNSUPPORTED_DIR_SYNC = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF'])

const nodeIo: FsIo = {
  async open(path, flags, mode) {
    const fh = await nodeOpen(path, flags, mode)
    paths.set(fh, path)
    return fh
  },
  async write(fh, buf, offset, length, position) {
    return (await fh.write(buf, offset, length, position)).bytesWritten
  },
  sync: (fh) => fh.sync(),
  datasync: (fh) => fh.datasync(),
  close: (fh) => fh.close(),
  rename,
  link,
  unlink,
  async syncDir(dir) {
    let fh: FileHandle | undefined
    try {
      fh = await nodeOpen(dir, constants.O_RDONLY)
      await fh.sync()
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? ''
      if (!UNSUPPORTED_DIR_SYNC.has(code) && !(process.platform === 'win32' && code === 'EPERM')) throw e
    } finally {
      await fh?.close()
    }
  },
}

/** The calls in use. Mutated only through replaceFsIo (tests). */
export const fsio: FsIo = { ...nodeIo }

/** Node's own calls, for a replacement that fails some calls and passes the rest through. */
export const realFsIo: Readonly<FsIo> = nodeIo

/** Swaps some calls (fault injection); returns the function that puts Node's back. */
export function replaceFsIo(partial: Partial<FsIo>): () => void {
  Object.assign(fsio, partial)
  return () => Object.assign(fsio, nodeIo)
}

/**
 * Writes all of `buf` at `position` (or the current offset when null), looping
 * over short writes: a nearly full disk accepts part of a write and reports how
 * much. A write that makes no progress is an error, never a silent stop.
 */
export async function writeAll(fh: FileHandle, buf: Uint8Array, position: number | null = null): Promise<void> {
  let off = 0
  while (off < buf.length) {
    const n = await fsio.write(fh, buf, off, buf.length - off, position === null ? null : position + off)
    if (!Number.isInteger(n) || n <= 0) {
      const e = new Error(
        `ENOSPC: the disk accepted ${off} of ${buf.length} bytes and then no more, write '${pathOf(fh)}'`,
      ) as NodeJS.ErrnoException
      e.code = 'ENOSPC'
      e.syscall = 'write'
      e.path = pathOf(fh)
      throw e
    }
    off += n
  }
}

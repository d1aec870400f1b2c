import { randomBytes } from 'node:crypto'
import { lstat, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { vaultFor } from './crypto/vault'
import { sealBytes } from './crypto/seal'
import { fsio, writeAll } from './fsio'
import { cutToBytes } from './fileNames'
import { kindOf, NOT_A_FILE_ID } from './safeRead'
import { appError } from '@shared/i18n/appError'

/** fsync of the folder makes a rename or a new name survive a power cut. */
export const fsyncDir = (dir: string): Promise<void> => fsio.syncDir(dir)

/** Temp files of our writer: `.<name>.<pid>.<random>.tmp`, beside the file they will replace. */
/**
 * A file's name as the start of its temp file's name: at most 120 bytes (not characters), so with the
 * dot, pid, random part and suffix it stays within the 255 bytes a file name may have, whatever its script.
 */
export const tempStem = (name: string): string => cutToBytes(name, 120, 'end')

export const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/
/** Temp files write-file-atomic (used before our own writer) left: `<name>.<decimal hash>`. */
export const LEGACY_TEMP_FILE = /^(.+\.json)\.\d+$/

/**
 * Writes a whole file durably, or fails and leaves the previous file as it was:
 *
 * 1. a unique temp file in the same folder, opened 'wx' (never an existing name);
 * 2. every byte written, each write's count checked (a nearly full disk takes part
 *    of a write and says so; write-file-atomic 7 ignored that and renamed a cut file);
 * 3. fsync of the temp file, then rename over the target (atomic: readers see old or new);
 * 4. fsync of the folder, so the rename itself survives a power cut.
 *
 * Any failure before the rename removes the temp file and leaves the target untouched.
 * A failure of the folder fsync comes after the rename: the file is then whole and new,
 * but not known to be durable, and the error still reaches the caller.
 * Inside an encrypted workspace (crypto/vault.ts) the bytes are sealed for the target's path.
 */
export async function durableWriteFile(
  path: string,
  data: string | Uint8Array,
  opts: { sealAs?: string } = {},
): Promise<void> {
  const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  // A FIFO, device or folder at the target is never renamed over (an export to /dev/full would
  // replace the device): the person named something that is not a file.
  const there = await lstat(path).catch(() => null)
  if (there && !there.isFile() && !there.isSymbolicLink())
    throw appError('VALIDATION', 'errStorage:notAFileToWrite', {
      path,
      entry: NOT_A_FILE_ID[kindOf(there) ?? 'special file'],
    })
  // In an encrypted workspace every file is sealed here, before a byte reaches the disk (the temp file too),
  // for the path it will be read at (`sealAs`: a staged file is moved into place later).
  const vault = vaultFor(opts.sealAs ?? path)
  const bytes = vault ? sealBytes(vault.key, vault.rel, plain) : plain
  const dir = dirname(path)
  // The name is cut so a long file name (an exported memo's) still leaves room for the suffix.
  const temp = join(dir, `.${tempStem(basename(path))}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  // Keep the permissions of the file being replaced (a user may have tightened them).
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  )
  // 'wx': never take over a name that exists. Until open succeeds there is no temp file of ours to remove.
  const fh = await fsio.open(temp, 'wx', mode)
  let renamed = false
  try {
    try {
      await writeAll(fh, bytes, 0)
      await fsio.sync(fh)
    } finally {
      await fsio.close(fh)
    }
    await fsio.rename(temp, path)
    renamed = true
  } finally {
    if (!renamed) await fsio.unlink(temp).catch(() => undefined)
  }
  await fsyncDir(dir)
}

/**
 * One queued writer per file. Writes run one at a time in call order; a write
 * requested while another is still waiting to start replaces that one's data
 * (only the newest state matters), and every caller's promise settles once a
 * write containing its state is on disk.
 */
export class FileWriteQueue {
  private tail: Promise<void> = Promise.resolve()
  private waiting: { data: string | Buffer; promise: Promise<void> } | null = null

  constructor(readonly path: string) {}

  write(data: string | Buffer): Promise<void> {
    if (this.waiting) {
      this.waiting.data = data
      return this.waiting.promise
    }
    const slot: { data: string | Buffer; promise: Promise<void> } = { data, promise: Promise.resolve() }
    this.waiting = slot
    slot.promise = this.tail
      .catch(() => undefined)
      .then(() => {
        if (this.waiting === slot) this.waiting = null
        return durableWriteFile(this.path, slot.data)
      })
    this.tail = slot.promise
    return slot.promise
  }

  /** Resolves once nothing is being written or waiting. */
  async idle(): Promise<void> {
    let seen: Promise<void>
    do {
      seen = this.tail
      await seen.catch(() => undefined)
    } while (seen !== this.tail)
  }
}

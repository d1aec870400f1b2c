import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/** fsync of the folder makes a rename or a new name survive a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (e) {
    // Some file systems (and Windows) refuse fsync on a directory; the file itself is already synced.
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw e
  } finally {
    await handle?.close()
  }
}

/**
 * Writes a whole file durably: unique temp file, fsync, rename (write-file-atomic),
 * then fsync of the folder.
 */
export async function durableWriteFile(path: string, data: string | Buffer): Promise<void> {
  await writeFileAtomic(path, data, { fsync: true })
  await fsyncDir(dirname(path))
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

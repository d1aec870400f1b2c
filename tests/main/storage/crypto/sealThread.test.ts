/**
 * Large evidence files in an encrypted workspace are sealed in a worker thread
 * (crypto/sealThread.ts). The bytes it writes must be exactly what sealing here
 * writes: the same layout, opening to the same original, whatever the chunking.
 */
import { createHash, randomBytes } from 'node:crypto'
import { open, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { hashBlobFile, readBlobFile } from '@main/storage/crypto/blobFiles'
import { encryptWorkspace } from '@main/storage/crypto/migrate'
import {
  type BlobSealer,
  type SealedPiece,
  blobSealer,
  InlineSealer,
  SEAL_IN_THREAD_FROM,
  ThreadSealer,
  sealWorkerEntry,
} from '@main/storage/crypto/sealThread'
import { openSealedBlob, SEALED_SEGMENT, SEGMENT_BYTES, sealedSize } from '@main/storage/crypto/segments'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const key = randomBytes(32)
/** Low scrypt cost for tests only (the app's is N = 2^17). */
const FAST = { N: 2 ** 10, r: 8, p: 1 }
const REL = 'blobs/0123'
/** A batch's plain bytes: a push of this many hands a batch to be sealed. */
const BATCH_PLAIN = 4 * SEGMENT_BYTES

/** The error a sealer gives once its thread stopped, for `reason`. */
const stoppedBy = (reason: string) => ({ code: 'INTERNAL', message: `Sealing an evidence file stopped: ${reason}` })

/** Seals `plain` pushed in chunks of the given sizes (cycled), as a streamed import does; returns the file's bytes. */
async function sealAll(sealer: BlobSealer, plain: Buffer, sizes: number[]): Promise<Buffer> {
  const file = Buffer.alloc(sealedSize(plain.length), 0xaa)
  // One reused buffer, overwritten as soon as push returns: the sealer must not depend on it afterwards.
  const reused = Buffer.alloc(Math.max(...sizes))
  const pushed: Promise<SealedPiece[]>[] = []
  for (let off = 0, i = 0; off < plain.length; i++) {
    const n = Math.min(sizes[i % sizes.length], plain.length - off)
    plain.copy(reused, 0, off, off + n)
    pushed.push(sealer.push(reused.subarray(0, n)))
    reused.fill(0xee)
    off += n
  }
  const place = (pieces: SealedPiece[]) => {
    for (const p of pieces) {
      expect(p.at + p.bytes.length).toBeLessThanOrEqual(file.length)
      p.bytes.copy(file, p.at)
    }
  }
  // Placed, then handed back for reuse, batch by batch: a recycled buffer is taken by a later push.
  for (const pieces of await Promise.all(pushed)) {
    place(pieces)
    sealer.recycle(pieces)
  }
  const { tail, header } = await sealer.end(REL)
  place(tail)
  header.copy(file, 0)
  await sealer.close()
  return file
}

async function opened(sealed: Buffer): Promise<Buffer> {
  const path = join(await tempDir(), 'blob')
  await writeFile(path, sealed)
  const fh = await open(path, 'r')
  try {
    const blob = await openSealedBlob(key, REL, fh)
    const out: Buffer[] = []
    for await (const p of blob.range(0, blob.size - 1)) out.push(p)
    return Buffer.concat(out)
  } finally {
    await fh.close()
  }
}

describe('sealing in a worker thread', () => {
  it('is found from the sources', () => {
    expect(sealWorkerEntry()?.entry).toMatch(/sealWorker\.ts$/)
  })

  it('writes what sealing here writes, opening to the original, across odd chunk sizes', async () => {
    const plain = randomBytes(5 * SEGMENT_BYTES + 777)
    const sizes = [100_003, SEGMENT_BYTES, 1, 3 * SEGMENT_BYTES + 5]
    const threaded = await sealAll(new ThreadSealer(key, sealWorkerEntry()!), plain, sizes)
    const inline = await sealAll(new InlineSealer(key), plain, sizes)
    expect(threaded.length).toBe(sealedSize(plain.length))
    expect(inline.length).toBe(threaded.length)
    expect((await opened(threaded)).equals(plain)).toBe(true)
    expect((await opened(inline)).equals(plain)).toBe(true)
    // Each blob has its own salt, so its own key: the two never share ciphertext.
    expect(threaded.subarray(100, 200).equals(inline.subarray(100, 200))).toBe(false)
  })

  it('says where each batch goes, so batches written in any order make the same file', async () => {
    const plain = randomBytes(9 * SEGMENT_BYTES + 3)
    const s = new InlineSealer(key)
    const pieces = (await Promise.all([s.push(plain.subarray(0, 5_000_000)), s.push(plain.subarray(5_000_000))])).flat()
    const { tail, header } = await s.end(REL)
    const file = Buffer.alloc(sealedSize(plain.length))
    for (const p of [...tail, ...pieces].reverse()) p.bytes.copy(file, p.at)
    header.copy(file, 0)
    expect((await opened(file)).equals(plain)).toBe(true)
  })

  it('seals in a few reused buffers: one handed back is the next one filled', async () => {
    const s = new InlineSealer(key)
    const [a] = await s.push(randomBytes(4 * SEGMENT_BYTES))
    s.recycle([a])
    const [b] = await s.push(randomBytes(4 * SEGMENT_BYTES))
    expect(b.bytes.buffer).toBe(a.bytes.buffer)
    // Not handed back: a new one, so bytes still waiting to be written are never overwritten.
    const [c] = await s.push(randomBytes(4 * SEGMENT_BYTES))
    expect(c.bytes.buffer).not.toBe(b.bytes.buffer)
  })

  it('pools only whole batch buffers: a piece that is not one is never written into', async () => {
    const s = new InlineSealer(key)
    const short = Buffer.alloc(100)
    // A batch's size, but a view inside it: what the pool takes is the whole buffer from its start.
    const inside = Buffer.alloc(4 * SEALED_SEGMENT).subarray(SEALED_SEGMENT)
    s.recycle([
      { at: 0, bytes: short },
      { at: 0, bytes: inside },
    ])
    const plain = randomBytes(BATCH_PLAIN + 5)
    const [p] = await s.push(plain)
    expect(p.bytes.buffer).not.toBe(short.buffer)
    expect(p.bytes.buffer).not.toBe(inside.buffer)
    expect(Buffer.from(short.buffer).every((b) => b === 0)).toBe(true)
    expect(Buffer.from(inside.buffer).every((b) => b === 0)).toBe(true)
    const { tail, header } = await s.end(REL)
    const file = Buffer.alloc(sealedSize(plain.length))
    for (const q of [p, ...tail]) q.bytes.copy(file, q.at)
    header.copy(file, 0)
    expect((await opened(file)).equals(plain)).toBe(true)
  })

  it('closes inline as a promise, there being no thread to stop', async () => {
    const closing = new InlineSealer(key).close()
    expect(closing).toBeInstanceOf(Promise)
    await expect(closing).resolves.toBeUndefined()
  })

  it('seals an empty file and a file of exactly one segment', async () => {
    for (const plain of [Buffer.alloc(0), randomBytes(SEGMENT_BYTES)]) {
      const sealed = await sealAll(new ThreadSealer(key, sealWorkerEntry()!), plain, [SEGMENT_BYTES])
      expect(sealed.length).toBe(sealedSize(plain.length))
      if (plain.length) expect((await opened(sealed)).equals(plain)).toBe(true)
    }
  })

  it('refuses work once closed, by name, and closing twice is harmless', async () => {
    const s = new ThreadSealer(key, sealWorkerEntry()!)
    await s.push(randomBytes(10))
    await s.close()
    await s.close()
    await expect(s.push(randomBytes(10))).rejects.toMatchObject(stoppedBy('closed'))
  })

  it('hands each batch to the thread and back, not a copy of it', async () => {
    const s = new ThreadSealer(key, sealWorkerEntry()!)
    try {
      const [a] = await s.push(randomBytes(BATCH_PLAIN))
      const sent = a.bytes.buffer
      s.recycle([a])
      const next = s.push(randomBytes(BATCH_PLAIN))
      // The recycled buffer took the next batch and went with it: this thread can no longer touch it.
      expect(sent.byteLength).toBe(0)
      expect((await next)[0].bytes.length).toBe(4 * SEALED_SEGMENT)
    } finally {
      await s.close()
    }
  })

  it('is used for a file from 32 MiB on, or of unknown size never', async () => {
    const chosen = (n?: number) => {
      const s = blobSealer(key, n)
      void s.close()
      return s.constructor.name
    }
    expect(chosen(SEAL_IN_THREAD_FROM)).toBe('ThreadSealer')
    expect(chosen(SEAL_IN_THREAD_FROM - 1)).toBe('InlineSealer')
    expect(chosen(10)).toBe('InlineSealer')
    expect(chosen(undefined)).toBe('InlineSealer')
    // A benchmark decides for itself.
    const forced = (n: number, inThread: boolean) => {
      const s = blobSealer(key, n, inThread)
      void s.close()
      return s.constructor.name
    }
    expect(forced(10, true)).toBe('ThreadSealer')
    expect(forced(SEAL_IN_THREAD_FROM * 4, false)).toBe('InlineSealer')
  })

  describe('when the thread fails', () => {
    /** A stand-in for the built seal worker, run from this source: how a thread that fails is made. */
    async function failing(source: string): Promise<BlobSealer> {
      const path = join(await tempDir(), 'sealWorker.mjs')
      await writeFile(path, source)
      return blobSealer(key, undefined, pathToFileURL(path))
    }

    it('runs the worker it is given, and rejects a batch the thread could not seal with its reason', async () => {
      const s = await failing(
        "import { parentPort } from 'node:worker_threads'\n" +
          "parentPort.on('message', () => parentPort.postMessage({ ok: false, message: 'no room' }))\n",
      )
      try {
        await s.push(randomBytes(10))
        await expect(s.end(REL)).rejects.toMatchObject(stoppedBy('no room'))
      } finally {
        await s.close()
      }
    })

    it('rejects the batch waiting, and every later one, when the thread exits', async () => {
      const s = await failing('process.exit(3)\n')
      // Ten bytes left over past the batch below: end() seals them, the one way to reach the thread once
      // it stopped without push()'s own check first.
      await s.push(randomBytes(10))
      await expect(s.push(randomBytes(BATCH_PLAIN))).rejects.toMatchObject(stoppedBy('exit code 3'))
      await expect(s.push(randomBytes(10))).rejects.toMatchObject(stoppedBy('exit code 3'))
      await expect(s.end(REL)).rejects.toMatchObject(stoppedBy('exit code 3'))
      // Closing a sealer whose thread already stopped keeps the reason it stopped for.
      await s.close()
      await expect(s.push(randomBytes(10))).rejects.toMatchObject(stoppedBy('exit code 3'))
    })

    it('rejects with the error the thread threw', async () => {
      const s = await failing("throw new Error('the cipher broke')\n")
      await expect(s.push(randomBytes(BATCH_PLAIN))).rejects.toMatchObject(stoppedBy('the cipher broke'))
      await expect(s.push(randomBytes(10))).rejects.toMatchObject(stoppedBy('the cipher broke'))
      await s.close()
    })
  })

  it('imports a large file into an encrypted workspace: sealed on disk, the same bytes read back', async () => {
    const root = await tempDir()
    const outside = await tempDir('casefile-src-')
    await encryptWorkspace(root, 'correct horse battery staple', { cost: FAST })
    const plain = randomBytes(SEAL_IN_THREAD_FROM + 3 * SEGMENT_BYTES + 99)
    const src = join(outside, 'large.bin')
    await writeFile(src, plain)
    const sha = createHash('sha256').update(plain).digest('hex')
    const s = await openWorkspace(root, { unlock: { passphrase: 'correct horse battery staple' } })
    try {
      const c = await s.cases.create({ title: 'Large file' })
      const item = await s.evidence.importFile(c.id, src, { title: 'Large' })
      expect(item.file?.sha256).toBe(sha)
      const blob = join(root, 'blobs', sha)
      const onDisk = await open(blob, 'r').then(async (fh) => {
        const st = await fh.stat()
        await fh.close()
        return st.size
      })
      expect(onDisk).toBe(sealedSize(plain.length))
      expect(await hashBlobFile(blob)).toBe(sha)
      expect((await readBlobFile(blob)).equals(plain)).toBe(true)
      // Nothing left behind by the writer.
      expect((await readdir(join(root, 'blobs'))).filter((n) => n.startsWith('.incoming'))).toEqual([])
    } finally {
      await s.close()
    }
  })
})

import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DurableJsonAdapter, Low, StoredDocument } from '@main/storage/document'
import { FileWriteQueue } from '@main/storage/durableWrite'
import { WorkspaceStore } from '@main/storage/store'
import { z } from 'zod'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
type Doc = { schemaVersion: number; items: string[] }

describe('StoredDocument.update', () => {
  it('does not drop a later, still-queued edit from memory when an earlier write fails', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, JSON.stringify({ schemaVersion: 1, items: [] }))
    const queue = new FileWriteQueue(file)
    // The first write goes to a folder that does not exist (a failing disk); later ones succeed.
    // While that first write runs, a second edit arrives (autosave) and queues behind it.
    let writes = 0
    let b: Promise<unknown> | undefined
    Object.defineProperty(queue, 'path', {
      get: () => {
        if (writes++ > 0) return file
        b = doc.update((d) => d.items.push('b'))
        return join(dir, 'missing', 'doc.json')
      },
    })
    const low = new Low<Doc>(new DurableJsonAdapter<Doc>(file, queue, false), { schemaVersion: 1, items: [] })
    const doc = new StoredDocument<Doc>(
      'doc.json',
      low,
      false,
      async () => undefined,
      // Reads the disk at once, as the store's reload does (before the queued write has landed).
      async () => JSON.parse(readFileSync(file, 'utf8')) as Doc,
      () => undefined,
    )

    await expect(doc.update((d) => d.items.push('a'))).rejects.toMatchObject({ code: 'ENOENT' })
    await b // b's write, queued behind the failed one, carried the whole state and landed

    const disk = JSON.parse(await readFile(file, 'utf8')) as Doc
    expect(disk.items).toEqual(['a', 'b'])
    expect(doc.data.items).toEqual(disk.items)

    // The next edit must not undo b on disk.
    await doc.update((d) => d.items.push('c'))
    expect((JSON.parse(await readFile(file, 'utf8')) as Doc).items).toEqual(['a', 'b', 'c'])
  })

  it('reloads the intact file when its own write was the last and failed', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, JSON.stringify({ schemaVersion: 1, items: ['x'] }))
    const queue = new FileWriteQueue(file)
    let writes = 0
    Object.defineProperty(queue, 'path', { get: () => (writes++ === 0 ? join(dir, 'missing', 'doc.json') : file) })
    const low = new Low<Doc>(new DurableJsonAdapter<Doc>(file, queue, false), { schemaVersion: 1, items: ['x'] })
    const doc = new StoredDocument<Doc>(
      'doc.json',
      low,
      false,
      async () => undefined,
      async () => JSON.parse(await readFile(file, 'utf8')) as Doc,
      () => undefined,
    )
    await expect(doc.update((d) => d.items.push('lost'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(doc.data.items).toEqual(['x'])
  })
})

describe('a retired document', () => {
  it('refuses updates and never writes one that was already under way', async () => {
    const root = await tempDir()
    const Schema = z.object({ schemaVersion: z.number(), items: z.array(z.string()).default([]) })
    await writeFile(join(root, 'x.json'), JSON.stringify({ schemaVersion: 1, items: [] }))
    const store = await WorkspaceStore.open(root, { backupIntervalMs: 0 })
    try {
      const d = await store.document('x.json', 'case', Schema)
      // The backup step runs before the write: retire the document while it runs.
      const pending = d.update((x) => x.items.push('late'))
      d.retire()
      await expect(pending).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(d.update((x) => x.items.push('later'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(JSON.parse(await readFile(join(root, 'x.json'), 'utf8')).items).toEqual([])
    } finally {
      await store.close()
    }
  })
})

describe('a stored document at its edges', () => {
  /** A document over a real file, with the given read-only flag and a hook run before each write. */
  async function documentAt(opts: { readOnly?: boolean; beforeWrite?: () => Promise<void> } = {}) {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, JSON.stringify({ schemaVersion: 1, items: ['on disk'] }))
    const low = new Low<Doc>(new DurableJsonAdapter<Doc>(file, new FileWriteQueue(file), false), {
      schemaVersion: 1,
      items: ['on disk'],
    })
    const doc = new StoredDocument<Doc>(
      'doc.json',
      low,
      opts.readOnly ?? false,
      opts.beforeWrite ?? (async () => undefined),
      async () => JSON.parse(await readFile(file, 'utf8')) as Doc,
      () => undefined,
    )
    return { doc, file, dir }
  }

  it('a read-only one refuses an update before applying it, by its path', async () => {
    const { doc, file } = await documentAt({ readOnly: true })
    let ran = false
    await expect(doc.update(() => (ran = true))).rejects.toMatchObject({
      relPath: 'doc.json',
      message: expect.stringMatching(/doc\.json was written by a newer version of Casefile and is open read-only/),
    })
    expect(ran).toBe(false)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, items: ['on disk'] })
  })

  it('a retired one refuses an update before applying it, by its path', async () => {
    const { doc } = await documentAt()
    doc.retire()
    let ran = false
    await expect(doc.update(() => (ran = true))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('doc.json'),
    })
    expect(ran).toBe(false)
  })

  it('a write that fails puts memory back to what the disk holds, and passes the failure on', async () => {
    const { doc, file } = await documentAt({
      beforeWrite: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      },
    })
    await expect(doc.update((d) => d.items.push('lost'))).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(doc.data.items).toEqual(['on disk'])
    expect(JSON.parse(await readFile(file, 'utf8')).items).toEqual(['on disk'])
  })

  it('an update returns what its function returns, and the disk then holds it', async () => {
    const { doc, file } = await documentAt()
    expect(await doc.update((d) => d.items.push('second'))).toBe(2)
    expect(JSON.parse(await readFile(file, 'utf8')).items).toEqual(['on disk', 'second'])
  })

  it("the adapter reads a missing file as none, and refuses bytes that are not UTF-8 by the file's path", async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const adapter = new DurableJsonAdapter<Doc>(file, new FileWriteQueue(file), false)
    expect(await adapter.read()).toBeNull()
    await writeFile(file, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))
    await expect(adapter.read()).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringContaining(file) })
    await mkdir(join(dir, 'folder.json'))
    const folder = new DurableJsonAdapter<Doc>(join(dir, 'folder.json'), new FileWriteQueue(file), false)
    await expect(folder.read()).rejects.toMatchObject({ code: 'ENOTREGULAR' })
  })
})

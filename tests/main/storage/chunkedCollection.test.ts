import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Annotation, AnnotationsFile, CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { ChunkedCollection, chunkFile } from '@main/storage/chunkedCollection'
import { replaceFsIo } from '@main/storage/fsio'
import { WorkspaceStore } from '@main/storage/store'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const DIR = join('cases', 'c1', 'annotations')

const ann = (i: number): Annotation =>
  Annotation.parse({
    id: `ann_${i}`,
    evidenceId: 'ev1',
    target: { type: 'time', start: 1000 - i, end: 1001 - i },
    text: `note ${i}`,
    tags: [],
    eventIds: [],
    statuteIds: [],
    createdAt: '2026-01-27T17:00:00.000Z',
    updatedAt: '2026-01-27T17:00:00.000Z',
  })

const open = (store: WorkspaceStore, chunkSize = 10) =>
  ChunkedCollection.open<Annotation, typeof AnnotationsFile>({
    store,
    dir: DIR,
    base: 'ev1',
    kind: 'annotations',
    schema: AnnotationsFile,
    items: (f) => f.annotations,
    empty: () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, evidenceId: 'ev1', annotations: [] }),
    chunkSize,
    compare: (a, b) => (a.target as { start: number }).start - (b.target as { start: number }).start,
  })

/** Inode and mtime of every chunk file: our writes replace a file, so a rewrite changes its inode. */
async function identities(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const n of await readdir(join(root, DIR))) {
    const s = await stat(join(root, DIR, n), { bigint: true })
    out[n] = `${s.ino}:${s.mtimeNs}`
  }
  return out
}

describe('ChunkedCollection', () => {
  it('splits into chunk files that are each a valid AnnotationsFile, the first under the classic name', async () => {
    const root = await tempDir()
    const store = await WorkspaceStore.open(root)
    try {
      const c = await open(store)
      await c.addMany(Array.from({ length: 35 }, (_, i) => ann(i)))
      expect(c.size).toBe(35)
      expect(c.chunkNumbers()).toEqual([0, 1, 2, 3])
      expect((await readdir(join(root, DIR))).sort()).toEqual(['ev1.1.json', 'ev1.2.json', 'ev1.3.json', 'ev1.json'])
      for (const n of [0, 1, 2, 3]) {
        const file = AnnotationsFile.parse(JSON.parse(await readFile(join(root, chunkFile(DIR, 'ev1', n)), 'utf8')))
        expect(file.annotations.length).toBeLessThanOrEqual(10)
      }
      // The view is ordered across chunks, whatever chunk a record sits in.
      expect(c.all().map((a) => a.id)).toEqual(Array.from({ length: 35 }, (_, i) => `ann_${34 - i}`))
    } finally {
      await store.close()
    }
  })

  it('rewrites only the chunk holding the record it changes', async () => {
    const root = await tempDir()
    const store = await WorkspaceStore.open(root)
    try {
      const c = await open(store)
      await c.addMany(Array.from({ length: 35 }, (_, i) => ann(i)))
      const target = 'ann_15'
      const changed = c.chunkPathOf(target)!
      const before = await identities(root)
      await c.update(target, (a) => ({ ...a, text: 'edited' }))
      const after = await identities(root)
      const differing = Object.keys(after).filter((n) => after[n] !== before[n])
      expect(differing).toEqual([changed.split('/').pop()])
      expect(c.get(target)?.text).toBe('edited')

      const before2 = await identities(root)
      await c.remove('ann_33')
      const after2 = await identities(root)
      expect(Object.keys(after2).filter((n) => after2[n] !== before2[n])).toEqual(['ev1.3.json'])
    } finally {
      await store.close()
    }
  })

  it('survives reopening: same records, same chunks, new records fill the last chunk', async () => {
    const root = await tempDir()
    let store = await WorkspaceStore.open(root)
    const c = await open(store)
    await c.addMany(Array.from({ length: 25 }, (_, i) => ann(i)))
    await c.update('ann_3', (a) => ({ ...a, text: 'kept' }))
    await c.remove('ann_7')
    await store.close()

    store = await WorkspaceStore.open(root)
    try {
      const again = await open(store)
      expect(again.size).toBe(24)
      expect(again.get('ann_3')?.text).toBe('kept')
      expect(again.has('ann_7')).toBe(false)
      expect(again.chunkNumbers()).toEqual([0, 1, 2])
      await again.add(ann(100))
      expect(again.chunkPathOf('ann_100')).toBe(chunkFile(DIR, 'ev1', 2))
      await expect(again.add(ann(100))).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await again.removeAll()).toHaveLength(25)
      expect(await readdir(join(root, DIR))).toEqual([])
    } finally {
      await store.close()
    }
  })

  it('creates no file for a collection that was never written', async () => {
    const root = await tempDir()
    const store = await WorkspaceStore.open(root)
    try {
      const c = await open(store)
      expect(c.size).toBe(0)
      expect(c.all()).toEqual([])
      await expect(c.update('nope', (a) => a)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(stat(join(root, DIR))).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await store.close()
    }
  })
})

describe('ChunkedCollection at its edges', () => {
  it('orders chunks by number past 9, ignores files of other names beside them, and lists in compare order', async () => {
    const root = await tempDir()
    let store = await WorkspaceStore.open(root)
    const c = await open(store, 2)
    // 12 chunks of 2: chunk 10 and 11 sort after 9 as numbers, not as text ("ev1.10.json" < "ev1.2.json").
    await c.addMany(Array.from({ length: 24 }, (_, i) => ann(i)))
    expect(c.chunkNumbers()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(c.chunkPathOf('ann_23')).toBe(chunkFile(DIR, 'ev1', 11))
    expect(c.chunkPathOf('nope')).toBeUndefined()
    expect(c.get('nope')).toBeUndefined()
    await store.close()
    // Files that only look alike: another item's chunks, a backup copy, a name with the base inside it.
    for (const stray of ['ev10.json', 'xev1.json', 'ev1.json.bak', 'ev1.3.json~', 'ev1.x.json'])
      await writeFile(join(root, DIR, stray), '{}')

    store = await WorkspaceStore.open(root)
    try {
      const again = await open(store, 2)
      expect(again.chunkNumbers()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
      expect(again.size).toBe(24)
      // compare: by start, which falls as i rises, so the newest first.
      expect(again.all().map((a) => a.id)).toEqual(Array.from({ length: 24 }, (_, i) => `ann_${23 - i}`))
      // A new record goes to a new chunk after the last full one, numbered 12, not after the strays.
      await again.add(ann(99))
      expect(again.chunkPathOf('ann_99')).toBe(chunkFile(DIR, 'ev1', 12))
      expect(again.all()[0]!.id).toBe('ann_99')
    } finally {
      await store.close()
    }
  })

  it('refuses a name with a dot, an id twice in one batch or already held, and a change of id; keeps memory as the disk', async () => {
    const root = await tempDir()
    const store = await WorkspaceStore.open(root)
    try {
      await expect(
        ChunkedCollection.open<Annotation, typeof AnnotationsFile>({
          store,
          dir: DIR,
          base: 'ev.1',
          kind: 'annotations',
          schema: AnnotationsFile,
          items: (f) => f.annotations,
          empty: () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, evidenceId: 'ev1', annotations: [] }),
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('ev.1') })
      const c = await open(store, 3)
      await c.addMany([ann(1), ann(2)])
      // Refused whole, before anything is written: ann_3 (which had room) is not added either.
      await expect(c.addMany([ann(3), ann(1)])).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('ann_1'),
      })
      await expect(c.addMany([ann(4), ann(5), ann(4)])).rejects.toMatchObject({ code: 'CONFLICT' })
      expect([c.has('ann_3'), c.has('ann_4'), c.size]).toEqual([false, false, 2])
      await expect(c.update('ann_2', (a) => ({ ...a, id: 'ann_other' }))).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      expect(c.get('ann_2')?.id).toBe('ann_2')
      await expect(c.remove('ann_absent')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('ann_absent'),
      })
      // A batch larger than the room left fills the chunk and starts the next.
      await c.addMany([ann(10), ann(11), ann(12), ann(13)])
      expect(c.chunkPathOf('ann_10')).toBe(chunkFile(DIR, 'ev1', 0))
      expect(c.chunkPathOf('ann_11')).toBe(chunkFile(DIR, 'ev1', 1))
      expect(c.chunkPathOf('ann_13')).toBe(chunkFile(DIR, 'ev1', 1))
      const onDisk = JSON.parse(await readFile(join(root, DIR, 'ev1.json'), 'utf8')) as { annotations: Annotation[] }
      expect(onDisk.annotations.map((a) => a.id)).toEqual(['ann_10', 'ann_2', 'ann_1'])
      expect(await readdir(join(root, DIR))).toEqual(['ev1.1.json', 'ev1.json'])
    } finally {
      await store.close()
    }
  })
})

describe('ChunkedCollection when a write fails', () => {
  it('holds none of the records whose write failed, and takes them once the disk is back', async () => {
    const root = await tempDir()
    const store = await WorkspaceStore.open(root)
    try {
      const c = await open(store, 2)
      await c.addMany([ann(1)])
      const restore = replaceFsIo({
        rename: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
        },
      })
      try {
        await expect(c.addMany([ann(2), ann(3)])).rejects.toMatchObject({ code: 'ENOSPC' })
        await expect(c.add(ann(4))).rejects.toMatchObject({ code: 'ENOSPC' })
      } finally {
        restore()
      }
      expect([c.size, c.has('ann_2'), c.has('ann_3'), c.has('ann_4')]).toEqual([1, false, false, false])
      await c.addMany([ann(2), ann(3)])
      expect(c.all().map((a) => a.id)).toEqual(['ann_3', 'ann_2', 'ann_1'])
    } finally {
      await store.close()
    }
  })
})

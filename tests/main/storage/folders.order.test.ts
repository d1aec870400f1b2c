/**
 * The listing order is the file system's (and libuv's, which already sorts on POSIX): here the
 * listing comes back reversed, as another platform may give it, and the result is still sorted.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { entriesIn, jsonFilesIn } from '@main/storage/folders'
import { useTempDirs } from '../../helpers/tmp'

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const readdir = async (...args: Parameters<typeof real.readdir>) =>
    ((await real.readdir(...args)) as unknown[]).slice().reverse()
  return { ...real, default: { ...real, readdir }, readdir }
})

const tempDir = useTempDirs()

describe('a folder listed in any order', () => {
  it('comes back sorted by code unit', async () => {
    const root = await tempDir()
    const dir = join(root, 'cases')
    await mkdir(join(dir, 'm-folder'), { recursive: true })
    const names = ['b.json', 'B.json', 'a.json', '_x.json', 'z.json', 'Z.json', 'a.json.json', 'm.json']
    for (const name of names) await writeFile(join(dir, name), '{}')
    const sorted = [...names, 'm-folder'].sort()
    expect((await entriesIn(root, 'cases')).map((e) => e.name)).toEqual(sorted)
    expect(await jsonFilesIn(root, 'cases')).toEqual(
      sorted.filter((n) => n.endsWith('.json')).map((n) => join('cases', n)),
    )
  })
})

/**
 * Listing a workspace folder (folders.ts): what each entry is, in one order on
 * every platform, nothing for a folder that is not there, and an error for one
 * that cannot be read.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entriesIn, jsonFilesIn, namesIn } from '@main/storage/folders'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('a workspace folder listed', () => {
  it('names what each entry is, sorted by code unit (capitals first), whatever the listing order', async () => {
    const root = await tempDir()
    const dir = join(root, 'cases')
    await mkdir(join(dir, 'b-folder'), { recursive: true })
    for (const name of ['c.json', 'A.json', 'a.json', '_x', 'Z']) await writeFile(join(dir, name), '{}')
    await symlink('c.json', join(dir, 'link.json'))
    execFileSync('mkfifo', [join(dir, 'pipe')])
    expect(await entriesIn(root, 'cases')).toEqual([
      { name: 'A.json', type: 'file' },
      { name: 'Z', type: 'file' },
      { name: '_x', type: 'file' },
      { name: 'a.json', type: 'file' },
      { name: 'b-folder', type: 'folder' },
      { name: 'c.json', type: 'file' },
      { name: 'link.json', type: 'link' },
      { name: 'pipe', type: 'other' },
    ])
    expect(await namesIn(root, 'cases')).toEqual([
      'A.json',
      'Z',
      '_x',
      'a.json',
      'b-folder',
      'c.json',
      'link.json',
      'pipe',
    ])
  })

  it('gives the .json entries as workspace paths, whatever they are, but not dotfiles (temp files)', async () => {
    const root = await tempDir()
    const dir = join(root, 'statutes')
    await mkdir(join(dir, 'folder.json'), { recursive: true })
    for (const name of ['b.json', 'a.json', '.a.json.1.0123456789ab.tmp', '.hidden.json', 'notes.txt', 'json'])
      await writeFile(join(dir, name), '{}')
    expect(await jsonFilesIn(root, 'statutes')).toEqual([
      join('statutes', 'a.json'),
      join('statutes', 'b.json'),
      join('statutes', 'folder.json'),
    ])
  })

  it('lists nothing for a folder not there (yet) or one that is a file; other errors are the caller’s', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'file'), 'x')
    expect(await entriesIn(root, 'missing')).toEqual([])
    expect(await entriesIn(root, 'file')).toEqual([])
    expect(await jsonFilesIn(root, 'missing/deeper')).toEqual([])
    await symlink('loop', join(root, 'loop'))
    await expect(entriesIn(root, 'loop')).rejects.toMatchObject({ code: 'ELOOP' })
  })
})

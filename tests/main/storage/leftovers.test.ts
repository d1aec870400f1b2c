/**
 * What a file's name says a stop left (leftovers.ts), and which of those check and
 * repair take for stale: another process's, never this one's (a write may be in
 * flight), and write-file-atomic's always (its name carries no process).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { leftoverOf, staleTemps } from '@main/storage/leftovers'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const me = process.pid

describe('leftoverOf', () => {
  it.each([
    ['.case.json.123.0123456789ab.tmp', { kind: 'write', of: 'case.json', pid: 123 }],
    ['.a.b.json.7.abcdefabcdef.tmp', { kind: 'write', of: 'a.b.json', pid: 7 }],
    ['case.json.4000000000', { kind: 'write', of: 'case.json', pid: null }],
    ['.incoming-55-00ff', { kind: 'import', pid: 55 }],
    ['.workspace.json.9.0123456789ab.converting', { kind: 'conversion', of: 'workspace.json', pid: 9 }],
  ])('%s', (name, expected) => {
    expect(leftoverOf(name)).toEqual(expected)
  })

  it.each([
    'case.json',
    '.case.json.123.0123456789a.tmp', // eleven hex digits
    '.case.json.123.0123456789ABCDEF.tmp', // upper case, too long
    '.case.json.12x.0123456789ab.tmp',
    'case.json.tmp',
    'notes.txt.123',
    '.incoming-55-',
    '.incoming-x-00ff',
    'x.incoming-55-00ff',
    '.case.json.9.0123456789ab.converting.bak',
    '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ])('not %s', (name) => {
    expect(leftoverOf(name)).toBeNull()
  })
})

describe('staleTemps', () => {
  it("lists another process's leftovers in the folders named, each with what it was of, and none of this one's", async () => {
    const root = await tempDir()
    await mkdir(join(root, 'cases', 'c1'), { recursive: true })
    await mkdir(join(root, 'blobs'))
    const files = [
      '.workspace.json.1.0123456789ab.tmp',
      `.workspace.json.${me}.0123456789ab.tmp`,
      'workspace.json.123',
      'cases/c1/.case.json.2.aaaaaaaaaaaa.converting',
      `cases/c1/.case.json.${me}.aaaaaaaaaaaa.converting`,
      'blobs/.incoming-3-00',
      `blobs/.incoming-${me}-00`,
      'blobs/0123',
    ]
    for (const f of files) await writeFile(join(root, f), 'x')
    // A folder named like a temp file is not one; a folder not named is not looked in.
    await mkdir(join(root, 'blobs', '.incoming-4-00'))
    await mkdir(join(root, 'elsewhere'))
    await writeFile(join(root, 'elsewhere', '.x.json.5.0123456789ab.tmp'), 'x')

    const found = await staleTemps(root, ['', 'cases/c1', 'blobs', 'missing'])
    expect(found).toEqual([
      { file: '.workspace.json.1.0123456789ab.tmp', of: 'workspace.json' },
      { file: 'workspace.json.123', of: 'workspace.json' },
      { file: 'cases/c1/.case.json.2.aaaaaaaaaaaa.converting', of: 'cases/c1/case.json', conversionCopy: true },
      { file: 'blobs/.incoming-3-00', of: 'a blob being imported', importCopy: true },
    ])
  })
})

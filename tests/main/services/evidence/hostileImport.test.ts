/**
 * What a person (or a script) may hand `evidence add --file` and `statute add
 * --text-file`: a FIFO (opening it blocks for ever, holding the workspace lock),
 * a device, a folder, a link to one of them, binary data, another encoding. Each
 * is refused at once with a reason, and nothing is stored.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sequentialIds } from '@main/services/context'
import { openWorkspace } from '@main/services/index'
import { runCli } from '../../../helpers/cli'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()
const soon = <T>(p: Promise<T>, ms = 5_000) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('hung')), ms))])

async function setup() {
  const root = await tempDir()
  const s = await openWorkspace(root, { newId: sequentialIds() })
  const c = await s.cases.create({ title: 'Consulate incident', reference: 'REF-1' })
  const dir = await tempDir()
  execFileSync('mkfifo', [join(dir, 'pipe.mp4')])
  await mkdir(join(dir, 'folder.mp4'))
  await symlink(join(dir, 'pipe.mp4'), join(dir, 'link-to-pipe.mp4'))
  await symlink('/dev/zero', join(dir, 'zero.mp4'))
  await writeFile(join(dir, 'real.mp4'), 'real bytes')
  await symlink(join(dir, 'real.mp4'), join(dir, 'link-to-real.mp4'))
  return { root, s, caseId: c.id, dir }
}

describe('hostile files handed to evidence import', () => {
  it('refuses a FIFO, a folder, a device and a link to a FIFO at once; follows a link to a file', async () => {
    const { root, s, caseId, dir } = await setup()
    try {
      for (const [name, kind] of [
        ['pipe.mp4', 'FIFO'],
        ['folder.mp4', 'folder'],
        ['zero.mp4', 'device'],
        ['link-to-pipe.mp4', 'FIFO'],
        ['/dev/zero', 'device'],
      ]) {
        await expect(
          soon(s.evidence.importFile(caseId, name.startsWith('/') ? name : join(dir, name))),
        ).rejects.toMatchObject({
          code: 'VALIDATION',
          message: expect.stringContaining(`is a ${kind}`),
        })
      }
      expect((await s.caseDetail.get(caseId)).evidence).toEqual([])
      expect((await readdir(join(root, 'blobs')).catch(() => [])).filter((n) => !n.startsWith('.'))).toEqual([])
      const item = await s.evidence.importFile(caseId, join(dir, 'link-to-real.mp4'))
      expect(item.file).toMatchObject({ size: 10, originalName: 'link-to-real.mp4' })
    } finally {
      await s.close()
    }
  })

  it('the command line answers a FIFO with exit 1 and a reason, without hanging or keeping the lock', async () => {
    const { root, s, dir } = await setup()
    await s.close()
    const r = await runCli([
      'evidence',
      'add',
      'REF-1',
      '--file',
      join(dir, 'pipe.mp4'),
      '--title',
      'T',
      '--workspace',
      root,
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/is a FIFO \(named pipe\), not a regular file/)
    // A loop of links: said as one, not as a disk to free or permissions to check.
    await symlink(join(dir, 'loop-b'), join(dir, 'loop-a'))
    await symlink(join(dir, 'loop-a'), join(dir, 'loop-b'))
    const loop = await runCli(['evidence', 'add', 'REF-1', '--file', join(dir, 'loop-a'), '--workspace', root])
    expect([loop.code, loop.stderr]).toEqual([
      1,
      expect.stringMatching(
        /^casefile evidence add: The path \(.*loop-a\) cannot be followed: a link on it leads back to itself, or through too many others \(ELOOP\)\./,
      ),
    ])
    // In Spanish, every word of it (the kind of entry was English).
    const es = await runCli(['evidence', 'add', 'REF-1', '--file', dir, '--lang', 'es', '--workspace', root])
    expect(es.stderr).toContain('es una carpeta, no un archivo normal; solo se pueden importar archivos.')
    const again = await openWorkspace(root)
    await again.close()
  })
})

describe('hostile text handed to statute add', () => {
  it('refuses a FIFO, binary data and text that is not UTF-8, each with a reason', async () => {
    const { root, s, dir } = await setup()
    await s.close()
    execFileSync('mkfifo', [join(dir, 'art.txt')])
    await writeFile(join(dir, 'art.pdf'), Buffer.from('%PDF-1.7\n\u0000\u0001\u0002binary', 'latin1'))
    await writeFile(join(dir, 'art-latin1.txt'), Buffer.from('Artículo 31: inviolabilidad', 'latin1'))
    const add = (file: string) =>
      runCli(['statute', 'add', '--instrument', 'VCCR', '--article', '31', '--text-file', file, '--workspace', root])
    const fifo = await add(join(dir, 'art.txt'))
    expect([fifo.code, fifo.stderr]).toEqual([1, expect.stringMatching(/is a FIFO \(named pipe\), not a regular file/)])
    expect(
      (
        await runCli([
          'statute',
          'add',
          '--instrument',
          'V',
          '--article',
          '1',
          '--text-file',
          join(dir, 'art.txt'),
          '--lang',
          'es',
          '--workspace',
          root,
        ])
      ).stderr,
    ).toContain('es una FIFO (tubería con nombre), no un archivo normal')
    const binary = await add(join(dir, 'art.pdf'))
    expect([binary.code, binary.stderr]).toEqual([1, expect.stringMatching(/looks like binary data/)])
    const latin1 = await add(join(dir, 'art-latin1.txt'))
    expect([latin1.code, latin1.stderr]).toEqual([1, expect.stringMatching(/not valid UTF-8 text \(at byte 3\)/)])
    const ro = await openWorkspace(root, { readOnly: true })
    try {
      expect(await ro.statutes.list()).toEqual([])
    } finally {
      await ro.close()
    }
  })

  it('the library refuses binary text from any door (the window import, an edit)', async () => {
    const { s } = await setup()
    try {
      await expect(s.statutes.add({ instrument: 'VCCR', article: '31', text: 'ok\u0000bytes' })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/U\+0000 at character 2/),
      })
      const ok = await s.statutes.add({ instrument: 'VCCR', article: '31', text: 'Line one\n\tLine two\r\n' })
      await expect(s.statutes.update(ok.id, { text: '\u001b[31mred' })).rejects.toMatchObject({ code: 'VALIDATION' })
    } finally {
      await s.close()
    }
  })
})

describe('a blobs folder that leads out of the workspace', () => {
  it('is refused for imports and never read by verification or check', async () => {
    const { root, s, caseId, dir } = await setup()
    try {
      const elsewhere = await tempDir()
      await symlink(elsewhere, join(root, 'blobs'))
      await expect(s.evidence.importFile(caseId, join(dir, 'real.mp4'))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/is a link/),
      })
      expect(await readdir(elsewhere)).toEqual([])
      await expect(s.evidence.verify()).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect((await s.check.run()).problems.map((p) => p.message).join()).toMatch(
        /blobs could not be checked: .*is a link/,
      )
    } finally {
      await s.close()
    }
  })
})

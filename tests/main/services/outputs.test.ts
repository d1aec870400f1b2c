import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localMessage } from '@shared/i18n/appError'
import { outputPlace, prepareOutput, writeOutput } from '@main/services/outputs'
import { dropVault, registerVault } from '@main/storage/crypto/vault'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

async function layout() {
  const dir = await tempDir()
  const ws = join(dir, 'ws')
  await mkdir(join(ws, 'cases'), { recursive: true })
  return { dir, ws }
}

describe('outputPlace', () => {
  it('refuses the workspace folder itself, its own files and folders, and a folder not made yet under it', async () => {
    const { ws } = await layout()
    for (const out of [
      ws,
      join(ws, 'cases', 'c_1', 'case.json'),
      join(ws, 'cases', 'memo.pdf'),
      join(ws, 'workspace.json'),
      join(ws, 'Statutes.JSON'),
      join(ws, 'audit.jsonl'),
      join(ws, '.casefile.lock'),
      join(ws, 'new', 'deep', 'm.pdf'),
    ])
      await expect(outputPlace(out, ws)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('is inside the workspace folder'),
      })
  })

  it('refuses a way into it through `..` or through a linked folder', async () => {
    const { dir, ws } = await layout()
    await symlink(ws, join(dir, 'link'))
    await mkdir(join(dir, 'elsewhere'))
    await symlink(join(ws, 'cases'), join(dir, 'elsewhere', 'cases-link'))
    for (const out of [
      join(dir, 'elsewhere', '..', 'ws', 'cases', 'm.pdf'),
      join(dir, 'link', 'cases', 'm.pdf'),
      join(dir, 'link', 'workspace.json'),
      join(dir, 'link', 'not', 'yet', 'm.pdf'),
      join(dir, 'elsewhere', 'cases-link', 'm.pdf'),
    ])
      await expect(outputPlace(out, ws)).rejects.toMatchObject({ code: 'VALIDATION' })
    // The workspace named through its link is the same folder.
    await expect(outputPlace(join(ws, 'cases', 'm.pdf'), join(dir, 'link'))).rejects.toMatchObject({
      code: 'VALIDATION',
    })
  })

  it('follows a link whose target does not exist yet: a folder made through it would land in the workspace', async () => {
    const { dir, ws } = await layout()
    await symlink(join(ws, 'newdir'), join(dir, 'dangling'))
    await symlink(join(dir, 'dangling'), join(dir, 'chain'))
    for (const out of [join(dir, 'dangling', 'm.pdf'), join(dir, 'chain', 'deeper', 'm.pdf')])
      await expect(prepareOutput(out, ws)).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await readdir(ws)).toEqual(['cases'])
  })

  it('takes a memo at the top of a plain workspace, beside its files, but nowhere in an encrypted one', async () => {
    const { dir, ws } = await layout()
    await symlink(ws, join(dir, 'link'))
    expect(await outputPlace(join(ws, 'memo.pdf'), ws)).toBe(join(ws, 'memo.pdf'))
    expect(await outputPlace(join(dir, 'link', 'memo.pdf'), ws)).toBe(join(dir, 'link', 'memo.pdf'))
    registerVault(ws, Buffer.alloc(32, 7))
    try {
      for (const out of [join(ws, 'memo.pdf'), join(dir, 'link', 'memo.pdf'), join(dir, 'link', 'cases', 'm.pdf')])
        await expect(outputPlace(out, ws)).rejects.toMatchObject({ code: 'VALIDATION' })
      expect(await outputPlace(join(dir, 'memo.pdf'), ws)).toBe(join(dir, 'memo.pdf'))
    } finally {
      dropVault(ws)
    }
  })

  it('takes a place beside it, even one whose name begins with the workspace folder’s', async () => {
    const { dir, ws } = await layout()
    expect(await outputPlace(join(dir, 'ws-memos', 'm.pdf'), ws)).toBe(join(dir, 'ws-memos', 'm.pdf'))
    expect(await outputPlace(join(dir, 'm.pdf'), ws)).toBe(join(dir, 'm.pdf'))
    // A file named like a link into the workspace is replaced by the write, not followed.
    await symlink(join(ws, 'cases'), join(dir, 'out.pdf'))
    expect(await outputPlace(join(dir, 'out.pdf'), ws)).toBe(join(dir, 'out.pdf'))
  })

  it('says so in Spanish', async () => {
    const { ws } = await layout()
    const e = await outputPlace(join(ws, 'cases', 'm.pdf'), ws).catch((x: unknown) => x)
    expect(localMessage(e, 'es')).toBe(
      `${join(ws, 'cases', 'm.pdf')} está dentro de la carpeta del espacio de trabajo (${ws}). Lo que hay en ella pertenece a ` +
        'Casefile, y un archivo escrito allí podría reemplazar un archivo de caso o quedar sin cifrar entre sus ' +
        'archivos: elija un lugar fuera de esa carpeta.',
    )
  })
})

describe('prepareOutput', () => {
  it('makes the folder of a place outside, and says in words why one cannot be made', async () => {
    const { dir, ws } = await layout()
    expect(await prepareOutput(join(dir, 'out', 'deep', 'm.pdf'), ws)).toBe(join(dir, 'out', 'deep', 'm.pdf'))
    expect(await readdir(join(dir, 'out'))).toEqual(['deep'])
    await writeFile(join(dir, 'file'), 'x')
    await symlink(join(dir, 'nowhere', 'deeper'), join(dir, 'broken'))
    const inTheWay = await prepareOutput(join(dir, 'file', 'm.pdf'), ws).catch((e: unknown) => e)
    expect(inTheWay).toMatchObject({
      code: 'IO',
      message: `The folder for ${join(dir, 'file', 'm.pdf')} cannot be made (EEXIST): a file stands where one of its folders should be. Choose another place.`,
    })
    expect(localMessage(inTheWay, 'es')).toBe(
      `No se puede crear la carpeta de ${join(dir, 'file', 'm.pdf')} (EEXIST): hay un archivo donde debería estar una de sus carpetas. Elija otro lugar.`,
    )
    await expect(prepareOutput(join(dir, 'broken', 'm.pdf'), ws)).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringContaining('(ENOENT): a link on the way leads to a place that does not exist.'),
    })
  })
})

describe('writeOutput', () => {
  it('writes nothing when the place is inside the workspace', async () => {
    const { ws } = await layout()
    await expect(writeOutput(join(ws, 'cases', 'm.pdf'), 'memo', ws)).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await readdir(join(ws, 'cases'))).toEqual([])
  })
})

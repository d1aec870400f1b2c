/**
 * What the store says of a file it could not load (problems.ts), in either
 * language: the English the banner, `check` and the log have always said, and the
 * same facts in Spanish, with no English left between them.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { localMessage } from '@shared/i18n/appError'
import { openWorkspace } from '@main/services/index'
import { loadProblem, readProblem, reasonOf, type LoadReason } from '@main/storage/problems'
import { parseStoredJson, type StoredJsonFailure } from '@main/storage/storedJson'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const Doc = z.object({ schemaVersion: z.number(), items: z.array(z.string()) })
const failure = (v: unknown) => {
  const bytes = Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))
  return parseStoredJson(bytes, 'case', Doc) as StoredJsonFailure
}
const both = (why: LoadReason, quarantined?: string, backup?: string) => {
  const p = loadProblem('cases/c1/case.json', 'invalid', why, quarantined, backup)
  return { en: p.message, es: localMessage(p, 'es'), p }
}

describe('a file the store could not load, in words', () => {
  it.each<[string, LoadReason, RegExp, RegExp]>([
    [
      'utf8',
      reasonOf(failure(Buffer.from([0x7b, 0xff]))),
      /: it is not valid UTF-8 text\. /,
      /: no es texto UTF-8 válido\. /,
    ],
    ['json', reasonOf(failure('{"a":')), /: it is not valid JSON \(.+\)\. /, /: no es JSON válido \(.+\)\. /],
    [
      'object',
      reasonOf(failure('[]')),
      /: it is not valid JSON \(the file does not hold a JSON object\)\. /,
      /: no es JSON válido \(el archivo no contiene un objeto JSON\)\. /,
    ],
    [
      'migration',
      reasonOf(failure({ schemaVersion: 0, items: [] })),
      /: it could not be migrated from schema 0 \(no migration from schema version 0 to 1\)\. /,
      /: no se pudo migrar desde el esquema 0 \(/,
    ],
    [
      'shape',
      reasonOf(failure({ schemaVersion: CURRENT_SCHEMA_VERSION, items: ['a', 7] })),
      /: it does not match the expected shape at items\.1: Invalid input: expected string, received number\. /,
      /: no tiene la forma esperada en items\.1: Entrada no válida: se esperaba un texto, se recibió un número\. /,
    ],
    [
      'shape at the root',
      reasonOf(parseStoredJson(Buffer.from('{"schemaVersion":1}'), 'case', z.never()) as StoredJsonFailure),
      /: it does not match the expected shape: Invalid input: expected never, received object\. /,
      /: no tiene la forma esperada: /,
    ],
    [
      'sealed',
      { reason: 'sealed' },
      /: its sealed contents do not open with this workspace's key \(it is damaged, or was moved here from another place\)\. /,
      /: su contenido sellado no se abre con la clave de este espacio de trabajo/,
    ],
    [
      'a FIFO',
      { reason: 'notRegular', entry: 'FIFO (named pipe)' },
      /: it is a FIFO \(named pipe\), not a regular file\. /,
      /: es una FIFO \(tubería con nombre\), no un archivo normal\. /,
    ],
    [
      'a link',
      { reason: 'notRegular', entry: 'symbolic link' },
      /: it is a symbolic link, not/,
      /: es un enlace simbólico, no/,
    ],
    ['a folder', { reason: 'notRegular', entry: 'folder' }, /: it is a folder, not/, /: es una carpeta, no/],
  ])('%s', (_what, why, en, es) => {
    const { en: english, es: spanish } = both(why)
    expect(english).toMatch(/^cases\/c1\/case\.json could not be loaded: /)
    expect(english).toMatch(en)
    expect(english).toMatch(/ The file was left untouched\. No good backup of it exists\.$/)
    expect(spanish).toMatch(/^No se pudo cargar cases\/c1\/case\.json: /)
    expect(spanish).toMatch(es)
    expect(spanish).toMatch(/ El archivo se dejó intacto\. No hay ninguna copia de seguridad válida de él\.$/)
  })

  it('says where the file went and which backup there is', () => {
    const { en, es, p } = both({ reason: 'utf8' }, 'quarantine/2026__case.json', 'backups/cases/c1/case.json/x.json')
    expect(en).toMatch(
      / The file was set aside unchanged as quarantine\/2026__case\.json\. A good backup is available \(backups\/cases\/c1\/case\.json\/x\.json\)\.$/,
    )
    expect(es).toMatch(
      / El archivo se apartó sin cambios como quarantine\/2026__case\.json\. Hay una copia de seguridad válida \(backups\/cases\/c1\/case\.json\/x\.json\)\.$/,
    )
    expect(p).toMatchObject({
      file: 'cases/c1/case.json',
      kind: 'invalid',
      quarantinedTo: 'quarantine/2026__case.json',
    })
  })

  it('as check reports them in a workspace: worded in Spanish from what it carries', async () => {
    const root = await tempDir()
    const s = await openWorkspace(root)
    const a = await s.cases.create({ title: 'A' })
    const b = await s.cases.create({ title: 'B' })
    await s.close()
    await writeFile(join(root, 'cases', a.id, 'case.json'), '{"schemaVersion": 1, "title": ')
    await mkdir(join(root, 'cases', b.id, 'annotations'), { recursive: true })
    await symlink('/etc/hostname', join(root, 'cases', b.id, 'annotations', 'ev_x.json'))
    const r = await openWorkspace(root, { readOnly: true })
    try {
      const problems = (await r.check.run()).problems.filter((p) => /could not be loaded/.test(p.message))
      expect(problems).toHaveLength(2)
      expect(problems.map((p) => localMessage(p, 'es'))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^No se pudo cargar cases\/.+\/annotations\/ev_x\.json: es un enlace simbólico, no un archivo normal\. El archivo se dejó intacto\./,
          ),
          expect.stringMatching(
            /^No se pudo cargar cases\/.+\/case\.json: no es JSON válido \(.+\)\. El archivo se dejó intacto\./,
          ),
        ]),
      )
    } finally {
      await r.close()
    }
  })

  it.each([
    [
      'EACCES',
      'Check the permissions of the file and its folder.',
      'Compruebe los permisos del archivo y de su carpeta.',
    ],
    [
      'EPERM',
      'Check the permissions of the file and its folder.',
      'Compruebe los permisos del archivo y de su carpeta.',
    ],
    ['ENOTDIR', 'A folder on its path is a file.', 'Una carpeta de su ruta es un archivo.'],
    ['EIO', 'Check the disk.', 'Compruebe el disco.'],
  ])('a file it could not read (%s): what to do, in either language', (code, en, es) => {
    const e = Object.assign(new Error(`${code}: it failed, open 'x'`), { code })
    const p = readProblem('workspace.json', e)
    expect(p.message).toBe(
      `workspace.json could not be read (${code}: ${code}: it failed, open 'x'). It was left untouched. ${en}`,
    )
    expect(localMessage(p, 'es')).toBe(
      `workspace.json no se pudo leer (${code}: ${code}: it failed, open 'x'). No se tocó. ${es}`,
    )
  })
})

/**
 * storedJson.ts: what one stored file's bytes mean, told apart as the store
 * needs (unreadable, invalid, newer, migrated), each with a reason a person can
 * act on; and the read-only reader's null for anything but a sound file.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { MIGRATIONS } from '@main/storage/migrations'
import { parseStoredJson, readStoredFile } from '@main/storage/storedJson'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()
const Doc = z.object({ schemaVersion: z.number(), items: z.array(z.string()).default([]) })
const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))
const parse = (v: unknown, migrations = MIGRATIONS) => parseStoredJson(bytes(v), 'case', Doc, migrations)

describe('the meaning of a stored file', () => {
  it('a sound file: its data, its version, not migrated', () => {
    expect(parse({ schemaVersion: CURRENT_SCHEMA_VERSION, items: ['a'] })).toEqual({
      ok: true,
      data: { schemaVersion: CURRENT_SCHEMA_VERSION, items: ['a'] },
      version: CURRENT_SCHEMA_VERSION,
      migratedFrom: null,
    })
  })

  it('bytes that are not UTF-8, text that is not JSON, JSON that is not an object: unreadable, each said', () => {
    expect(parseStoredJson(Buffer.from([0x7b, 0xff, 0x7d]), 'case', Doc)).toEqual({
      ok: false,
      kind: 'unreadable',
      step: 'utf8',
      why: 'it is not valid UTF-8 text',
    })
    expect(parse('{"schemaVersion": 1,')).toMatchObject({
      ok: false,
      kind: 'unreadable',
      step: 'json',
      why: expect.stringMatching(/^it is not valid JSON \(.+\)$/),
    })
    for (const v of ['null', '[]', '[{"schemaVersion":1}]', '7', '"text"', 'true'])
      expect(parse(v), v).toEqual({
        ok: false,
        kind: 'unreadable',
        step: 'object',
        why: 'it is not valid JSON (the file does not hold a JSON object)',
      })
  })

  it('a shape the schema refuses: invalid, naming where and why', () => {
    expect(parse({ schemaVersion: CURRENT_SCHEMA_VERSION, items: ['a', 7] })).toEqual({
      ok: false,
      kind: 'invalid',
      step: 'shape',
      error: expect.objectContaining({ issues: [expect.objectContaining({ path: ['items', 1] })] }),
      why: expect.stringMatching(/^it does not match the expected shape at items\.1: .*string/),
    })
    const root = parseStoredJson(bytes({ schemaVersion: CURRENT_SCHEMA_VERSION }), 'case', z.never())
    expect(root).toMatchObject({ ok: false, kind: 'invalid', why: expect.stringMatching(/expected shape: ./) })
  })

  it('written by a newer version: kept as this version reads it, or raw when the schema refuses it', () => {
    const newer = CURRENT_SCHEMA_VERSION + 1
    expect(parse({ schemaVersion: newer, items: ['a'], extra: 1 })).toEqual({
      ok: 'newer',
      data: { schemaVersion: newer, items: ['a'] },
      version: newer,
    })
    expect(parse({ schemaVersion: newer, items: 'not a list' })).toEqual({
      ok: 'newer',
      data: { schemaVersion: newer, items: 'not a list' },
      version: newer,
    })
  })

  it('an older version is carried forward by the chain and says from where; a gap in the chain is invalid', () => {
    const chain = {
      ...MIGRATIONS,
      case: Object.fromEntries(
        Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, v) => [
          v,
          (d: Record<string, unknown>) => ({ ...d, items: [...((d.items as string[]) ?? []), `from ${v}`] }),
        ]),
      ),
    }
    expect(parse({ schemaVersion: 0, items: [] }, chain)).toEqual({
      ok: true,
      data: {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        items: Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, v) => `from ${v}`),
      },
      version: 0,
      migratedFrom: 0,
    })
    // No schemaVersion at all counts as 0.
    expect(parse({ items: [] }, chain)).toMatchObject({ ok: true, migratedFrom: 0 })
    expect(parse({ schemaVersion: 0, items: [] })).toEqual({
      ok: false,
      kind: 'invalid',
      step: 'migration',
      version: 0,
      detail: 'no migration from schema version 0 to 1',
      why: 'it could not be migrated from schema 0 (no migration from schema version 0 to 1)',
    })
  })
})

describe('reading a stored file without the store', () => {
  it('gives the data of a sound file, and null for a missing, damaged, newer or non-regular one', async () => {
    const dir = await tempDir()
    const at = (name: string) => join(dir, name)
    await writeFile(at('sound.json'), bytes({ schemaVersion: CURRENT_SCHEMA_VERSION, items: ['a'] }))
    await writeFile(at('damaged.json'), '{"schemaVersion": 1, "items": [')
    await writeFile(at('newer.json'), bytes({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, items: [] }))
    await mkdir(at('folder.json'))
    expect(await readStoredFile(at('sound.json'), 'case', Doc)).toEqual({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      items: ['a'],
    })
    for (const name of ['missing.json', 'damaged.json', 'newer.json', 'folder.json'])
      expect(await readStoredFile(at(name), 'case', Doc), name).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION, WorkspaceFile } from '@shared/domain'
import { storedFileOf } from '@main/services/storedFiles'

describe('storedFileOf', () => {
  it('names the kind of each stored file by its path', () => {
    expect(storedFileOf('workspace.json')).toEqual({ kind: 'workspace', schema: WorkspaceFile })
    expect(storedFileOf('statutes.json')?.kind).toBe('statutes')
    expect(storedFileOf('trash/trash.json')?.kind).toBe('trash')
    expect(storedFileOf('bundles/keys.json')?.kind).toBe('keys')
    expect(storedFileOf('cases/c1/case.json')?.kind).toBe('case')
    expect(storedFileOf('cases/c1/annotations/ev_1.2.json')).toMatchObject({ kind: 'annotations' })
    expect(storedFileOf('cases/c1/briefings/b1.json')).toMatchObject({ kind: 'briefing' })
  })

  it("a case's file is that case's: another case's file does not pass as it (a copy put in its backups)", () => {
    const at = '2026-01-01T00:00:00.000Z'
    const fileOf = (id: string) => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      case: { id, title: 'A case', createdAt: at, updatedAt: at },
    })
    const { schema } = storedFileOf('cases/c1/case.json')!
    expect(schema.safeParse(fileOf('c1')).success).toBe(true)
    expect(schema.safeParse(fileOf('c2')).success).toBe(false)
  })

  it('names nothing it does not own', () => {
    for (const p of [
      'cases/../case.json',
      'cases/c1/case.json/x',
      'cases/c1/notes.json',
      'cases/c1/briefings/deep/b1.json',
      'cases/c1/briefings/b1.txt',
      'trash/e1/c1/case.json',
      'audit.log.jsonl',
      'cases/case.json',
    ])
      expect(storedFileOf(p)).toBeUndefined()
  })
})

/**
 * A stored file carried forward through its kind's chain of migrations
 * (migrations.ts), each step from one schema version to the next.
 */
import { describe, expect, it } from 'vitest'
import { migrate, MigrationError, type Migration } from '@main/storage/migrations'

const chain: Record<number, Migration> = {
  0: (d) => ({ ...d, steps: [...((d.steps as string[]) ?? []), '0→1'] }),
  1: (d) => ({ ...d, steps: [...((d.steps as string[]) ?? []), '1→2'] }),
  2: (d) => ({ ...d, steps: [...((d.steps as string[]) ?? []), '2→3'] }),
}

describe('migrate', () => {
  it('runs every step from the file’s version to the target, in order, each setting the version', () => {
    expect(migrate({ schemaVersion: 1, x: 1 }, chain, 3)).toEqual({
      data: { schemaVersion: 3, x: 1, steps: ['1→2', '2→3'] },
      from: 1,
      migrated: true,
    })
  })

  it('takes a file without a numeric version for version 0', () => {
    for (const data of [{}, { schemaVersion: '2' }, { schemaVersion: null }])
      expect(migrate(data, chain, 1)).toEqual({
        data: { ...data, schemaVersion: 1, steps: ['0→1'] },
        from: 0,
        migrated: true,
      })
  })

  it('leaves a file at the target as it is, and says it was not migrated', () => {
    const data = { schemaVersion: 3, x: 1 }
    const out = migrate(data, chain, 3)
    expect(out).toEqual({ data, from: 3, migrated: false })
    expect(out.data).toBe(data)
    expect(migrate({ schemaVersion: 4 }, chain, 3)).toEqual({ data: { schemaVersion: 4 }, from: 4, migrated: false })
  })

  it('refuses a gap in the chain, naming the versions', () => {
    expect(() => migrate({ schemaVersion: 2 }, { 2: chain[2] }, 4)).toThrow(
      new MigrationError('no migration from schema version 3 to 4'),
    )
    expect(() => migrate({ schemaVersion: 2 }, { 2: chain[2] }, 4)).toThrow(MigrationError)
  })
})

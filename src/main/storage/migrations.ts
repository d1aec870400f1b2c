import { CURRENT_SCHEMA_VERSION } from '@shared/domain'

/** The kinds of file the workspace stores; each has its own migration chain. */
export type FileKind = 'workspace' | 'case' | 'annotations' | 'briefing' | 'statutes' | 'keys' | 'trash'

/** A step from version N to N+1 of one kind of file, on plain parsed JSON. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * migrations[kind][n] carries a file from version n to n+1. Version 1 is the
 * first stored shape, so there are none yet; the mechanism is exercised by tests
 * that pass their own chains.
 */
export const MIGRATIONS: Record<FileKind, Record<number, Migration>> = {
  workspace: {},
  case: {},
  annotations: {},
  briefing: {},
  statutes: {},
  keys: {},
  trash: {},
}

export class MigrationError extends Error {}

export function migrate(
  data: Record<string, unknown>,
  chain: Record<number, Migration>,
  target = CURRENT_SCHEMA_VERSION,
): { data: Record<string, unknown>; from: number; migrated: boolean } {
  const from = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0
  let current = data
  for (let v = from; v < target; v++) {
    const step = chain[v]
    if (!step) throw new MigrationError(`no migration from schema version ${v} to ${v + 1}`)
    current = { ...step(current), schemaVersion: v + 1 }
  }
  return { data: current, from, migrated: from < target }
}

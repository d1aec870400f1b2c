/**
 * Reads one stored JSON file's bytes into its validated shape: strict UTF-8,
 * an object, its schemaVersion, forward migrations, then the zod schema. The
 * store (which then quarantines or opens read-only) and the read-only readers
 * (the search worker) share it, so a file means the same to both.
 */
import type { z } from 'zod'
import { CURRENT_SCHEMA_VERSION } from '@shared/domain'
import { MIGRATIONS, migrate, type FileKind, type Migration } from './migrations'
import { safeParseInPlace } from './parseInPlace'
import { decodeUtf8, readRegularFile } from './safeRead'

export { decodeUtf8 }

export type AnySchema = z.ZodType<{ schemaVersion: number }>

export type StoredJson<T> =
  | { ok: true; data: T; version: number; migratedFrom: number | null }
  /** Written by a newer Casefile: `data` is what this version can make of it (raw when the schema refuses it). */
  | { ok: 'newer'; data: T; version: number }
  | StoredJsonFailure

/**
 * Why a file was refused: `why` in English for the store's report, and the step that refused it, with what
 * a reader wording it in another language needs (the schema version that would not migrate, zod's issues).
 */
export type StoredJsonFailure = { ok: false; kind: 'unreadable' | 'invalid'; why: string } & (
  | { step: 'utf8' | 'object' }
  | { step: 'json'; detail: string }
  | { step: 'migration'; version: number; detail: string }
  | { step: 'shape'; error: z.ZodError }
)

export function parseStoredJson<S extends AnySchema>(
  bytes: Uint8Array,
  kind: FileKind,
  schema: S,
  migrations: Record<FileKind, Record<number, Migration>> = MIGRATIONS,
): StoredJson<z.output<S>> {
  // 'utf8' would turn damaged bytes into U+FFFD silently, and the next save would make that permanent.
  const text = decodeUtf8(bytes)
  if (text === null) return { ok: false, kind: 'unreadable', step: 'utf8', why: 'it is not valid UTF-8 text' }
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(text) as Record<string, unknown>
  } catch (e) {
    const detail = (e as Error).message
    return { ok: false, kind: 'unreadable', step: 'json', detail, why: `it is not valid JSON (${detail})` }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return {
      ok: false,
      kind: 'unreadable',
      step: 'object',
      why: 'it is not valid JSON (the file does not hold a JSON object)',
    }

  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0
  if (version > CURRENT_SCHEMA_VERSION) {
    const parsed = schema.safeParse(raw)
    return { ok: 'newer', data: (parsed.success ? parsed.data : raw) as z.output<S>, version }
  }
  let migratedFrom: number | null = null
  if (version < CURRENT_SCHEMA_VERSION) {
    try {
      raw = migrate(raw, migrations[kind]).data
      migratedFrom = version
    } catch (e) {
      return {
        ok: false,
        kind: 'invalid',
        step: 'migration',
        version,
        detail: (e as Error).message,
        why: `it could not be migrated from schema ${version} (${(e as Error).message})`,
      }
    }
  }
  // In place: `raw` is this call's own, and a large case is mostly the cost of zod's copy of it.
  const parsed = safeParseInPlace(schema, raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.length ? ` at ${first.path.join('.')}` : ''
    return {
      ok: false,
      kind: 'invalid',
      step: 'shape',
      error: parsed.error,
      why: `it does not match the expected shape${where}: ${first?.message}`,
    }
  }
  return { ok: true, data: parsed.data, version, migratedFrom }
}

/**
 * A stored file read without the store: validated, never moved or written.
 * Null when it is missing, damaged or newer than this version (its owner reports those).
 */
export async function readStoredFile<S extends AnySchema>(
  abs: string,
  kind: FileKind,
  schema: S,
  /** A staged file: opened (in an encrypted workspace) as the file it will become. */
  opts: { openAs?: string } = {},
): Promise<z.output<S> | null> {
  // Not readFile: a FIFO or a device in a case folder would hang the reader (the search worker).
  const bytes = await readRegularFile(abs, opts).catch(() => null)
  if (!bytes) return null
  const parsed = parseStoredJson(bytes, kind, schema)
  return parsed.ok === true ? parsed.data : null
}

/**
 * Every IPC answer is a Result: errors cross the process line as data with a
 * stable code, never as thrown exceptions.
 */
export const ERROR_CODES = [
  'VALIDATION', // the input did not match the contract
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY', // workspace opened read-only (newer schema, or locked by another process)
  'LOCKED',
  'CORRUPT', // a stored file failed to parse or validate
  'IO',
  'CANCELLED',
  'FORBIDDEN', // sender not allowed, path outside the workspace
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * A message named in the catalogue (src/shared/i18n) with its values, so each
 * adapter words it in its own language: the window in the user's, the command
 * line in the terminal's. `message` is the same text in English.
 */
export interface MessageRef {
  key: string
  values?: Record<string, string | number | boolean | null | undefined>
}

export interface AppErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
  text?: MessageRef
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = (code: ErrorCode, message: string, details?: unknown, text?: MessageRef): Result<never> => ({
  ok: false,
  error: {
    code,
    message,
    ...(details === undefined ? {} : { details }),
    ...(text === undefined ? {} : { text }),
  },
})

/** Thrown inside services; the dispatcher turns it into an error Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly text?: MessageRef,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** The message of anything thrown: an Error's, or the value as text. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The first few problems of a failed zod parse, as one line a person can act on. */
export function describeZodError(e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return e.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}

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

export interface AppErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
})

/** Thrown inside services; the dispatcher turns it into an error Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
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

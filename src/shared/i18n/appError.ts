/**
 * Errors worded from the catalogue: services throw them with a key and values;
 * the English text is the error's message (logs, tests), and each adapter words
 * it again in its user's language with `localMessage`.
 */
import { AppError, type AppErrorShape, type ErrorCode, type MessageRef, messageOf } from '../ipc/result'
import type { Language } from '../domain/language'
import { say, type CatalogueKey, type Sayer, type TextValues } from './index'
import { localValues } from './invalidInput'

export function appError(code: ErrorCode, key: CatalogueKey, values?: TextValues, details?: unknown): AppError {
  return new AppError(code, say('en', key, values), details, values === undefined ? { key } : { key, values })
}

/** An error's message in `lang`: its catalogue text when it has one, else its message as it is. */
export function localMessage(e: unknown, lang: Language, sayer: Sayer = say): string {
  const text = (e as { text?: AppErrorShape['text'] } | null)?.text
  if (text && typeof text.key === 'string')
    return sayer(lang, text.key as CatalogueKey, localValues(text, lang, 0, sayer))
  // A record that carries its own message (a problem, a repair action) without a catalogue entry.
  const message = (e as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : messageOf(e)
}

/**
 * A message for a record that carries its own text (a workspace problem, an import
 * row's problem): the English `message`, and the catalogue `text` each adapter words
 * again in its user's language with `localMessage`.
 */
export function worded(key: CatalogueKey, values?: TextValues): { message: string; text: MessageRef } {
  return { message: say('en', key, values), text: values === undefined ? { key } : { key, values } }
}

/**
 * A failed system call (ENOSPC, EIO, EACCES …: Node's English) as an IO error worded from the catalogue, so
 * the window and the command line say it in their language; null for anything else.
 */
export function diskError(e: unknown): AppError | null {
  const errno = e as { code?: unknown; syscall?: unknown; path?: unknown } | null
  if (e instanceof AppError || !errno || typeof errno.code !== 'string' || !errno.syscall) return null
  const values = { code: errno.code, where: typeof errno.path === 'string' ? ` (${errno.path})` : '' }
  // A full disk and a loop of links each have their own remedy; free space and permissions fit the rest.
  const key =
    errno.code === 'ENOSPC'
      ? 'errStorage:diskFull'
      : errno.code === 'ELOOP'
        ? 'errStorage:linkLoop'
        : 'errStorage:diskFailed'
  return appError('IO', key, values)
}

/**
 * Why a received bundle is refused, as catalogue data: each reason is its own
 * message of errBundles ("The bundle was refused: …" / "Se rechazó el paquete: …")
 * with its values, so the window and the command line word it in their user's
 * language. Nothing in English built here reaches the sentence: a failed zod parse
 * travels as carried issues (worded in either language), and what Node or yauzl
 * said goes into the error's details, not its text.
 */
import { AppError, messageOf } from '@shared/ipc/result'
import { say, type MessageKey, type TextValues } from '@shared/i18n'
import { appError } from '@shared/i18n/appError'
import { invalidInputIn, localValues } from '@shared/i18n/invalidInput'

/** A reason for refusing a bundle: one message of errBundles. */
export type Refusal = `errBundles:${MessageKey<'errBundles'>}`

/** The bundle refused for `key`'s reason (VALIDATION). */
export const refused = (key: Refusal, values?: TextValues, details?: unknown): AppError =>
  appError('VALIDATION', key, values, details)

/** A refusal whose reason is beyond the sentence (a Node or yauzl error): kept in the details, for the log. */
export const refusedFor = (key: Refusal, cause: unknown, values?: TextValues): AppError =>
  refused(key, values, { cause: messageOf(cause) })

/** A refusal for a failed zod parse: `key` has an {issues} place, worded in the reader's language. */
export function refusedInvalid(key: Refusal, e: { issues: readonly object[] }, values: TextValues): AppError {
  const { message, text } = invalidInputIn(key, e, values)
  return new AppError('VALIDATION', message, undefined, text)
}

/** A refusal carrying issues another error already carried (its `text.values.issues`). */
export function refusedWithIssues(key: Refusal, issues: unknown, values: TextValues): AppError {
  const text = { key, values: { ...values, issues: String(issues) } }
  return new AppError('VALIDATION', say('en', key, localValues(text, 'en')), undefined, text)
}

/** A value as a refusal quotes it (an entry's name, a manifest field): JSON, cut to a line (a hostile bundle may hold megabytes). */
export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 117 ? `${v.slice(0, 116)}…` : v)
  const json = JSON.stringify(v) ?? '—'
  return json.length > 120 ? `${json.slice(0, 119)}…` : json
}

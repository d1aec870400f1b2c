import { ZodError } from 'zod'
import { contract, isChannel } from '@shared/ipc/contract'
import { AppError, err, messageOf, ok, type Result } from '@shared/ipc/result'
import { appError, diskError } from '@shared/i18n/appError'
import { invalidInput } from '@shared/i18n/invalidInput'
import type { HandlerContext, Handlers } from './types'

/** Input that does not match the contract, worded in each adapter's language (the window's, the terminal's). */
function refused(e: ZodError): Result<never> {
  const { message, text } = invalidInput(e)
  return err('VALIDATION', message, undefined, text)
}

/** Any thrown value as an error Result with a stable code and a message a person can act on. */
export function toErrorResult(e: unknown): Result<never> {
  if (e instanceof AppError) return err(e.code, e.message, e.details, e.text)
  if (e instanceof ZodError) return refused(e)
  const disk = diskError(e)
  if (disk) return err(disk.code, disk.message, undefined, disk.text)
  const e3 = appError('INTERNAL', 'errStorage:unexpected', { reason: messageOf(e) })
  return err(e3.code, e3.message, undefined, e3.text)
}

/**
 * Check the channel, parse the input against the contract, run the handler and
 * wrap whatever happens in a Result. Electron's register.ts and the browser test
 * bridge both call this, so both exercise the same path.
 */
export function createDispatcher(handlers: Handlers, context: () => HandlerContext) {
  return async function dispatch(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return err('UNKNOWN_CHANNEL', `There is no channel named ${JSON.stringify(channel)}.`)
    const parsed = contract[channel].input.safeParse(input ?? {})
    if (!parsed.success) return refused(parsed.error)
    try {
      const handler = handlers[channel] as (i: unknown, c: HandlerContext) => Promise<unknown>
      return ok(await handler(parsed.data, context()))
    } catch (e) {
      const result = toErrorResult(e)
      if (!result.ok && result.error.code === 'INTERNAL') console.error(`[ipc] ${channel} failed:`, e)
      return result
    }
  }
}
export type Dispatch = ReturnType<typeof createDispatcher>

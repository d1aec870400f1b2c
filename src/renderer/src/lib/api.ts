/**
 * Typed client over the bridge the preload exposes (window.casefile). Every
 * call returns the Result from main; `call` unwraps it and throws ApiError.
 */
import type { CasefileBridge } from '@shared/ipc/bridge'
import type { Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract'
import { appEvents, type AppEvent, type EventPayload } from '@shared/ipc/events'
import { currentLanguage, i18n } from './i18n'
import { describeZodError, type AppErrorShape, type Result } from '@shared/ipc/result'
import { localValues } from '@shared/i18n/invalidInput'

declare global {
  interface Window {
    casefile: CasefileBridge
  }
}

/** A main-process error in the window's language when it names its catalogue message. */
export const errorMessage = (error: AppErrorShape): string =>
  error.text ? i18n.t(error.text.key, localValues(error.text, currentLanguage())) : error.message

export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(errorMessage(error))
    this.name = 'ApiError'
  }
  get code() {
    return this.error.code
  }
}

function bridge(): CasefileBridge {
  if (!window.casefile) throw new Error('The Casefile bridge is missing: the page was opened outside the app.')
  return window.casefile
}

/** The raw Result, for callers that show errors inline (autosave). */
export function request<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const fn = bridge().api[channel] as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  return fn(input)
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await request(channel, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

/**
 * Subscribes to a push from main; returns the unsubscribe function. The payload
 * is checked against the event's schema first: one that does not match is
 * dropped with a warning, never handed to the listener.
 */
export function onAppEvent<E extends AppEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const schema = appEvents[event]
  return bridge().on(event, (raw) => {
    const parsed = schema.safeParse(raw)
    if (parsed.success) listener(parsed.data as EventPayload<E>)
    else console.warn(`Ignored a malformed "${event}" event from main: ${describeZodError(parsed.error)}`)
  })
}

/**
 * A stand-in for window.casefile in jsdom tests: answer channels with functions,
 * record every call, push app events. Unhandled channels answer an error Result
 * so a test sees what it forgot to fake.
 *
 *   const bridge = installFakeBridge({ 'cases:list': () => [] })
 *   bridge.handle('cases:update', ({ patch }) => ({ ...aCase, ...patch }))
 *   bridge.calls // [{ channel: 'cases:list', input: {} }, ...]
 */
import type { CasefileBridge } from '@shared/ipc/bridge'
import type { AppEvent, Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract'
import { messageOf, type AppErrorShape, type Result } from '@shared/ipc/result'

type Handler<C extends Channel> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>
export type FakeHandlers = { [C in Channel]?: Handler<C> }

/** Throw this from a handler to answer an error Result. */
export class FakeError extends Error {
  constructor(
    readonly code: AppErrorShape['code'],
    message: string,
  ) {
    super(message)
  }
}

export function installFakeBridge(initial: FakeHandlers = {}) {
  const handlers: FakeHandlers = { ...initial }
  const calls: { channel: Channel; input: unknown }[] = []
  const listeners = new Map<AppEvent, Set<(p: unknown) => void>>()

  const api = new Proxy({} as CasefileBridge['api'], {
    get: (_t, channel: string) => async (input: unknown) => {
      calls.push({ channel: channel as Channel, input })
      const h = handlers[channel as Channel] as ((i: unknown) => unknown) | undefined
      if (!h)
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `fake bridge: no handler for ${channel}` } }
      try {
        return { ok: true, value: await h(input) } satisfies Result<unknown>
      } catch (e) {
        const code = e instanceof FakeError ? e.code : 'INTERNAL'
        return {
          ok: false,
          error: { code, message: messageOf(e) },
        } satisfies Result<unknown>
      }
    },
  })
  const bridge: CasefileBridge = {
    api,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => void set.delete(listener)
    },
  }
  Object.defineProperty(window, 'casefile', { value: bridge, configurable: true, writable: true })

  return {
    calls,
    handle<C extends Channel>(channel: C, handler: Handler<C>) {
      ;(handlers as Record<string, unknown>)[channel] = handler
    },
    emit(event: AppEvent, payload: unknown = {}) {
      for (const l of listeners.get(event) ?? []) l(payload)
    },
    callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
  }
}

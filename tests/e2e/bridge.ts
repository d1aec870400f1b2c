/**
 * The page half of the test bridge: builds window.casefile exactly as
 * src/preload/index.ts does (one function per channel, plus `on`), but each call
 * goes to the `__casefileInvoke` binding that fixtures.ts exposes. The function
 * is serialised into the page by addInitScript, so it must not close over
 * anything. (Typed without the DOM lib: this file is compiled with the Node config.)
 */
export interface BridgeInit {
  channels: string[]
  events: string[]
}

interface CspViolationEvent {
  violatedDirective: string
  blockedURI: string
  sourceFile: string
  lineNumber: number
}

interface PageGlobals {
  __casefileInvoke: (channel: string, input: unknown) => Promise<unknown>
  __casefileReport?: (v: { directive: string; blockedURI: string; source: string }) => Promise<void>
  document: { addEventListener(type: 'securitypolicyviolation', fn: (e: CspViolationEvent) => void): void }
  setTimeout(fn: () => void): unknown
}

export function installBridge({ channels, events }: BridgeInit): void {
  type Listener = (payload: unknown) => void
  const g = globalThis as unknown as PageGlobals
  const listeners = new Map<string, Set<Listener>>()

  const api = Object.fromEntries(
    channels.map((channel) => [channel, (input: unknown) => g.__casefileInvoke(channel, input ?? {})]),
  )
  const bridge = {
    api: Object.freeze(api),
    on(event: string, listener: Listener) {
      if (!events.includes(event)) throw new Error(`unknown event ${String(event)}`)
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(event, set)
      return () => void set.delete(listener)
    },
  }
  Object.defineProperty(globalThis, 'casefile', { value: Object.freeze(bridge), writable: false, configurable: false })
  Object.defineProperty(globalThis, '__casefileEmit', {
    value: (event: string, payload: unknown) => {
      for (const l of listeners.get(event) ?? []) {
        try {
          l(payload)
        } catch (e) {
          // Surface a listener's failure as an uncaught page error, as Electron would.
          g.setTimeout(() => {
            throw e
          })
        }
      }
    },
  })
  g.document.addEventListener('securitypolicyviolation', (e) => {
    void g.__casefileReport?.({
      directive: e.violatedDirective,
      blockedURI: e.blockedURI,
      source: `${e.sourceFile}:${e.lineNumber}`,
    })
  })
}

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'

// Electron's runtime cannot load here; record what the preload hands to it instead.
const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }))
const on = vi.fn()
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on, removeListener: vi.fn() },
}))

describe('preload', () => {
  beforeEach(async () => {
    await import('../../src/preload/index')
  })

  it('exposes one function per contract channel and nothing else', () => {
    const bridge = exposed.casefile as { api: Record<string, unknown>; on: unknown }
    expect(Object.keys(exposed)).toEqual(['casefile'])
    expect(Object.keys(bridge).sort()).toEqual(['api', 'on'])
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNELS].sort())
    expect(Object.values(bridge.api).every((f) => typeof f === 'function')).toBe(true)
  })

  it('forwards each call on its own channel', async () => {
    const bridge = exposed.casefile as { api: Record<string, (i: unknown) => Promise<unknown>> }
    await bridge.api['cases:list']({})
    expect(invoke).toHaveBeenCalledWith('cases:list', {})
  })

  it('subscribes only to the contract’s events', () => {
    const bridge = exposed.casefile as { on: (e: string, l: () => void) => () => void }
    const off = bridge.on('workspace:changed', () => undefined)
    expect(on).toHaveBeenCalledWith('workspace:changed', expect.any(Function))
    expect(typeof off).toBe('function')
    expect(() => bridge.on('some:other', () => undefined)).toThrow(/unknown event/)
  })
})

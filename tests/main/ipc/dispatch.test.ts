import { describe, expect, it } from 'vitest'
import { createDispatcher } from '@main/ipc/dispatch'
import { handlers } from '@main/ipc/handlers/index'
import type { HandlerContext } from '@main/ipc/types'
import { AppSession, type Platform } from '@main/session'
import { CHANNELS, contract } from '@shared/ipc/contract'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

const platform: Platform = {
  chooseFolder: async () => null,
  openExternal: async () => undefined,
  notifyWorkspaceChanged: () => undefined,
  emit: () => undefined,
} as unknown as Platform

async function setup() {
  const session = new AppSession(await tempDir())
  await session.open(await tempDir())
  const ctx = (): HandlerContext => ({ services: session.current(), session, platform })
  return { session, dispatch: createDispatcher(handlers, ctx) }
}

describe('IPC dispatch', () => {
  it('has a handler for every channel of the contract', () => {
    for (const c of CHANNELS) expect(typeof (handlers as Record<string, unknown>)[c]).toBe('function')
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort())
  })

  it('wraps values and errors in Results with stable codes', async () => {
    const { session, dispatch } = await setup()
    try {
      expect(await dispatch('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
      const bad = await dispatch('cases:create', { title: 42 })
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const missing = await dispatch('cases:get', { caseId: 'case_nope' })
      expect(missing).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'No case with id "case_nope".' },
      })

      const created = await dispatch('cases:create', { title: 'From IPC' })
      expect(created.ok).toBe(true)
      const id = (created as { value: { id: string } }).value.id
      const got = await dispatch('cases:get', { caseId: id })
      // Data crossing IPC is plain JSON: it survives a JSON round trip unchanged.
      expect(JSON.parse(JSON.stringify(got))).toEqual(got)
    } finally {
      await session.close()
    }
  })
})

describe('app:openExternal', () => {
  it('opens only http(s) links', async () => {
    const opened: string[] = []
    const session = new AppSession(await tempDir())
    await session.open(await tempDir())
    const p = { ...platform, openExternal: async (u: string) => void opened.push(u) } as Platform
    const dispatch = createDispatcher(handlers, () => ({ services: session.current(), session, platform: p }))
    try {
      expect(await dispatch('app:openExternal', { url: 'https://pic.twitter.com/BDkwTKbbZT' })).toEqual({
        ok: true,
        value: { opened: true },
      })
      expect(await dispatch('app:openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await dispatch('app:openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await dispatch('app:openExternal', { url: 'not a url' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      expect(opened).toEqual(['https://pic.twitter.com/BDkwTKbbZT'])
    } finally {
      await session.close()
    }
  })
})

import { describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '@main/ipc/dispatch'
import { handlers } from '@main/ipc/handlers/index'
import type { HandlerContext } from '@main/ipc/types'
import { AppSession, type Platform } from '@main/session'
import { CHANNELS, contract } from '@shared/ipc/contract'
import { localMessage } from '@shared/i18n/appError'
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
      expect(await dispatch('no:such', {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'There is no channel named "no:such".' },
      })
      const bad = await dispatch('cases:create', { title: 42 })
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { key: 'errRecords:invalidInput' } } })
      // Worded again in the window's language, not zod's English.
      expect(localMessage(!bad.ok && bad.error, 'es')).toBe(
        'Los datos no son válidos: title: Entrada no válida: se esperaba un texto, se recibió un número',
      )
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

describe('what a handler is given and what it throws', () => {
  /** A dispatcher whose handlers record their input and throw what a test says. */
  function recording(throwing?: unknown) {
    const seen: unknown[] = []
    const fakeHandlers = new Proxy({} as typeof handlers, {
      get: () => async (input: unknown) => {
        seen.push(input)
        if (throwing !== undefined) throw throwing
        return { done: true }
      },
    })
    const ctx = () => ({}) as HandlerContext
    return { seen, dispatch: createDispatcher(fakeHandlers, ctx) }
  }

  it('hands the handler the parsed input: defaults filled in, strings trimmed, unknown keys dropped', async () => {
    const { seen, dispatch } = recording()
    expect(await dispatch('statutes:trash', { statuteId: 'statute_1', extra: 'dropped' })).toEqual({
      ok: true,
      value: { done: true },
    })
    expect(await dispatch('workspace:setUserName', { userName: '  Ana Ruiz  ' })).toMatchObject({ ok: true })
    // No input at all is an empty object, not undefined.
    expect(await dispatch('cases:list', undefined)).toMatchObject({ ok: true })
    expect(seen).toEqual([{ statuteId: 'statute_1', force: false }, { userName: 'Ana Ruiz' }, {}])
  })

  it('never calls a handler for input that fails the contract', async () => {
    const { seen, dispatch } = recording()
    expect(await dispatch('workspace:setUserName', { userName: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await dispatch('statutes:trash', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(seen).toEqual([])
  })

  it('maps a failed disk operation (an errno with a syscall) to IO, naming the code and the path', async () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      path: '/ws/cases/c/case.json',
    })
    expect(await recording(enospc).dispatch('cases:list', {})).toEqual({
      ok: false,
      error: {
        code: 'IO',
        message: 'The disk is full (ENOSPC) (/ws/cases/c/case.json). Free some space, then try again.',
        // The same message named in the catalogue, for the window to word in its language.
        text: { key: 'errStorage:diskFull', values: { code: 'ENOSPC', where: ' (/ws/cases/c/case.json)' } },
      },
    })
    const noPath = Object.assign(new Error('EIO'), { code: 'EIO', syscall: 'fsync' })
    expect(await recording(noPath).dispatch('cases:list', {})).toMatchObject({
      ok: false,
      error: { code: 'IO', message: expect.stringMatching(/failed: EIO\. Check/) },
    })
  })

  it('keeps an AppError code, reports a ZodError as VALIDATION and anything else as INTERNAL', async () => {
    const { AppError } = await import('@shared/ipc/result')
    const { z } = await import('zod')
    // Only the unexpected (INTERNAL) is logged for a developer; the rest is the Result's to say.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await recording(new AppError('CONFLICT', 'Taken.')).dispatch('cases:list', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: 'Taken.' },
      })
      const zodError = z.string().safeParse(1).error
      expect(await recording(zodError).dispatch('cases:list', {})).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      // A code without a syscall is not a disk operation.
      const notErrno = Object.assign(new Error('odd'), { code: 'ENOSPC' })
      expect(await recording(notErrno).dispatch('cases:list', {})).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: 'Unexpected error: odd' },
      })
      expect(await recording('a string').dispatch('cases:list', {})).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      })
      expect(spy).toHaveBeenCalledTimes(2)
      expect(spy).toHaveBeenCalledWith('[ipc] cases:list failed:', notErrno)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('toErrorResult', () => {
  it('never throws, whatever was thrown, and calls IO only an errno with a string code and a syscall', async () => {
    const { toErrorResult } = await import('@main/ipc/dispatch')
    for (const thrown of [null, undefined, 0, '', { code: 5, syscall: 'write' }, { code: 'EIO' }, { syscall: 'open' }])
      expect(toErrorResult(thrown), JSON.stringify(thrown)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(toErrorResult({ code: 'EIO', syscall: 'read' })).toMatchObject({ ok: false, error: { code: 'IO' } })
  })
})

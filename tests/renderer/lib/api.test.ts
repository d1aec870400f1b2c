import { afterEach, describe, expect, it, vi } from 'vitest'
import { onAppEvent } from '@renderer/lib/api'
import { installFakeBridge } from '../fakeBridge'

afterEach(() => vi.restoreAllMocks())

describe('onAppEvent', () => {
  it('hands the listener a payload checked against the event schema', () => {
    const bridge = installFakeBridge()
    const listener = vi.fn()
    onAppEvent('progress', listener)
    bridge.emit('progress', { taskId: 't1', label: 'Hashing', done: 1, total: 4 })
    expect(listener).toHaveBeenCalledWith({ taskId: 't1', label: 'Hashing', done: 1, total: 4 })
  })

  it('drops a payload that does not match, without calling the listener or throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const bridge = installFakeBridge()
    const progress = vi.fn()
    const menu = vi.fn()
    onAppEvent('progress', progress)
    onAppEvent('menu:command', menu)
    expect(() => {
      bridge.emit('progress', { taskId: 't1', done: 'half' })
      bridge.emit('progress', null)
      bridge.emit('menu:command', { name: 'format-disk' })
    }).not.toThrow()
    expect(progress).not.toHaveBeenCalled()
    expect(menu).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledTimes(3)
  })

  it('returns a function that unsubscribes', () => {
    const bridge = installFakeBridge()
    const listener = vi.fn()
    const off = onAppEvent('workspace:changed', listener)
    off()
    bridge.emit('workspace:changed')
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('ApiError', () => {
  it("words main's error in the window's language from its catalogue message, and follows a switch", async () => {
    const { ApiError } = await import('@renderer/lib/api')
    const { setLanguage } = await import('@renderer/lib/i18n')
    const shape = {
      code: 'NOT_FOUND' as const,
      message: 'No case with id "case_x".',
      text: { key: 'errRecords:noCaseId', values: { caseId: 'case_x' } },
    }
    await setLanguage('es')
    expect(new ApiError(shape).message).toBe('No hay ningún expediente con el identificador "case_x".')
    await setLanguage('en')
    expect(new ApiError(shape).message).toBe('No case with id "case_x".')
    // Input main refused is worded in the window's language too, not in zod's English.
    const refused = {
      code: 'VALIDATION' as const,
      message: 'The input is not valid: title: Too long: at most 300 characters',
      text: {
        key: 'errRecords:invalidInput',
        values: { issues: '[{"origin":"string","code":"too_big","maximum":300,"inclusive":true,"path":["title"]}]' },
      },
    }
    await setLanguage('es')
    expect(new ApiError(refused).message).toBe(
      'Los datos no son válidos: title: Demasiado largo: como máximo 300 caracteres',
    )
    await setLanguage('en')
    expect(new ApiError(refused).message).toBe(refused.message)
    // An error without a catalogue message keeps main's text.
    expect(new ApiError({ code: 'INTERNAL', message: 'Unexpected error: boom' }).message).toBe('Unexpected error: boom')
  })
})

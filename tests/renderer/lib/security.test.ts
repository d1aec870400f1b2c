/**
 * The window's side of the app lock: activity reaches main's idle lock (at most one report in a while, and
 * only while there is an idle lock to feed), and unlock errors are told apart by their codes.
 */
import { cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@renderer/lib/api'
import { secretErrorOf, useActivityReport } from '@renderer/lib/security'
import { installFakeBridge } from '../fakeBridge'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const key = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
const pointer = () => window.dispatchEvent(new Event('pointerdown'))

describe('useActivityReport', () => {
  it('reports keys and pointer to main, once in a while, only while active', async () => {
    const bridge = installFakeBridge({ 'workspace:activity': () => ({}) })
    const { rerender, unmount } = renderHook(({ active }) => useActivityReport(active), {
      initialProps: { active: false },
    })
    key()
    expect(bridge.callsTo('workspace:activity')).toHaveLength(0)

    rerender({ active: true })
    key()
    pointer()
    key()
    await waitFor(() => expect(bridge.callsTo('workspace:activity')).toHaveLength(1))

    // Later activity is reported again once the quiet spell has passed.
    const now = Date.now()
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000)
    pointer()
    await waitFor(() => expect(bridge.callsTo('workspace:activity')).toHaveLength(2))
    clock.mockRestore()

    unmount()
    vi.spyOn(Date, 'now').mockReturnValue(now + 120_000)
    key()
    expect(bridge.callsTo('workspace:activity')).toHaveLength(2)
  })
})

describe('secretErrorOf', () => {
  const apiError = (code: string) => new ApiError({ code: code as never, message: `main says ${code}` })

  it('tells a wrong secret from a damaged key file and a mistyped recovery key', () => {
    expect(secretErrorOf(apiError('FORBIDDEN'), 'passphrase').key).toBe('security.error.wrongPassphrase')
    expect(secretErrorOf(apiError('FORBIDDEN'), 'recoveryKey').key).toBe('security.error.wrongRecoveryKey')
    expect(secretErrorOf(apiError('VALIDATION'), 'recoveryKey').key).toBe('security.error.recoveryKeyShape')
    expect(secretErrorOf(apiError('CORRUPT'), 'passphrase').key).toBe('security.error.damaged')
    expect(secretErrorOf(apiError('IO'), 'passphrase')).toEqual({
      key: 'security.error.failed',
      reason: 'main says IO',
    })
  })
})

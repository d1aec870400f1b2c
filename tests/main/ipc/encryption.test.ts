/**
 * Encryption and the app lock through the real dispatcher and handlers, as the
 * window drives them: encrypt (recovery key answered once), lock (main drops the
 * key: every case channel answers LOCKED), unlock (a wrong passphrase is told
 * apart), change the passphrase. Uses the app's full scrypt cost.
 */
import { describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '@main/ipc/dispatch'
import { handlers } from '@main/ipc/handlers/index'
import type { HandlerContext } from '@main/ipc/types'
import { AppSession, type Platform } from '@main/session'
import { isEncrypted } from '@main/storage/crypto/vault'
import { useTempDirs } from '../../helpers/tmp'

const tempDir = useTempDirs()

describe('workspace encryption channels', () => {
  it('encrypts, locks, unlocks and changes the passphrase', async () => {
    const session = new AppSession(await tempDir())
    const root = await tempDir()
    await session.open(root)
    let changed = 0
    const platform = { notifyWorkspaceChanged: () => changed++ } as unknown as Platform
    // services is read lazily, as in the window (src/main/index.ts): unlock runs with no workspace open.
    const dispatch = createDispatcher(handlers, (): HandlerContext => ({
      get services() {
        return session.current()
      },
      session,
      platform,
    }))
    try {
      expect(await dispatch('cases:create', { title: 'Consulate incident' })).toMatchObject({ ok: true })
      expect(await dispatch('workspace:encryptionStatus', {})).toEqual({
        ok: true,
        value: { root, encrypted: false, locked: false, idleLockMinutes: null, osKey: 'unavailable' },
      })
      expect(await dispatch('workspace:lock', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(await dispatch('workspace:encrypt', { passphrase: 'short' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })

      const enc = await dispatch('workspace:encrypt', { passphrase: 'first passphrase' })
      expect(enc).toMatchObject({ ok: true, value: { recoveryKey: expect.stringMatching(/^[A-Z2-7-]{64}$/) } })
      const recoveryKey = (enc as { value: { recoveryKey: string } }).value.recoveryKey
      expect(await dispatch('cases:list', {})).toMatchObject({ ok: true, value: [{ title: 'Consulate incident' }] })
      // Unlocking what is already open (a double submit) changes nothing and is no error (it once met its own lock).
      expect(await dispatch('workspace:unlock', { passphrase: 'first passphrase' })).toMatchObject({
        ok: true,
        value: { locked: false, encrypted: true },
      })
      expect(await dispatch('cases:list', {})).toMatchObject({ ok: true, value: [{ title: 'Consulate incident' }] })

      expect(await dispatch('workspace:lock', {})).toEqual({
        ok: true,
        value: { root, encrypted: true, locked: true, idleLockMinutes: null, osKey: 'unavailable' },
      })
      expect(isEncrypted(root)).toBe(false) // no key held in main
      expect(await dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
      expect(await dispatch('workspace:unlock', { passphrase: 'wrong passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/passphrase is wrong/) },
      })
      expect(await dispatch('workspace:unlock', { passphrase: 'first passphrase' })).toMatchObject({
        ok: true,
        value: { locked: false, encrypted: true },
      })
      expect(await dispatch('cases:list', {})).toMatchObject({ ok: true, value: [{ title: 'Consulate incident' }] })

      expect(
        await dispatch('workspace:changePassphrase', { current: 'first passphrase', next: 'second passphrase' }),
      ).toMatchObject({ ok: true })
      await dispatch('workspace:lock', {})
      expect(await dispatch('workspace:unlock', { passphrase: 'first passphrase' })).toMatchObject({ ok: false })
      expect(await dispatch('workspace:unlock', { recoveryKey })).toMatchObject({ ok: true })
      expect(changed).toBeGreaterThanOrEqual(4)

      // A new recovery key, only for the passphrase; the one it replaces no longer opens the workspace.
      expect(await dispatch('workspace:newRecoveryKey', { passphrase: 'first passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      const renewed = await dispatch('workspace:newRecoveryKey', { passphrase: 'second passphrase' })
      if (!renewed.ok) throw new Error(renewed.error.message)
      const newKey = (renewed.value as { recoveryKey: string }).recoveryKey
      expect(newKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
      expect(newKey).not.toBe(recoveryKey)
      await dispatch('workspace:lock', {})
      expect(await dispatch('workspace:unlock', { recoveryKey })).toMatchObject({ ok: false })
      expect(await dispatch('workspace:unlock', { recoveryKey: newKey })).toMatchObject({
        ok: true,
      })

      // The idle lock: minutes over IPC (checked), milliseconds here so the test waits on the state.
      expect(await dispatch('workspace:setIdleLock', { minutes: 0 })).toMatchObject({ ok: false })
      expect(await dispatch('workspace:setIdleLock', { minutes: 15 })).toMatchObject({ ok: true })
      const beforeIdle = changed
      session.setIdleLock(50)
      await vi.waitFor(async () => expect((await session.encryptionStatus()).locked).toBe(true), {
        timeout: 10_000,
        interval: 20,
      })
      expect(isEncrypted(root)).toBe(false)
      // The window is told, so it shows the lock screen.
      await vi.waitFor(() => expect(changed).toBe(beforeIdle + 1), { timeout: 10_000, interval: 20 })

      // The idle count starts again on unlock (close() had stopped it), so the app locks again.
      expect(await dispatch('workspace:unlock', { passphrase: 'second passphrase' })).toMatchObject({ ok: true })
      await vi.waitFor(async () => expect((await session.encryptionStatus()).locked).toBe(true), {
        timeout: 10_000,
        interval: 20,
      })
      session.setIdleLock(null)
      expect(await dispatch('workspace:unlock', { passphrase: 'second passphrase' })).toMatchObject({ ok: true })
      expect(await dispatch('workspace:activity', {})).toEqual({ ok: true, value: {} })

      // A native dialog open past the idle time holds the lock off (it once locked under the dialog, and the
      // file chosen met a closed workspace); the idle count starts again when the dialog closes.
      session.setIdleLock(50)
      const chosen = await session.whileAsking(async () => {
        await new Promise((r) => setTimeout(r, 300))
        return (await session.encryptionStatus()).locked
      })
      expect(chosen).toBe(false)
      await vi.waitFor(async () => expect((await session.encryptionStatus()).locked).toBe(true), {
        timeout: 10_000,
        interval: 20,
      })
      session.setIdleLock(null)
      expect(await dispatch('workspace:unlock', { passphrase: 'second passphrase' })).toMatchObject({ ok: true })

      // Decrypting asks again: a wrong passphrase changes nothing and the workspace stays open.
      expect(await dispatch('workspace:decrypt', { passphrase: 'wrong passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await dispatch('cases:list', {})).toMatchObject({ ok: true, value: [{ title: 'Consulate incident' }] })
      expect(await dispatch('workspace:decrypt', { recoveryKey: newKey })).toMatchObject({
        ok: true,
        value: { encrypted: false, locked: false },
      })
      expect(isEncrypted(root)).toBe(false)
      expect(await dispatch('cases:list', {})).toMatchObject({ ok: true, value: [{ title: 'Consulate incident' }] })
      expect(await dispatch('workspace:decrypt', { passphrase: 'second passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })
    } finally {
      await session.close()
    }
  }, 120_000)

  it("keeps the idle lock in the user's settings, for the next start", async () => {
    const userData = await tempDir()
    const session = new AppSession(userData)
    await session.open(await tempDir())
    const dispatch = createDispatcher(handlers, (): HandlerContext => ({
      get services() {
        return session.current()
      },
      session,
      platform: { notifyWorkspaceChanged: () => undefined } as unknown as Platform,
    }))
    try {
      expect(await dispatch('workspace:setIdleLock', { minutes: 15 })).toMatchObject({
        ok: true,
        value: { idleLockMinutes: 15 },
      })
      const next = new AppSession(userData)
      await next.loadSettings()
      expect((await next.encryptionStatus()).idleLockMinutes).toBe(15)
    } finally {
      await session.close()
    }
  })

  it('pushes the progress of encrypt and decrypt to the task that asked, ending at every file', async () => {
    const session = new AppSession(await tempDir())
    await session.open(await tempDir())
    const pushes: { event: string; payload: { taskId: string; done: number; total: number } }[] = []
    const dispatch = createDispatcher(handlers, (): HandlerContext => ({
      get services() {
        return session.current()
      },
      session,
      platform: {
        notifyWorkspaceChanged: () => undefined,
        emit: (event: string, payload: never) => void pushes.push({ event, payload }),
      } as unknown as Platform,
    }))
    try {
      expect(await dispatch('cases:create', { title: 'Consulate incident' })).toMatchObject({ ok: true })
      expect(await dispatch('workspace:encrypt', { passphrase: 'first passphrase', taskId: 'enc-1' })).toMatchObject({
        ok: true,
      })
      const enc = pushes.filter((p) => p.payload.taskId === 'enc-1')
      expect(enc.length).toBeGreaterThan(0)
      expect(enc.every((p) => p.event === 'progress')).toBe(true)
      expect(enc.at(-1)!.payload.done).toBe(enc.at(-1)!.payload.total)

      // The task id is not part of the passphrase: the same passphrase decrypts.
      expect(await dispatch('workspace:decrypt', { passphrase: 'first passphrase', taskId: 'dec-1' })).toMatchObject({
        ok: true,
        value: { encrypted: false },
      })
      const dec = pushes.filter((p) => p.payload.taskId === 'dec-1')
      expect(dec.at(-1)!.payload.done).toBe(dec.at(-1)!.payload.total)
      expect([
        ...new Set(enc.map((p) => JSON.stringify([p.payload.taskId, (p.payload as { label?: string }).label]))),
      ]).toEqual([JSON.stringify(['enc-1', 'encrypt'])])
      expect(new Set(dec.map((p) => (p.payload as { label?: string }).label))).toEqual(new Set(['decrypt']))

      // At most one push each 100 ms, and always the last: on a clock that stands still, the first and the last.
      for (let n = 0; n < 6; n++) await dispatch('cases:create', { title: `Case ${n}` })
      const clock = vi.spyOn(Date, 'now').mockReturnValue(1_000_000)
      pushes.length = 0
      try {
        expect(await dispatch('workspace:encrypt', { passphrase: 'first passphrase', taskId: 'enc-2' })).toMatchObject({
          ok: true,
        })
      } finally {
        clock.mockRestore()
      }
      const still = pushes.map((p) => p.payload)
      expect(still).toHaveLength(2)
      expect(still[1].done).toBe(still[1].total)
      expect(still[0].done).toBeLessThan(still[0].total)
      // On a clock that moves exactly 100 ms between files, each file is pushed.
      let t = 2_000_000
      const moving = vi.spyOn(Date, 'now').mockImplementation(() => (t += 100))
      pushes.length = 0
      try {
        expect(await dispatch('workspace:decrypt', { passphrase: 'first passphrase', taskId: 'dec-2' })).toMatchObject({
          ok: true,
        })
      } finally {
        moving.mockRestore()
      }
      const each = pushes.map((p) => p.payload)
      expect(each.length).toBe(each.at(-1)!.total)
      expect(each.map((p) => p.done)).toEqual(each.map((_, i) => i + 1))
    } finally {
      await session.close()
    }
  }, 60_000)
})

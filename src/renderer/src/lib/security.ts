/**
 * The window's side of encryption at rest and the app lock (issue #14): the
 * encryption status the shell holds (main decides; the window only shows it),
 * how an unlock error reads, and the activity report that lets the idle lock
 * in main count from what the person does, not only from what the window reads.
 */
import { createContext, useContext, useEffect } from 'react'
import type { EncryptionStatus } from '@shared/domain'
import type { MessageKey } from '@shared/i18n'
import { ApiError, call } from './api'

export interface SecurityState {
  /** null until main has answered (or when it could not: then the shell shows its own error). */
  status: EncryptionStatus | null
  /** Every answer of an encryption channel goes here, so the shell locks (unmounts) or unlocks at once. */
  onStatus: (status: EncryptionStatus) => void
  /**
   * Shows the recovery key once. The shell holds it, not the screen that encrypted: that screen is mounted
   * again when the workspace reopens, and the key must not vanish before the person has stored it.
   */
  showRecoveryKey: (recoveryKey: string) => void
}

export const SecurityContext = createContext<SecurityState>({
  status: null,
  onStatus: () => undefined,
  showRecoveryKey: () => undefined,
})
export const useSecurity = () => useContext(SecurityContext)

export type Secret = { passphrase: string } | { recoveryKey: string }

/**
 * What went wrong with a passphrase or recovery key, told apart: a wrong one (try again) is not a damaged
 * keys.json (restore it), nor a recovery key mistyped into the wrong shape.
 */
export function secretErrorOf(
  e: unknown,
  how: 'passphrase' | 'recoveryKey',
): { key: MessageKey<'ui'>; reason: string } {
  const reason = e instanceof Error ? e.message : String(e)
  const code = e instanceof ApiError ? e.code : ''
  if (code === 'FORBIDDEN')
    return { key: how === 'passphrase' ? 'security.error.wrongPassphrase' : 'security.error.wrongRecoveryKey', reason }
  if (code === 'VALIDATION' && how === 'recoveryKey') return { key: 'security.error.recoveryKeyShape', reason }
  if (code === 'CORRUPT') return { key: 'security.error.damaged', reason }
  return { key: 'security.error.failed', reason }
}

/** At most one report in this many milliseconds: the idle lock counts in minutes. */
const REPORT_EVERY_MS = 20_000

/**
 * While `active` (an encrypted, open workspace with an idle lock), keys, clicks and scrolling are reported to
 * main, which starts its idle count again. Main keeps the count and drops the key; the window never decides.
 */
export function useActivityReport(active: boolean): void {
  useEffect(() => {
    if (!active) return
    let last = 0
    const report = () => {
      const now = Date.now()
      if (now - last < REPORT_EVERY_MS) return
      last = now
      // A lost report only makes the lock come a little sooner.
      void call('workspace:activity', {}).catch(() => undefined)
    }
    const kinds = ['keydown', 'pointerdown', 'wheel'] as const
    for (const k of kinds) window.addEventListener(k, report, { capture: true, passive: true })
    return () => {
      for (const k of kinds) window.removeEventListener(k, report, { capture: true })
    }
  }, [active])
}

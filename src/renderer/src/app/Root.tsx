import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EncryptionStatus } from '@shared/domain'
import { LockScreen } from '@renderer/features/security/LockScreen'
import { RecoveryKeyDialog } from '@renderer/features/security/RecoveryKeyDialog'
import { call, onAppEvent } from '@renderer/lib/api'
import { SecurityContext, useActivityReport, type SecurityState } from '@renderer/lib/security'
import { App } from './App'

/**
 * The app lock's gate, above the shell. Main decides whether the workspace is locked (on demand, after the
 * idle time, or at a start that needs the passphrase) and says so in the encryption status; while it is, the
 * whole shell is unmounted, so no case view, list or cache keeps case data in the window, and only the lock
 * screen shows. The hash route is left alone, so an unlock brings the shell back where it was.
 */
export function Root() {
  const [status, setStatus] = useState<EncryptionStatus | null>(null)
  const [asked, setAsked] = useState(false)
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null)
  // Answers can cross (a push's re-read and a channel's own answer): only the newest counts.
  const seq = useRef(0)

  const refresh = useCallback(async () => {
    const mine = ++seq.current
    try {
      const next = await call('workspace:encryptionStatus', {})
      if (mine === seq.current) setStatus(next)
    } catch {
      // Without a status the shell opens and shows main's own error.
    } finally {
      setAsked(true)
    }
  }, [])

  // Main pushes workspace:changed on every lock, unlock, encrypt and decrypt, and when the idle lock fires.
  useEffect(() => {
    void refresh()
    return onAppEvent('workspace:changed', () => void refresh())
  }, [refresh])

  const onStatus = useCallback((next: EncryptionStatus) => {
    seq.current++
    setStatus(next)
  }, [])
  const value = useMemo<SecurityState>(
    () => ({ status, onStatus, showRecoveryKey: setRecoveryKey }),
    [status, onStatus],
  )

  const locked = status?.locked ?? false
  useActivityReport(!!status && status.encrypted && !locked && status.idleLockMinutes !== null)

  if (!asked) return null
  return (
    <SecurityContext.Provider value={value}>
      {locked ? <LockScreen /> : <App />}
      {recoveryKey && !locked && <RecoveryKeyDialog recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
    </SecurityContext.Provider>
  )
}

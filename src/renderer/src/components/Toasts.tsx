import { useEffect, useRef, useState } from 'react'
import { useT } from '@renderer/lib/i18n'
import { dismissToast, useToasts, type Toast } from '@renderer/lib/toasts'
import { messageOf } from '@shared/ipc/result'

/** The notices of lib/toasts, bottom left, announced politely; each closes itself unless in use. */
export function Toasts() {
  const toasts = useToasts()
  const t = useT()
  return (
    <section className="toasts" aria-label={t('toast.region')}>
      <ol role="status" aria-live="polite" className="toasts__list">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  )
}

function ToastItem({ toast }: { toast: Toast }) {
  const t = useT()
  const [held, setHeld] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const ref = useRef<HTMLLIElement>(null)

  // The timer waits while the pointer or the focus is on the notice, so reaching Undo never races it.
  useEffect(() => {
    if (held || busy) return
    const timer = setTimeout(() => dismissToast(toast.id), toast.timeout)
    return () => clearTimeout(timer)
  }, [held, busy, toast.id, toast.timeout])

  const act = async () => {
    if (!toast.action) return
    setBusy(true)
    try {
      await toast.action.run()
      dismissToast(toast.id)
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }

  return (
    <li
      ref={ref}
      className={`toast toast--${toast.tone}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !ref.current?.contains(e.relatedTarget as Node | null) && setHeld(false)}
    >
      <span className="toast__message">{error || toast.message}</span>
      {toast.action && !error && (
        <button type="button" className="toast__action" disabled={busy} onClick={() => void act()}>
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast__close icon-button"
        aria-label={t('toast.dismiss')}
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </li>
  )
}

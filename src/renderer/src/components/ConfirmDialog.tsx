import { useState } from 'react'
import { Dialog } from './Dialog'
import { ErrorAlert } from './ErrorAlert'
import { messageOf } from '@shared/ipc/result'
import { useT } from '@renderer/lib/i18n'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  /** Resolves when done; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>
  onClose: () => void
}

/** "Are you sure?" for destructive actions; the safe choice has the focus. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const confirm = async () => {
    setBusy(true)
    setError('')
    try {
      await onConfirm()
      onClose()
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{message}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="form-actions">
        <button type="button" data-autofocus onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button--danger" disabled={busy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}

import { useId, useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { useT } from '@renderer/lib/i18n'
import './security.css'

/**
 * The recovery key, shown this once (main stores it nowhere). The dialog stays until the person says they
 * have stored it: Escape, the backdrop and × do nothing before that.
 */
export function RecoveryKeyDialog({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const t = useT()
  const ids = useId()
  const [stored, setStored] = useState(false)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }

  return (
    <Dialog
      title={t('security.recovery.title')}
      className="recovery-dialog"
      closeOnBackdrop={false}
      closable={stored}
      onClose={() => stored && onDone()}
    >
      <p>{t('security.recovery.intro')}</p>
      <p className="recovery-dialog__key" translate="no" id={`${ids}-key`} data-testid="recovery-key">
        <code className="mono">{recoveryKey}</code>
      </p>
      <div className="recovery-dialog__copy">
        <button type="button" onClick={() => void copyKey()} aria-describedby={`${ids}-key`} data-autofocus>
          {t('security.recovery.copy')}
        </button>
        <span role="status" className="hint">
          {copy === 'copied'
            ? t('security.recovery.copied')
            : copy === 'failed'
              ? t('security.recovery.copyFailed')
              : ''}
        </span>
      </div>
      <p className="recovery-dialog__warning">{t('security.recovery.warning')}</p>
      <label className="check">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />{' '}
        {t('security.recovery.stored')}
      </label>
      <div className="form-actions">
        <button type="button" className="button--primary" disabled={!stored} onClick={onDone}>
          {t('security.recovery.done')}
        </button>
      </div>
    </Dialog>
  )
}

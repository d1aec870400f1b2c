import { useId, useRef, useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { secretErrorOf, useSecurity } from '@renderer/lib/security'

/**
 * A new recovery key for the open workspace: for one lost, or never seen because an encryption was stopped
 * before it was shown. Asks for the passphrase (whoever left the window open gets none); main rewraps the
 * key only, and the new recovery key goes to the shell, which shows it once, as after encrypting.
 */
export function NewRecoveryKeyDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const ids = useId()
  const { showRecoveryKey } = useSecurity()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!passphrase) {
      setError(t('security.error.passphraseEmpty'))
      input.current?.focus()
      return
    }
    setBusy(true)
    setError('')
    try {
      const { recoveryKey } = await call('workspace:newRecoveryKey', { passphrase })
      onClose()
      showRecoveryKey(recoveryKey)
    } catch (err) {
      const { key, reason } = secretErrorOf(err, 'passphrase')
      setError(key === 'security.error.wrongPassphrase' ? t('security.renew.wrong') : t(key, { reason }))
      setBusy(false)
      setTimeout(() => input.current?.select())
    }
  }

  return (
    <Dialog title={t('security.renew.title')} closeOnBackdrop={false} onClose={() => !busy && onClose()}>
      <form onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <p className="security__warning" id={`${ids}-warning`}>
          {t('security.renew.warning')}
        </p>
        <div className="field">
          <label htmlFor={`${ids}-pass`}>{t('security.passphrase')}</label>
          <input
            ref={input}
            id={`${ids}-pass`}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-error` : `${ids}-warning`}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          {error && (
            <p className="field-error" id={`${ids}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button--primary" disabled={busy}>
            {busy ? t('security.renew.busy') : t('security.renew.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

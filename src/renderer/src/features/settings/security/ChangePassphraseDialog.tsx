import { useId, useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { secretErrorOf } from '@renderer/lib/security'
import { NewPassphraseFields } from './NewPassphraseFields'
import { newPassphraseProblem, type FieldProblem } from './passphrase'

/** The current passphrase and a new one twice. Main rewraps the key only; no file is written again. */
export function ChangePassphraseDialog({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const t = useT()
  const ids = useId()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<FieldProblem | null>(null)
  const [currentError, setCurrentError] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError('')
    setCurrentError(current ? '' : t('security.error.currentEmpty'))
    const found = newPassphraseProblem(next, confirm)
    setProblem(found)
    if (!current || found) {
      document.getElementById(!current ? `${ids}-current` : `${ids}-${found!.field}`)?.focus()
      return
    }
    setBusy(true)
    try {
      await call('workspace:changePassphrase', { current, next })
      onDone()
    } catch (err) {
      const { key, reason } = secretErrorOf(err, 'passphrase')
      if (key === 'security.error.wrongPassphrase') {
        setCurrentError(t('security.error.currentWrong'))
        document.getElementById(`${ids}-current`)?.focus()
      } else setError(t(key, { reason }))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('security.change.title')} closeOnBackdrop={false} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <fieldset className="security__stack" disabled={busy}>
          <div className="field">
            <label htmlFor={`${ids}-current`}>{t('security.currentPassphrase')}</label>
            <input
              id={`${ids}-current`}
              type="password"
              autoComplete="current-password"
              value={current}
              aria-invalid={currentError ? true : undefined}
              aria-describedby={currentError ? `${ids}-current-error` : undefined}
              onChange={(e) => setCurrent(e.target.value)}
            />
            {currentError && (
              <p className="field-error" id={`${ids}-current-error`} role="alert">
                {currentError}
              </p>
            )}
          </div>
          <NewPassphraseFields
            ids={ids}
            next={next}
            confirm={confirm}
            onNext={setNext}
            onConfirm={setConfirm}
            problem={problem}
            labels={{ next: t('security.newPassphrase'), confirm: t('security.confirmNewPassphrase') }}
          />
        </fieldset>
        <ErrorAlert>{error}</ErrorAlert>
        <div className="form-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button--primary" disabled={busy}>
            {busy ? t('security.change.busy') : t('security.change.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

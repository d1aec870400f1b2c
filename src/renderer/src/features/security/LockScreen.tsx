import { useEffect, useId, useRef, useState } from 'react'
import { call } from '@renderer/lib/api'
import { setLanguage, useT } from '@renderer/lib/i18n'
import { secretErrorOf, useSecurity } from '@renderer/lib/security'
import { applyTheme } from '@renderer/lib/theme'
import { SecretField, type SecretKind } from './SecretField'
import './security.css'

/**
 * What the window shows while the workspace is locked: nothing of any case (the shell and every case view
 * are unmounted, so the renderer holds no case data), only this form. Main holds no key either; an unlock
 * opens the workspace there, and the shell mounts again at the route it had, fetching everything afresh.
 */
export function LockScreen() {
  const t = useT()
  const ids = useId()
  const { status, onStatus } = useSecurity()
  const [kind, setKind] = useState<SecretKind>('passphrase')
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [ready, setReady] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  // At a start that finds the workspace locked, the user's language and theme are not applied yet.
  useEffect(() => {
    call('preferences:get', {})
      .then(async (p) => {
        applyTheme(p.theme)
        await setLanguage(p.language)
      })
      .catch(() => undefined)
      .finally(() => setReady(true))
  }, [])
  useEffect(() => input.current?.focus(), [kind, ready])

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!value.trim()) {
      setError(kind === 'passphrase' ? t('security.error.passphraseEmpty') : t('security.error.recoveryKeyEmpty'))
      input.current?.focus()
      return
    }
    setBusy(true)
    setError('')
    try {
      const status = await call(
        'workspace:unlock',
        kind === 'passphrase' ? { passphrase: value } : { recoveryKey: value },
      )
      setValue('')
      onStatus(status)
    } catch (err) {
      const { key, reason } = secretErrorOf(err, kind)
      setError(t(key, { reason }))
      setBusy(false)
    }
  }
  // The field was disabled while busy: it takes the focus back (text selected, to retype) once enabled.
  useEffect(() => {
    if (!busy && error) input.current?.select()
  }, [busy, error])

  return (
    <main className="lock-screen" data-ready={ready ? 'true' : undefined} aria-labelledby={`${ids}-h`}>
      <form className="lock-screen__panel" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <svg className="lock-screen__icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 5a3 3 0 0 1 6 0v3H9V7Zm3 7a2 2 0 0 1 1 3.73V19h-2v-1.27A2 2 0 0 1 12 14Z"
          />
        </svg>
        <h1 id={`${ids}-h`}>{t('security.lock.title')}</h1>
        <p className="lock-screen__intro">
          {kind === 'passphrase' ? t('security.lock.intro') : t('security.lock.introRecovery')}
        </p>
        {status && (
          <p className="lock-screen__where hint">
            {t('security.lock.workspace')}{' '}
            <span className="mono" translate="no">
              {status.root}
            </span>
          </p>
        )}
        <SecretField
          ref={input}
          id={`${ids}-secret`}
          kind={kind}
          value={value}
          onChange={setValue}
          onKind={(k) => {
            setKind(k)
            setError('')
          }}
          error={error}
          disabled={busy}
        />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy}>
            {busy ? t('security.lock.unlocking') : t('security.lock.unlock')}
          </button>
        </div>
      </form>
    </main>
  )
}

import { useId, useState } from 'react'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { useSecurity } from '@renderer/lib/security'
import { messageOf } from '@shared/ipc/result'
import { ChangePassphraseDialog } from './ChangePassphraseDialog'
import { DecryptDialog } from './DecryptDialog'
import { EncryptForm } from './EncryptForm'
import { NewRecoveryKeyDialog } from './NewRecoveryKeyDialog'
import './security.css'

/** The idle times offered (minutes); null is "never". A value set elsewhere is offered too. */
const IDLE_CHOICES: (number | null)[] = [null, 5, 15, 30, 60]

/**
 * Encryption at rest and the app lock (issue #14): whether the workspace is encrypted; encrypt it; lock
 * it now; lock it after a time without use; change the passphrase; make a new recovery key; decrypt it. Main does every one of
 * them and answers the new status, which goes to the shell (a lock unmounts the shell at once).
 */
export function SecuritySection({ readOnly }: { readOnly: boolean }) {
  const t = useT()
  const ids = useId()
  const { status, onStatus } = useSecurity()
  const [dialog, setDialog] = useState<'change' | 'recovery' | 'decrypt' | null>(null)
  const [notice, setNotice] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  if (!status) return null

  const act = async (work: () => Promise<void>) => {
    setBusy(true)
    setError('')
    setNotice('')
    try {
      await work()
    } catch (e) {
      setError(t('security.failed', { reason: messageOf(e) }))
    } finally {
      setBusy(false)
    }
  }
  const lockNow = () => act(async () => onStatus(await call('workspace:lock', {})))
  const setIdle = (minutes: number | null) =>
    act(async () => onStatus(await call('workspace:setIdleLock', { minutes })))
  const remember = (on: boolean) => act(async () => onStatus(await call('workspace:rememberKey', { remember: on })))
  const choices = IDLE_CHOICES.includes(status.idleLockMinutes)
    ? IDLE_CHOICES
    : [...IDLE_CHOICES, status.idleLockMinutes].sort((a, b) => (a ?? 0) - (b ?? 0))

  return (
    <section className="settings__section security" aria-labelledby={`${ids}-h`} data-testid="security-section">
      <h2 id={`${ids}-h`}>{t('security.title')}</h2>
      <p className={`security__state security__state--${status.encrypted ? 'on' : 'off'}`}>
        <span className="security__badge">
          {status.encrypted ? t('security.state.encrypted') : t('security.state.plain')}
        </span>{' '}
        {status.encrypted ? t('security.state.encryptedHint') : t('security.state.plainHint')}
      </p>

      {!status.encrypted ? (
        <EncryptForm readOnly={readOnly} />
      ) : (
        <>
          <div className="security__row">
            <button type="button" className="button--primary" disabled={busy} onClick={() => void lockNow()}>
              {t('security.lockNow')}
            </button>
            <p className="hint">{t('security.lockNowHint')}</p>
          </div>
          <div className="field security__idle">
            <label htmlFor={`${ids}-idle`}>{t('security.idle.label')}</label>
            <select
              id={`${ids}-idle`}
              value={status.idleLockMinutes === null ? '' : String(status.idleLockMinutes)}
              disabled={busy}
              aria-describedby={`${ids}-idle-hint`}
              onChange={(e) => void setIdle(e.target.value ? Number(e.target.value) : null)}
            >
              {choices.map((m) => (
                <option key={m ?? 'never'} value={m === null ? '' : String(m)}>
                  {m === null ? t('security.idle.never') : t('security.idle.minutes', { count: m })}
                </option>
              ))}
            </select>
            <p className="hint" id={`${ids}-idle-hint`}>
              {t('security.idle.hint')}
            </p>
          </div>
          <div className="field security__oskey">
            <label>
              <input
                type="checkbox"
                checked={status.osKey === 'on' || status.osKey === 'suspended'}
                disabled={busy || status.osKey === 'unavailable'}
                aria-describedby={`${ids}-oskey-hint`}
                onChange={(e) => void remember(e.target.checked)}
              />{' '}
              {t('security.osKey.label')}
            </label>
            <p className="hint" id={`${ids}-oskey-hint`}>
              {t(`security.osKey.hint.${status.osKey}`)}
            </p>
          </div>
          <div className="security__row">
            <button type="button" disabled={busy} onClick={() => setDialog('change')}>
              {t('security.change.open')}
            </button>
            <button type="button" disabled={busy || readOnly} onClick={() => setDialog('recovery')}>
              {t('security.renew.open')}
            </button>
            <button
              type="button"
              className="button--danger"
              disabled={busy || readOnly}
              onClick={() => setDialog('decrypt')}
            >
              {t('security.decrypt.open')}
            </button>
          </div>
        </>
      )}
      {notice && (
        <p className="security__notice" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert>{error}</ErrorAlert>

      {dialog === 'change' && (
        <ChangePassphraseDialog
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null)
            setNotice(t('security.change.done'))
          }}
        />
      )}
      {dialog === 'recovery' && <NewRecoveryKeyDialog onClose={() => setDialog(null)} />}
      {dialog === 'decrypt' && <DecryptDialog onClose={() => setDialog(null)} />}
    </section>
  )
}

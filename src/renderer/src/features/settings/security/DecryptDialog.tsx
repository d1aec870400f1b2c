import { useId, useRef, useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { SecretField, type SecretKind } from '@renderer/features/security/SecretField'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { secretErrorOf, useSecurity } from '@renderer/lib/security'
import { MigrationProgress, newMigrationTask } from './MigrationProgress'

/**
 * Decrypting writes every file back in the clear, so it asks for the passphrase (or recovery key) again,
 * whoever left the window open, and says plainly what it means.
 */
export function DecryptDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const ids = useId()
  const { onStatus } = useSecurity()
  const [kind, setKind] = useState<SecretKind>('passphrase')
  const [value, setValue] = useState('')
  const [error, setError] = useState('')
  // The running migration's task (its progress pushes carry it); busy while there is one.
  const [task, setTask] = useState<string | null>(null)
  const busy = task !== null
  const input = useRef<HTMLInputElement>(null)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!value.trim()) {
      setError(kind === 'passphrase' ? t('security.error.passphraseEmpty') : t('security.error.recoveryKeyEmpty'))
      input.current?.focus()
      return
    }
    const taskId = newMigrationTask('decrypt')
    setTask(taskId)
    setError('')
    try {
      const status = await call(
        'workspace:decrypt',
        kind === 'passphrase' ? { passphrase: value, taskId } : { recoveryKey: value, taskId },
      )
      onStatus(status)
      onClose()
    } catch (err) {
      const { key, reason } = secretErrorOf(err, kind)
      setError(t(key, { reason }))
      setTask(null)
      setTimeout(() => input.current?.select())
    }
  }

  return (
    <Dialog title={t('security.decrypt.title')} closeOnBackdrop={false} onClose={() => !busy && onClose()}>
      <form onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <p className="security__warning" id={`${ids}-warning`}>
          {t('security.decrypt.warning')}
        </p>
        <SecretField
          ref={input}
          id={`${ids}-secret`}
          kind={kind}
          value={value}
          onChange={setValue}
          onKind={(k) => {
            setKind(k)
            setError('')
            setTimeout(() => input.current?.focus())
          }}
          error={error}
          disabled={busy}
        />
        {task && <MigrationProgress taskId={task} label={t('security.decrypt.busy')} />}
        <div className="form-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button--danger" disabled={busy}>
            {t('security.decrypt.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

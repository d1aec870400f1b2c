import { useId, useState } from 'react'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { useSecurity } from '@renderer/lib/security'
import { messageOf } from '@shared/ipc/result'
import { NewPassphraseFields } from './NewPassphraseFields'
import { newPassphraseProblem, type FieldProblem } from './passphrase'
import { MigrationProgress, newMigrationTask } from './MigrationProgress'

/**
 * Encrypts the open workspace with a new passphrase. Main closes the workspace, seals every file and opens
 * it again; the form stays busy until then. The recovery key main answers goes to the shell, which shows
 * it once (this screen is mounted afresh when the workspace reopens).
 */
export function EncryptForm({ readOnly }: { readOnly: boolean }) {
  const t = useT()
  const ids = useId()
  const { onStatus, showRecoveryKey } = useSecurity()
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<FieldProblem | null>(null)
  // The running migration's task (its progress pushes carry it); busy while there is one.
  const [task, setTask] = useState<string | null>(null)
  const busy = task !== null
  const [error, setError] = useState('')

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const found = newPassphraseProblem(next, confirm)
    setProblem(found)
    setError('')
    if (found) {
      document.getElementById(`${ids}-${found.field}`)?.focus()
      return
    }
    const taskId = newMigrationTask('encrypt')
    setTask(taskId)
    try {
      const { recoveryKey } = await call('workspace:encrypt', { passphrase: next, taskId })
      showRecoveryKey(recoveryKey)
      onStatus(await call('workspace:encryptionStatus', {}))
    } catch (err) {
      setError(t('security.encrypt.failed', { reason: messageOf(err) }))
      setTask(null)
    }
  }

  return (
    <form className="security__form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <h3 id={`${ids}-h`}>{t('security.encrypt.title')}</h3>
      <p className="hint">{t('security.encrypt.intro')}</p>
      <fieldset className="form-grid settings__grid" disabled={busy || readOnly} aria-labelledby={`${ids}-h`}>
        <NewPassphraseFields
          ids={ids}
          next={next}
          confirm={confirm}
          onNext={setNext}
          onConfirm={setConfirm}
          problem={problem}
          labels={{ next: t('security.passphrase'), confirm: t('security.confirmPassphrase') }}
        />
      </fieldset>
      <ErrorAlert>{error}</ErrorAlert>
      {task && <MigrationProgress taskId={task} label={t('security.encrypt.busy')} />}
      <div className="form-actions security__actions">
        <button type="submit" className="button--primary" disabled={busy || readOnly}>
          {t('security.encrypt.submit')}
        </button>
      </div>
    </form>
  )
}

import { useState } from 'react'
import type { CaseSummary } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { FormFooter } from '@renderer/components/FormFooter'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

export function RenameCaseDialog(props: { summary: CaseSummary; onClose: () => void; onRenamed: () => Promise<void> }) {
  const t = useT()
  const [title, setTitle] = useState(props.summary.title)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError(t('cases.titleMissing'))
    setBusy(true)
    try {
      await call('cases:update', { caseId: props.summary.id, patch: { title } })
      await props.onRenamed()
      props.onClose()
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('cases.renameTitle')} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="rename-title">{t('cases.title')}</label>
          <input
            id="rename-title"
            data-autofocus
            value={title}
            aria-invalid={!!error}
            aria-describedby={error ? 'rename-error' : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <FormFooter
          error={error ? error : null}
          errorId="rename-error"
          onCancel={props.onClose}
          submitLabel={t('cases.rename')}
          busy={busy}
        />
      </form>
    </Dialog>
  )
}

import { useState } from 'react'
import type { CaseSummary } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { FormFooter } from '@renderer/components/FormFooter'
import { messageOf } from '@shared/ipc/result'

export function RenameCaseDialog(props: { summary: CaseSummary; onClose: () => void; onRenamed: () => Promise<void> }) {
  const [title, setTitle] = useState(props.summary.title)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError('A case needs a title.')
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
    <Dialog title="Rename case" onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="rename-title">Title</label>
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
          submitLabel="Rename"
          busy={busy}
        />
      </form>
    </Dialog>
  )
}

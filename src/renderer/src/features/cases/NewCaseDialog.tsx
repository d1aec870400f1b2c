import { useState } from 'react'
import type { CaseSummary } from '@shared/domain'
import { ClassificationInput } from '@renderer/components/ClassificationInput'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { FormFooter } from '@renderer/components/FormFooter'
import { messageOf } from '@shared/ipc/result'

export function NewCaseDialog({ onCreated, onClose }: { onCreated: (c: CaseSummary) => void; onClose: () => void }) {
  const [title, setTitle] = useState('')
  const [reference, setReference] = useState('')
  const [classification, setClassification] = useState('UNCLASSIFIED')
  const [error, setError] = useState<{ field?: 'title' | 'classification'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError({ field: 'title', message: 'A case needs a title.' })
    if (!classification.trim())
      return setError({ field: 'classification', message: 'Choose or type a classification marking.' })
    setBusy(true)
    setError(null)
    try {
      const c = await call('cases:create', { title, reference, classification })
      onCreated(c)
    } catch (err) {
      setError({ message: messageOf(err) })
      setBusy(false)
    }
  }

  return (
    <Dialog title="New case" onClose={onClose} closeOnBackdrop={false}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="new-case-title">Title</label>
          <input
            id="new-case-title"
            data-autofocus
            value={title}
            placeholder="e.g. Attempted entry into the consulate"
            aria-invalid={error?.field === 'title' || undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-case-reference">Reference</label>
          <input
            id="new-case-reference"
            value={reference}
            placeholder="e.g. ECU-USA-2026-002"
            spellCheck={false}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-case-classification">Classification</label>
          <ClassificationInput
            id="new-case-classification"
            value={classification}
            onChange={setClassification}
            invalid={error?.field === 'classification'}
          />
        </div>
        <FormFooter
          error={error ? error.message : null}
          onCancel={onClose}
          submitLabel={busy ? 'Creating…' : 'Create case'}
          busy={busy}
        />
      </form>
    </Dialog>
  )
}

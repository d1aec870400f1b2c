import { useState } from 'react'
import type { CaseSummary } from '@shared/domain'
import { ClassificationInput } from '@renderer/components/ClassificationInput'
import { Dialog } from '@renderer/components/Dialog'
import { FormFooter } from '@renderer/components/FormFooter'
import { call } from '@renderer/lib/api'
import { useClassificationChoices } from '@renderer/lib/appSettings'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

export function NewCaseDialog({ onCreated, onClose }: { onCreated: (c: CaseSummary) => void; onClose: () => void }) {
  const t = useT()
  const choices = useClassificationChoices()
  const [title, setTitle] = useState('')
  const [reference, setReference] = useState('')
  // The workspace's first marking (Settings puts the usual one first).
  const [classification, setClassification] = useState(choices[0] ?? 'UNCLASSIFIED')
  const [error, setError] = useState<{ field?: 'title' | 'classification'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError({ field: 'title', message: t('cases.titleMissing') })
    if (!classification.trim()) return setError({ field: 'classification', message: t('cases.classificationMissing') })
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
    <Dialog title={t('cases.new')} onClose={onClose} closeOnBackdrop={false}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="new-case-title">{t('cases.title')}</label>
          <input
            id="new-case-title"
            data-autofocus
            value={title}
            placeholder={t('cases.titlePlaceholder')}
            aria-invalid={error?.field === 'title' || undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-case-reference">{t('cases.reference')}</label>
          <input
            id="new-case-reference"
            value={reference}
            placeholder={t('cases.referencePlaceholder')}
            spellCheck={false}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-case-classification">{t('cases.classification')}</label>
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
          submitLabel={busy ? t('cases.creating') : t('cases.create')}
          busy={busy}
        />
      </form>
    </Dialog>
  )
}

import { useId, useState } from 'react'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useT } from '@renderer/lib/i18n'

/**
 * Documents are not rendered in the app (the CSP forbids frames and objects),
 * so a document annotation is a page number and the exact words quoted.
 */
export function PageForm({ onAdd }: { onAdd: (page: number, quote: string) => Promise<void> }) {
  const t = useT('evidence')
  const id = useId()
  const [page, setPage] = useState('1')
  const [quote, setQuote] = useState('')
  const [error, setError] = useState('')
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const n = Number(page)
    if (!Number.isInteger(n) || n < 1) return setError(t('annotation.pageInvalid'))
    setError('')
    await onAdd(n, quote)
    setQuote('')
  }
  return (
    <form className="ev-pageform" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('pageForm.heading')}</h3>
      <p className="muted small">{t('pageForm.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t('annotation.page')}</label>
        <input id={`${id}-p`} type="number" min={1} value={page} onChange={(e) => setPage(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('annotation.quote')}</label>
        <textarea id={`${id}-q`} rows={4} value={quote} onChange={(e) => setQuote(e.target.value)} />
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <button type="submit" className="button--primary">
        {t('pageForm.add')}
      </button>
    </form>
  )
}

import { useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { useT } from '@renderer/lib/i18n'
import { isWebUrl } from '@shared/domain/webUrl'

interface Props {
  initial: string
  onApply: (href: string | null) => void
  onClose: () => void
}

export function LinkDialog({ initial, onApply, onClose }: Props) {
  const t = useT('briefings')
  const [href, setHref] = useState(initial)
  const [error, setError] = useState('')
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const v = href.trim()
    if (!v) return onApply(null)
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`
    if (!isWebUrl(withScheme)) {
      setError(t('link.onlyWeb'))
      return
    }
    onApply(withScheme)
  }
  return (
    <Dialog title={initial ? t('link.editTitle') : t('link.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="link-href">{t('link.address')}</label>
          <input
            id="link-href"
            value={href}
            placeholder="https://…"
            data-autofocus
            aria-invalid={!!error || undefined}
            onChange={(e) => (setHref(e.target.value), setError(''))}
          />
          {error ? <p className="field-error">{error}</p> : <p className="hint">{t('link.emptyRemoves')}</p>}
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {initial && (
            <button type="button" onClick={() => onApply(null)}>
              {t('link.remove')}
            </button>
          )}
          <button type="submit" className="button--primary">
            {t('link.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

import { useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { isWebUrl } from '@renderer/lib/url'

interface Props {
  initial: string
  onApply: (href: string | null) => void
  onClose: () => void
}

export function LinkDialog({ initial, onApply, onClose }: Props) {
  const [href, setHref] = useState(initial)
  const [error, setError] = useState('')
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const v = href.trim()
    if (!v) return onApply(null)
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`
    if (!isWebUrl(withScheme)) {
      setError('Only web addresses (http:// or https://) can be linked.')
      return
    }
    onApply(withScheme)
  }
  return (
    <Dialog title={initial ? 'Edit link' : 'Add a link'} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="link-href">Web address</label>
          <input
            id="link-href"
            value={href}
            placeholder="https://…"
            data-autofocus
            aria-invalid={!!error || undefined}
            onChange={(e) => (setHref(e.target.value), setError(''))}
          />
          {error ? <p className="field-error">{error}</p> : <p className="hint">Leave empty to remove the link.</p>}
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {initial && (
            <button type="button" onClick={() => onApply(null)}>
              Remove link
            </button>
          )}
          <button type="submit" className="button--primary">
            Apply
          </button>
        </div>
      </form>
    </Dialog>
  )
}

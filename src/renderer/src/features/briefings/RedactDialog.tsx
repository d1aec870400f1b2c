import { useId, useState } from 'react'
import { Dialog } from '@renderer/components/Dialog'
import { useT } from '@renderer/lib/i18n'

interface Props {
  /** The passage's reason when the cursor is in one already. */
  current: string | null
  /** What is selected, shown so the user sees what a release copy will leave out. */
  selection: string
  /** Usual reasons, in the memo's language (they are printed in the release copy's bars). */
  presets: string[]
  onApply: (reason: string) => void
  onRemove: () => void
  onClose: () => void
}

/** Marks the selected passage as redacted with a reason, changes the reason, or lifts the redaction. */
export function RedactDialog({ current, selection, presets, onApply, onRemove, onClose }: Props) {
  const t = useT('briefings')
  const [reason, setReason] = useState(current ?? '')
  const ids = useId()
  const editing = current !== null
  const nothing = !editing && !selection.trim()
  return (
    <Dialog title={editing ? t('redact.editTitle') : t('redact.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!nothing) onApply(reason.trim())
        }}
      >
        {nothing ? (
          <p>{t('redact.selectFirst')}</p>
        ) : (
          <>
            {selection && <blockquote className="redact-dialog__passage">{selection}</blockquote>}
            <div className="field">
              <label htmlFor={`${ids}-reason`}>{t('redact.reason')}</label>
              <input
                id={`${ids}-reason`}
                list={`${ids}-presets`}
                value={reason}
                maxLength={200}
                data-autofocus
                placeholder={presets[0]}
                onChange={(e) => setReason(e.target.value)}
              />
              <datalist id={`${ids}-presets`}>
                {presets.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
              <p className="hint">{t('redact.hint')}</p>
            </div>
          </>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {editing && (
            <button type="button" onClick={onRemove}>
              {t('redact.remove')}
            </button>
          )}
          {!nothing && (
            <button type="submit" className="button--primary">
              {editing ? t('redact.update') : t('redact.apply')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  )
}

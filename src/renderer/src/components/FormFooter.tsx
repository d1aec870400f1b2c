import type { ReactNode } from 'react'
import { useT } from '@renderer/lib/i18n'
import { ErrorAlert } from './ErrorAlert'

/** The end of every form: its error, if any, then Cancel and the submit button. */
export function FormFooter(props: {
  error?: ReactNode
  errorId?: string
  onCancel: () => void
  submitLabel: ReactNode
  busy?: boolean
}) {
  const t = useT()
  return (
    <>
      <ErrorAlert id={props.errorId}>{props.error}</ErrorAlert>
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  )
}

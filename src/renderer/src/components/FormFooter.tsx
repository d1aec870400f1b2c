import type { ReactNode } from 'react'

/** The end of every form: its error, if any, then Cancel and the submit button. */
export function FormFooter(props: {
  error?: ReactNode
  errorId?: string
  onCancel: () => void
  submitLabel: ReactNode
  busy?: boolean
}) {
  return (
    <>
      {props.error ? (
        <p id={props.errorId} className="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  )
}

import { useT } from '@renderer/lib/i18n'
import { PASSPHRASE_MIN_LENGTH, type FieldProblem } from './passphrase'

interface Props {
  ids: string
  next: string
  confirm: string
  onNext: (v: string) => void
  onConfirm: (v: string) => void
  problem: FieldProblem | null
  labels: { next: string; confirm: string }
}

/** A new passphrase typed twice, each field with its own error (shared by encrypting and changing it). */
export function NewPassphraseFields({ ids, next, confirm, onNext, onConfirm, problem, labels }: Props) {
  const t = useT()
  const err = (field: FieldProblem['field']) =>
    problem?.field === field ? (
      <p className="field-error" id={`${ids}-${field}-error`} role="alert">
        {t(problem.key, { min: PASSPHRASE_MIN_LENGTH })}
      </p>
    ) : null
  const described = (field: FieldProblem['field'], hint?: string) =>
    [hint, problem?.field === field ? `${ids}-${field}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <>
      <div className="field">
        <label htmlFor={`${ids}-next`}>{labels.next}</label>
        <input
          id={`${ids}-next`}
          type="password"
          autoComplete="new-password"
          value={next}
          aria-invalid={problem?.field === 'next' || undefined}
          aria-describedby={described('next', `${ids}-next-hint`)}
          onChange={(e) => onNext(e.target.value)}
        />
        <p className="hint" id={`${ids}-next-hint`}>
          {t('security.passphraseHint', { min: PASSPHRASE_MIN_LENGTH })}
        </p>
        {err('next')}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-confirm`}>{labels.confirm}</label>
        <input
          id={`${ids}-confirm`}
          type="password"
          autoComplete="new-password"
          value={confirm}
          aria-invalid={problem?.field === 'confirm' || undefined}
          aria-describedby={described('confirm')}
          onChange={(e) => onConfirm(e.target.value)}
        />
        {err('confirm')}
      </div>
    </>
  )
}

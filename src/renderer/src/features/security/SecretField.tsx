import { forwardRef } from 'react'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { useT } from '@renderer/lib/i18n'

export type SecretKind = 'passphrase' | 'recoveryKey'

interface Props {
  id: string
  kind: SecretKind
  value: string
  onChange: (value: string) => void
  onKind: (kind: SecretKind) => void
  /** What went wrong with the last try, shown right under the field (before the toggle). */
  error?: string
  disabled?: boolean
}

/**
 * The passphrase, or the recovery key instead (a toggle): what the lock screen and the decrypt dialog ask
 * for. The recovery key is typed in the clear (it is long, grouped and case-insensitive); the passphrase is not.
 */
export const SecretField = forwardRef<HTMLInputElement, Props>(function SecretField(
  { id, kind, value, onChange, onKind, error, disabled },
  ref,
) {
  const t = useT()
  const passphrase = kind === 'passphrase'
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className="field secret-field">
      <label htmlFor={id}>{passphrase ? t('security.passphrase') : t('security.recoveryKey')}</label>
      <input
        ref={ref}
        id={id}
        type={passphrase ? 'password' : 'text'}
        className={passphrase ? undefined : 'mono'}
        autoComplete={passphrase ? 'current-password' : 'off'}
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        disabled={disabled}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId ? `${id}-hint ${errorId}` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {passphrase ? t('security.passphraseAskHint') : t('security.recoveryKeyHint')}
      </p>
      <ErrorAlert id={errorId}>{error}</ErrorAlert>
      <button
        type="button"
        className="button--link secret-field__toggle"
        disabled={disabled}
        onClick={() => {
          onChange('')
          onKind(passphrase ? 'recoveryKey' : 'passphrase')
        }}
      >
        {passphrase ? t('security.useRecoveryKey') : t('security.usePassphrase')}
      </button>
    </div>
  )
})

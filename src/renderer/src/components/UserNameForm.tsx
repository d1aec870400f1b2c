import { useState } from 'react'
import type { WorkspaceInfo } from '@shared/domain'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

interface Props {
  id: string
  info: WorkspaceInfo
  onChanged: () => Promise<void>
  /** After a successful save (the first-run dialog closes). */
  onSaved?: () => void
  autoFocus?: boolean
}

/** The name recorded in every custody and audit entry; worth being able to correct. */
export function UserNameForm({ id, info, onChanged, onSaved, autoFocus }: Props) {
  const t = useT()
  const [userName, setUserName] = useState(info.userName === DEFAULT_USER_NAME ? '' : info.userName)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  const saveName = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!userName.trim()) return setMessage({ error: true, text: t('userName.missing') })
    try {
      await call('workspace:setUserName', { userName })
      await onChanged()
      setMessage({ error: false, text: t('userName.saved') })
      onSaved?.()
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  return (
    <form className="about-name" onSubmit={saveName} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('userName.label')}</label>
        <div className="input-row">
          <input
            id={id}
            value={userName}
            disabled={info.readOnly}
            autoComplete="name"
            data-autofocus={autoFocus || undefined}
            aria-invalid={message?.error || undefined}
            aria-describedby={`${id}-note`}
            onChange={(e) => setUserName(e.target.value)}
          />
          {!info.readOnly && <button type="submit">{t('userName.save')}</button>}
        </div>
      </div>
      <p
        id={`${id}-note`}
        className={message?.error ? 'form-error' : 'hint'}
        role={message ? (message.error ? 'alert' : 'status') : undefined}
      >
        {message?.text ?? t('userName.hint')}
      </p>
    </form>
  )
}

/** What a workspace records as the actor until someone gives a name (WorkspaceFile's default). */
export const DEFAULT_USER_NAME = 'local user'

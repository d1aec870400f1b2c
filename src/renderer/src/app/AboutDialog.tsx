import { useState } from 'react'
import type { WorkspaceInfo } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { messageOf } from '@shared/ipc/result'

interface AboutDialogProps {
  info: WorkspaceInfo | null
  onClose: () => void
  /** After the user name changed: the shell re-reads the workspace info. */
  onChanged: () => Promise<void>
}

export function AboutDialog({ info, onClose, onChanged }: AboutDialogProps) {
  const [userName, setUserName] = useState(info?.userName ?? '')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  // The name goes into every custody and audit entry, so it is worth being able to correct.
  const saveName = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!userName.trim()) return setMessage({ error: true, text: 'Enter the name to record in custody logs.' })
    try {
      await call('workspace:setUserName', { userName })
      await onChanged()
      setMessage({ error: false, text: 'Saved.' })
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  return (
    <Dialog title="About Casefile" onClose={onClose}>
      <p>
        Casefile keeps case files — timelines, evidence, statute excerpts and briefings — on this computer and exports
        them as PDF memos. It needs no network.
      </p>
      {info && (
        <dl className="facts">
          <dt>Workspace</dt>
          <dd>{info.name}</dd>
          <dt>Folder</dt>
          <dd>
            <code>{info.root}</code>
          </dd>
        </dl>
      )}
      {info && (
        <form className="about-name" onSubmit={saveName} noValidate>
          <div className="field">
            <label htmlFor="about-user-name">Working as (recorded in custody and audit logs)</label>
            <div className="input-row">
              <input
                id="about-user-name"
                value={userName}
                disabled={info.readOnly}
                onChange={(e) => setUserName(e.target.value)}
              />
              {!info.readOnly && <button type="submit">Save name</button>}
            </div>
          </div>
          {message && (
            <p className={message.error ? 'form-error' : 'hint'} role={message.error ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
        </form>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

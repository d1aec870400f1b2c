import type { WorkspaceInfo } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { useT } from '@renderer/lib/i18n'
import { UserNameForm } from '@renderer/components/UserNameForm'

interface AboutDialogProps {
  info: WorkspaceInfo | null
  onClose: () => void
  /** After the user name changed: the shell re-reads the workspace info. */
  onChanged: () => Promise<void>
}

export function AboutDialog({ info, onClose, onChanged }: AboutDialogProps) {
  const t = useT()
  return (
    <Dialog title={t('about.title')} onClose={onClose}>
      <p>{t('about.text')}</p>
      {info && (
        <dl className="facts">
          <dt>{t('about.workspace')}</dt>
          <dd>{info.name}</dd>
          <dt>{t('about.folder')}</dt>
          <dd>
            <code translate="no">{info.root}</code>
          </dd>
        </dl>
      )}
      {info && <UserNameForm id="about-user-name" info={info} onChanged={onChanged} />}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  )
}

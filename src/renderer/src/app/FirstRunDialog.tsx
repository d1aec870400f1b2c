import type { WorkspaceInfo } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { useT } from '@renderer/lib/i18n'
import { UserNameForm } from '@renderer/components/UserNameForm'

/** Asked once per workspace while it still records "local user": custody entries should name a person. */
export function FirstRunDialog({
  info,
  onChanged,
  onClose,
}: {
  info: WorkspaceInfo
  onChanged: () => Promise<void>
  onClose: () => void
}) {
  const t = useT()
  return (
    <Dialog title={t('firstRun.title')} onClose={onClose} closeOnBackdrop={false}>
      <p>{t('firstRun.text')}</p>
      <UserNameForm id="first-run-user-name" info={info} onChanged={onChanged} onSaved={onClose} autoFocus />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('firstRun.later')}
        </button>
      </div>
    </Dialog>
  )
}

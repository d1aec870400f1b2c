import type { WorkspaceInfo } from '@shared/domain'
import { formatRoute } from '@renderer/lib/router'
import { useT } from '@renderer/lib/i18n'
import { KeyCombo } from '@renderer/components/KeyCombo'
import { call } from '@renderer/lib/api'
import { useSecurity } from '@renderer/lib/security'
import { showToast } from '@renderer/lib/toasts'
import { messageOf } from '@shared/ipc/result'

interface TopBarProps {
  info: WorkspaceInfo | null
  onSearch: () => void
  onOpenWorkspace: () => void
  onShortcuts: () => void
}

/** The window's top line: where you are (the workspace) and what you can always do. */
export function TopBar({ info, onSearch, onOpenWorkspace, onShortcuts }: TopBarProps) {
  const t = useT()
  const { status, onStatus } = useSecurity()
  // An encrypted workspace can be locked from anywhere, not only from the settings.
  const lock = () =>
    call('workspace:lock', {}).then(onStatus, (e: unknown) =>
      showToast({ tone: 'error', message: t('security.failed', { reason: messageOf(e) }) }),
    )
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="logo" aria-hidden="true">
          ▤
        </span>
        <span className="app-name">{t('app.name')}</span>
        <span className="topbar__sep" aria-hidden="true">
          /
        </span>
        <span className="workspace-name" title={info?.root}>
          {info?.name ?? t('shell.openingWorkspace')}
        </span>
      </div>
      <nav className="topbar__actions" aria-label={t('shell.toolbar')}>
        <button type="button" className="button--ghost search-trigger" onClick={onSearch}>
          {t('shell.search')} <KeyCombo combo={['ctrl', 'K']} t={t} />
        </button>
        <a className="button-like button--ghost" href={formatRoute({ name: 'trash' })}>
          {t('shell.trash')}
        </a>
        <a className="button-like button--ghost" href={formatRoute({ name: 'settings' })}>
          {t('shell.settings')}
        </a>
        {status?.encrypted && (
          <button type="button" className="button--ghost" onClick={() => void lock()} title={t('security.lockNowHint')}>
            {t('security.lock.button')}
          </button>
        )}
        <button
          type="button"
          className="button--ghost"
          onClick={onShortcuts}
          aria-label={t('shell.shortcuts')}
          title={t('shell.shortcuts')}
        >
          ?
        </button>
        <button type="button" className="button--ghost" onClick={onOpenWorkspace}>
          {t('shell.openWorkspace')}
        </button>
      </nav>
    </header>
  )
}

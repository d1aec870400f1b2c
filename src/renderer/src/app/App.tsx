import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseSummary } from '@shared/domain'
import type { MenuCommand } from '@shared/ipc/events'
import { Dialog } from '@renderer/components/Dialog'
import { Toasts } from '@renderer/components/Toasts'
import { CaseList } from '@renderer/features/cases/CaseList'
import { CaseView } from '@renderer/features/cases/CaseView'
import { NewCaseDialog } from '@renderer/features/cases/NewCaseDialog'
import { SearchPanel } from '@renderer/features/search/index'
import { SettingsScreen } from '@renderer/features/settings/index'
import { TrashScreen } from '@renderer/features/trash/index'
import { ApiError, call, onAppEvent } from '@renderer/lib/api'
import { AppSettingsContext } from '@renderer/lib/appSettings'
import { useSecurity } from '@renderer/lib/security'
import { useT } from '@renderer/lib/i18n'
import { isCaseTab, navigate, useHashRoute } from '@renderer/lib/router'
import { useGlobalShortcut } from '@renderer/lib/shortcuts'
import { clearToasts } from '@renderer/lib/toasts'
import { clearHistories } from '@renderer/lib/undo'
import { messageOf } from '@shared/ipc/result'
import { AboutDialog } from './AboutDialog'
import { ProblemsBanner, ReadOnlyBanner } from './Banners'
import { FirstRunDialog } from './FirstRunDialog'
import { ShortcutSheet } from './ShortcutSheet'
import { TopBar } from './TopBar'
import { DEFAULT_USER_NAME } from '@renderer/components/UserNameForm'
import { useAppSettingsState } from './useAppSettingsState'
import { useSidebar } from './useSidebar'
import { useWorkspaceData } from './useWorkspaceData'
import { Welcome } from './Welcome'

/** The open dialog: menu commands that open one, the shortcut sheet, the first-run question. */
type Modal = 'new-case' | 'search' | 'about' | 'shortcuts' | 'first-run' | null

export function App() {
  const t = useT()
  const route = useHashRoute()
  const { info, cases, infoError, casesError, generation, refreshInfo, refreshCases, reloadAll } = useWorkspaceData()
  const appSettings = useAppSettingsState(generation)
  const sidebar = useSidebar()
  const [modal, setModal] = useState<Modal>(null)
  const [askedName, setAskedName] = useState(false)
  const [chooseError, setChooseError] = useState('')
  const [subscribed, setSubscribed] = useState(false)
  const mainRef = useRef<HTMLElement>(null)
  const readOnly = info?.readOnly ?? false
  const { onStatus } = useSecurity()

  const onMenu = useCallback((name: MenuCommand) => {
    if (name === 'settings' || name === 'trash') navigate({ name })
    else setModal(name)
  }, [])

  useEffect(() => {
    const offChanged = onAppEvent('workspace:changed', () => {
      // Another workspace: notices and undo steps belong to the one before.
      clearToasts()
      clearHistories()
      void reloadAll()
    })
    const offMenu = onAppEvent('menu:command', ({ name }) => onMenu(name))
    setSubscribed(true)
    return () => {
      offChanged()
      offMenu()
    }
  }, [reloadAll, onMenu])

  // Ctrl+K searches, unless the place with the focus answers it itself (the briefing editor's link dialog).
  useGlobalShortcut('mod+k', () => setModal('search'), { inFields: true })
  useGlobalShortcut('mod+n', readOnly ? null : () => setModal('new-case'), { inFields: true })
  useGlobalShortcut('mod+,', () => navigate({ name: 'settings' }), { inFields: true })
  useGlobalShortcut('?', () => setModal('shortcuts'))
  useGlobalShortcut('mod+b', sidebar.toggle)

  // Asked once per session while the workspace still records "local user" in custody entries.
  useEffect(() => {
    if (info && !info.readOnly && info.userName === DEFAULT_USER_NAME && !askedName && modal === null) {
      setAskedName(true)
      setModal('first-run')
    }
  }, [info, askedName, modal])

  // After a workspace switch the open case may not exist any more. Only a new list
  // (a reload) checks this: a case just created is routed to before the list has it.
  const routeRef = useRef(route)
  routeRef.current = route
  useEffect(() => {
    const r = routeRef.current
    if (r.name === 'case' && cases && !cases.some((c) => c.id === r.caseId)) navigate({ name: 'home' })
  }, [cases])

  const chooseWorkspace = async () => {
    setChooseError('')
    try {
      const out = await call('workspace:choose', {})
      if (out.opened) {
        clearToasts()
        clearHistories()
        await reloadAll()
      }
    } catch (e) {
      // An encrypted workspace waits for its passphrase: main holds it as the locked one, the lock screen asks.
      if (e instanceof ApiError && e.code === 'LOCKED') {
        const status = await call('workspace:encryptionStatus', {}).catch(() => null)
        if (status?.locked) return onStatus(status)
      }
      setChooseError(messageOf(e))
    }
  }

  const onCreated = useCallback(
    async (c: CaseSummary) => {
      setModal(null)
      await refreshCases()
      navigate({ name: 'case', caseId: c.id, tab: 'overview' })
    },
    [refreshCases],
  )

  if (infoError && !info) {
    return (
      <main className="fatal">
        <h1>{t('shell.fatal')}</h1>
        <p>{infoError}</p>
        <button type="button" onClick={() => void reloadAll()}>
          {t('common.tryAgain')}
        </button>
      </main>
    )
  }

  const close = () => setModal(null)
  return (
    <AppSettingsContext.Provider value={appSettings}>
      {/* data-ready tells end-to-end tests that pushes from main will now be heard. */}
      <div
        className={`shell${sidebar.collapsed ? ' shell--sidebar-collapsed' : ''}`}
        data-ready={subscribed && info && appSettings.ready ? 'true' : undefined}
      >
        <a
          className="skip-link"
          href="#content"
          onClick={(e) => {
            // The hash routes the window: move the focus instead of following the link.
            e.preventDefault()
            mainRef.current?.focus()
          }}
        >
          {t('app.skipToContent')}
        </a>
        <TopBar
          info={info}
          onSearch={() => setModal('search')}
          onOpenWorkspace={() => void chooseWorkspace()}
          onShortcuts={() => setModal('shortcuts')}
        />

        {readOnly && <ReadOnlyBanner reason={info?.readOnlyReason} text={info?.readOnlyText} />}
        {info && <ProblemsBanner info={info} onRestored={reloadAll} />}
        {chooseError && (
          <div className="banner banner--danger" role="alert">
            {t('shell.chooseFailed', { reason: chooseError })}
          </div>
        )}
        {casesError && (
          <div className="banner banner--danger" role="alert">
            {t('shell.casesFailed', { reason: casesError })}
          </div>
        )}

        <div className="shell__body">
          <CaseList
            cases={cases}
            selectedId={route.name === 'case' ? route.caseId : null}
            readOnly={readOnly}
            collapsed={sidebar.collapsed}
            onToggle={sidebar.toggle}
            onNew={() => setModal('new-case')}
            onChanged={refreshCases}
          />
          <main className="content" id="content" ref={mainRef} tabIndex={-1}>
            {route.name === 'case' ? (
              <CaseView
                key={`${route.caseId}:${generation}`}
                caseId={route.caseId}
                tab={route.tab}
                itemId={route.itemId}
                readOnly={readOnly}
                listUpdatedAt={cases?.find((c) => c.id === route.caseId)?.updatedAt}
                onCaseChanged={refreshCases}
                onLoadFailed={refreshInfo}
              />
            ) : route.name === 'settings' ? (
              <SettingsScreen key={generation} info={info} onInfoChanged={refreshInfo} />
            ) : route.name === 'trash' ? (
              <TrashScreen key={generation} readOnly={readOnly} onRestored={refreshCases} onFailed={refreshInfo} />
            ) : (
              <Welcome count={cases?.length ?? 0} readOnly={readOnly} onNew={() => setModal('new-case')} />
            )}
          </main>
        </div>

        <Toasts />

        {modal === 'new-case' && !readOnly && <NewCaseDialog onCreated={onCreated} onClose={close} />}
        {modal === 'new-case' && readOnly && (
          <Dialog title={t('cases.new')} onClose={close}>
            <p>{t('cases.newReadOnly')}</p>
          </Dialog>
        )}
        {modal === 'about' && <AboutDialog info={info} onClose={close} onChanged={refreshInfo} />}
        {modal === 'first-run' && info && <FirstRunDialog info={info} onChanged={refreshInfo} onClose={close} />}
        {modal === 'shortcuts' && <ShortcutSheet onClose={close} />}
        {modal === 'search' && (
          <Dialog title={t('shell.search')} className="dialog--search" onClose={close}>
            <SearchPanel
              onClose={close}
              onOpen={(target) => {
                setModal(null)
                const tab = isCaseTab(target.tab) ? target.tab : 'overview'
                navigate({ name: 'case', caseId: target.caseId, tab, itemId: target.itemId })
              }}
            />
          </Dialog>
        )}
      </div>
    </AppSettingsContext.Provider>
  )
}

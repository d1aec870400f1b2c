import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseSummary } from '@shared/domain'
import type { MenuCommand } from '@shared/ipc/events'
import { Dialog } from '@renderer/components/Dialog'
import { CaseList } from '@renderer/features/cases/CaseList'
import { CaseView } from '@renderer/features/cases/CaseView'
import { NewCaseDialog } from '@renderer/features/cases/NewCaseDialog'
import { SearchPanel } from '@renderer/features/search/index'
import { call, onAppEvent } from '@renderer/lib/api'
import { AboutDialog } from './AboutDialog'
import { ProblemsBanner, ReadOnlyBanner } from './Banners'
import { isCaseTab, navigate, useHashRoute } from '@renderer/lib/router'
import { useGlobalShortcut } from '@renderer/lib/shortcuts'
import { useWorkspaceData } from './useWorkspaceData'
import { messageOf } from '@shared/ipc/result'

/** The open dialog: each menu command opens one (new case, search, about). */
type Modal = MenuCommand | null

export function App() {
  const route = useHashRoute()
  const { info, cases, infoError, casesError, generation, refreshInfo, refreshCases, reloadAll } = useWorkspaceData()
  const [modal, setModal] = useState<Modal>(null)
  const [chooseError, setChooseError] = useState('')
  const [subscribed, setSubscribed] = useState(false)
  const readOnly = info?.readOnly ?? false

  useEffect(() => {
    const offChanged = onAppEvent('workspace:changed', () => void reloadAll())
    const offMenu = onAppEvent('menu:command', ({ name }) => setModal(name))
    setSubscribed(true)
    return () => {
      offChanged()
      offMenu()
    }
  }, [reloadAll])

  // Ctrl+K searches, unless the place with the focus answers it itself (the briefing editor's link dialog).
  useGlobalShortcut('mod+k', () => setModal('search'), { inFields: true })

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
      if (out.opened) await reloadAll()
    } catch (e) {
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
        <h1>Casefile could not open the workspace</h1>
        <p>{infoError}</p>
        <button type="button" onClick={() => void reloadAll()}>
          Try again
        </button>
      </main>
    )
  }

  return (
    // data-ready tells end-to-end tests that pushes from main will now be heard.
    <div className="shell" data-ready={subscribed && info ? 'true' : undefined}>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">
            ▤
          </span>
          <span className="app-name">Casefile</span>
          <span className="topbar__sep" aria-hidden="true">
            /
          </span>
          <span className="workspace-name" title={info?.root}>
            {info?.name ?? 'Opening workspace…'}
          </span>
        </div>
        <div className="topbar__actions">
          <button type="button" className="button--ghost search-trigger" onClick={() => setModal('search')}>
            Search <kbd>Ctrl K</kbd>
          </button>
          <button type="button" className="button--ghost" onClick={chooseWorkspace}>
            Open workspace…
          </button>
        </div>
      </header>

      {readOnly && <ReadOnlyBanner reason={info?.readOnlyReason} />}
      {info && <ProblemsBanner info={info} onRestored={reloadAll} />}
      {chooseError && (
        <div className="banner banner--danger" role="alert">
          Could not open the workspace: {chooseError}
        </div>
      )}
      {casesError && (
        <div className="banner banner--danger" role="alert">
          The case list could not be read: {casesError}
        </div>
      )}

      <div className="shell__body">
        <CaseList
          cases={cases}
          selectedId={route.name === 'case' ? route.caseId : null}
          readOnly={readOnly}
          onNew={() => setModal('new-case')}
          onChanged={refreshCases}
        />
        <main className="content" id="content">
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
          ) : (
            <Welcome count={cases?.length ?? 0} readOnly={readOnly} onNew={() => setModal('new-case')} />
          )}
        </main>
      </div>

      {modal === 'new-case' && !readOnly && <NewCaseDialog onCreated={onCreated} onClose={() => setModal(null)} />}
      {modal === 'new-case' && readOnly && (
        <Dialog title="New case" onClose={() => setModal(null)}>
          <p>This workspace is read-only, so no case can be added.</p>
        </Dialog>
      )}
      {modal === 'about' && <AboutDialog info={info} onClose={() => setModal(null)} onChanged={refreshInfo} />}
      {modal === 'search' && (
        <Dialog title="Search" className="dialog--search" onClose={() => setModal(null)}>
          <SearchPanel
            onClose={() => setModal(null)}
            onOpen={(target) => {
              setModal(null)
              const tab = isCaseTab(target.tab) ? target.tab : 'overview'
              navigate({ name: 'case', caseId: target.caseId, tab, itemId: target.itemId })
            }}
          />
        </Dialog>
      )}
    </div>
  )
}

function Welcome({ count, readOnly, onNew }: { count: number; readOnly: boolean; onNew: () => void }) {
  return (
    <div className="empty-state empty-state--page">
      <h1>{count ? 'Choose a case' : 'No cases yet'}</h1>
      <p className="muted">
        {count
          ? 'Pick a case from the list on the left, or start a new one.'
          : 'A case gathers the actors, the timeline, the evidence and the law of one matter.'}
      </p>
      {!readOnly && (
        <button type="button" className="button--primary" onClick={onNew}>
          New case
        </button>
      )}
    </div>
  )
}

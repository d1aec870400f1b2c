import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Case, CaseDetail } from '@shared/domain'
import { ApiError, call } from '@renderer/lib/api'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { useFocusOnOpen } from '@renderer/lib/focus'
import { useT } from '@renderer/lib/i18n'
import { CASE_TABS, formatRoute, tabLabelKey, type CaseTabName } from '@renderer/lib/router'
import { showToast } from '@renderer/lib/toasts'
import { historyFor, UndoContext, type UndoScope } from '@renderer/lib/undo'
import { BriefingsTab } from '@renderer/features/briefings/index'
import { EvidenceTab } from '@renderer/features/evidence/index'
import { IssuesTab } from '@renderer/features/issues/index'
import { useCaseLinks } from '@renderer/features/links/useCaseLinks'
import { StatutesTab } from '@renderer/features/statutes/index'
import { messageOf } from '@shared/ipc/result'
import { ActorsTab } from './ActorsTab'
import { CaseHeader } from './CaseHeader'
import { OverviewTab } from './OverviewTab'
import { TimelineTab } from './TimelineTab'

interface CaseViewProps {
  caseId: string
  tab: CaseTabName
  itemId?: string
  readOnly: boolean
  /** The list's summary of this case; a newer one (renamed elsewhere) triggers a reload. */
  listUpdatedAt?: string
  onCaseChanged: () => Promise<void>
  /** A failed read may have quarantined the file: the shell re-reads the workspace's problems. */
  onLoadFailed: () => void
}

const TAB_COMPONENTS: Record<Exclude<CaseTabName, 'overview'>, (p: CaseTabProps) => React.ReactNode> = {
  actors: ActorsTab,
  timeline: TimelineTab,
  evidence: EvidenceTab,
  statutes: StatutesTab,
  issues: IssuesTab,
  briefings: BriefingsTab,
}

export function CaseView({ caseId, tab, itemId, readOnly, listUpdatedAt, onCaseChanged, onLoadFailed }: CaseViewProps) {
  const t = useT()
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [error, setError] = useState<{ notFound: boolean; damaged: boolean; message: string } | null>(null)
  // Opening a case puts the focus on its title, not wherever the click left it.
  const headingRef = useFocusOnOpen<HTMLHeadingElement>(!!detail)
  const links = useCaseLinks(caseId, detail, tab)

  const reload = useCallback(async () => {
    try {
      setDetail(await call('cases:get', { caseId }))
      setError(null)
    } catch (e) {
      // A damaged file is CORRUPT when this read is the one that finds it, NOT_FOUND once it was set aside:
      // the same case to the person, whichever read came first.
      const code = e instanceof ApiError ? e.code : ''
      setError({ notFound: code === 'NOT_FOUND', damaged: code === 'CORRUPT', message: messageOf(e) })
      onLoadFailed()
    }
  }, [caseId, onLoadFailed])

  useEffect(() => {
    void reload()
  }, [reload])

  useEffect(() => {
    if (detail && listUpdatedAt && listUpdatedAt > detail.case.updatedAt) void reload()
  }, [listUpdatedAt, detail, reload])

  const onCaseSaved = useCallback(
    (c: Case) => {
      setDetail((d) => (d ? { ...d, case: c } : d))
      void onCaseChanged()
    },
    [onCaseChanged],
  )

  const undoScope = useMemo<UndoScope>(
    () => ({
      history: historyFor(caseId),
      afterChange: async () => {
        await reload()
        void onCaseChanged()
      },
      onError: (e) => showToast({ tone: 'error', message: t('undo.failed', { reason: messageOf(e) }) }),
      undoLabel: t('common.undo'),
    }),
    [caseId, reload, onCaseChanged, t],
  )

  if (error && !detail) {
    return (
      <div className="empty-state empty-state--page" role="alert">
        <h1>
          {error.damaged || (error.notFound && listUpdatedAt)
            ? t('case.fileMissing')
            : error.notFound
              ? t('case.notInWorkspace')
              : t('case.openFailed')}
        </h1>
        <p className="muted">{error.message}</p>
        <p>
          {!error.notFound && (
            <button type="button" onClick={() => void reload()}>
              {t('common.tryAgain')}
            </button>
          )}{' '}
          <a href="#/">{t('case.backToList')}</a>
        </p>
      </div>
    )
  }
  if (!detail) return <p className="muted loading">{t('case.loading')}</p>

  const tabProps: CaseTabProps = { caseId, detail, reload, itemId, readOnly, links }
  const Tab = tab === 'overview' ? null : TAB_COMPONENTS[tab]
  const tabLabel = t(tabLabelKey(tab))

  return (
    <UndoContext.Provider value={undoScope}>
      <article className="case-view" aria-labelledby="case-title">
        <CaseHeader detail={detail} readOnly={readOnly} headingRef={headingRef} scope={undoScope}>
          <nav className="tabs" aria-label={t('case.sections')}>
            {CASE_TABS.map((name) => (
              <a
                key={name}
                href={formatRoute({ name: 'case', caseId, tab: name })}
                className={`tab ${name === tab ? 'tab--active' : ''}`}
                aria-current={name === tab ? 'page' : undefined}
              >
                {t(tabLabelKey(name))}
                <TabCount tab={name} detail={detail} />
              </a>
            ))}
          </nav>
        </CaseHeader>
        {error && (
          <div className="banner banner--danger" role="alert">
            {t('case.refreshFailed', { reason: error.message })}
          </div>
        )}
        <section className="case-body" aria-labelledby="case-section-title">
          <h2 id="case-section-title" className="visually-hidden">
            {tabLabel}
          </h2>
          {Tab ? <Tab {...tabProps} /> : <OverviewTab {...tabProps} onSaved={onCaseSaved} />}
        </section>
      </article>
    </UndoContext.Provider>
  )
}

function TabCount({ tab, detail }: { tab: CaseTabName; detail: CaseDetail }) {
  const counts: Partial<Record<CaseTabName, number>> = {
    actors: detail.actors.length,
    timeline: detail.events.length,
    evidence: detail.evidence.length,
    statutes: detail.statutes.length,
    issues: detail.issues.length,
    briefings: detail.briefings.length,
  }
  const n = counts[tab]
  return n ? <span className="tab__count">{n}</span> : null
}

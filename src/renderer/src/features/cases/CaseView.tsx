import { useCallback, useEffect, useState } from 'react'
import type { Case, CaseDetail } from '@shared/domain'
import type { CaseTabProps } from '@renderer/lib/caseTab'
import { CASE_TABS, TAB_LABELS, formatRoute, type CaseTabName } from '@renderer/lib/router'
import { ClassificationBadge } from '@renderer/components/ClassificationBadge'
import { ApiError, call } from '@renderer/lib/api'
import { BriefingsTab } from '@renderer/features/briefings/index'
import { EvidenceTab } from '@renderer/features/evidence/index'
import { StatutesTab } from '@renderer/features/statutes/index'
import { ActorsTab } from './ActorsTab'
import { OverviewTab } from './OverviewTab'
import { TimelineTab } from './TimelineTab'
import { STATUS_LABELS } from './caseFormat'
import { messageOf } from '@shared/ipc/result'

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
  briefings: BriefingsTab,
}

export function CaseView({ caseId, tab, itemId, readOnly, listUpdatedAt, onCaseChanged, onLoadFailed }: CaseViewProps) {
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [error, setError] = useState<{ notFound: boolean; message: string } | null>(null)

  const reload = useCallback(async () => {
    try {
      setDetail(await call('cases:get', { caseId }))
      setError(null)
    } catch (e) {
      setError({ notFound: e instanceof ApiError && e.code === 'NOT_FOUND', message: messageOf(e) })
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

  if (error && !detail) {
    return (
      <div className="empty-state empty-state--page" role="alert">
        <h1>
          {!error.notFound
            ? 'The case could not be opened'
            : listUpdatedAt
              ? 'The file of this case is missing or damaged'
              : 'This case is not in the workspace'}
        </h1>
        <p className="muted">{error.message}</p>
        <p>
          {!error.notFound && (
            <button type="button" onClick={() => void reload()}>
              Try again
            </button>
          )}{' '}
          <a href="#/">Back to the case list</a>
        </p>
      </div>
    )
  }
  if (!detail) return <p className="muted loading">Loading case…</p>

  const c = detail.case
  const tabProps: CaseTabProps = { caseId, detail, reload, itemId, readOnly }
  const Tab = tab === 'overview' ? null : TAB_COMPONENTS[tab]

  return (
    <article className="case-view" aria-labelledby="case-title">
      <header className="case-header">
        <div className="case-header__marks">
          <ClassificationBadge marking={c.classification} />
          {c.reference && <span className="case-header__ref">{c.reference}</span>}
          <span className={`status status--${c.status}`}>{STATUS_LABELS[c.status]}</span>
        </div>
        <h1 id="case-title">{c.title}</h1>
        <nav className="tabs" aria-label="Case sections">
          {CASE_TABS.map((t) => (
            <a
              key={t}
              href={formatRoute({ name: 'case', caseId, tab: t })}
              className={`tab ${t === tab ? 'tab--active' : ''}`}
              aria-current={t === tab ? 'page' : undefined}
            >
              {TAB_LABELS[t]}
              <TabCount tab={t} detail={detail} />
            </a>
          ))}
        </nav>
      </header>
      {error && (
        <div className="banner banner--danger" role="alert">
          Could not refresh the case: {error.message}
        </div>
      )}
      <section className="case-body" aria-label={TAB_LABELS[tab]}>
        {Tab ? <Tab {...tabProps} /> : <OverviewTab {...tabProps} onSaved={onCaseSaved} />}
      </section>
    </article>
  )
}

function TabCount({ tab, detail }: { tab: CaseTabName; detail: CaseDetail }) {
  const counts: Partial<Record<CaseTabName, number>> = {
    actors: detail.actors.length,
    timeline: detail.events.length,
    evidence: detail.evidence.length,
    statutes: detail.statutes.length,
    briefings: detail.briefings.length,
  }
  const n = counts[tab]
  return n ? <span className="tab__count">{n}</span> : null
}

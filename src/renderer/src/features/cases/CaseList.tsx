import { useId, useMemo, useState } from 'react'
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '@shared/domain'
import { ClassificationBadge } from '@renderer/components/ClassificationBadge'
import { BundlesDialog } from '@renderer/features/bundles/BundlesDialog'
import { formatRoute } from '@renderer/lib/router'
import { call } from '@renderer/lib/api'
import { RenameCaseDialog } from './RenameCaseDialog'
import { STATUS_LABELS } from './caseFormat'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'

type StatusFilter = 'active' | 'all' | CaseStatus

interface CaseListProps {
  cases: CaseSummary[] | null
  selectedId: string | null
  readOnly: boolean
  onNew: () => void
  onChanged: () => Promise<void>
}

export function matchesFilter(c: CaseSummary, text: string, status: StatusFilter): boolean {
  if (status === 'active' ? c.status === 'archived' : status !== 'all' && c.status !== status) return false
  const q = text.trim().toLowerCase()
  if (!q) return true
  return [c.title, c.reference, c.classification, ...c.tags].some((s) => s.toLowerCase().includes(q))
}

/** The sidebar: every case of the workspace, filtered by text and status, with rename and archive. */
export function CaseList({ cases, selectedId, readOnly, onNew, onChanged }: CaseListProps) {
  const [text, setText] = useState('')
  const [status, setStatus] = useState<StatusFilter>('active')
  const [renaming, setRenaming] = useState<CaseSummary | null>(null)
  const [bundles, setBundles] = useState(false)
  const [error, setError] = useState('')
  const filterId = useId()
  const statusId = useId()

  const shown = useMemo(
    () =>
      (cases ?? [])
        .filter((c) => matchesFilter(c, text, status))
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)),
    [cases, text, status],
  )

  const setArchived = async (c: CaseSummary, archived: boolean) => {
    setError('')
    try {
      await call('cases:update', { caseId: c.id, patch: { status: archived ? 'archived' : 'open' } })
      await onChanged()
    } catch (e) {
      setError(`Could not ${archived ? 'archive' : 'unarchive'} “${c.title}”: ${messageOf(e)}`)
    }
  }

  return (
    <nav className="sidebar" aria-label="Cases">
      <div className="sidebar__head">
        <h2>Cases</h2>
        {!readOnly && (
          <button type="button" className="button--primary button--small" onClick={onNew}>
            New case
          </button>
        )}
        {!readOnly && (
          <button type="button" className="button--small" onClick={() => setBundles(true)}>
            Bundles…
          </button>
        )}
      </div>
      {bundles && (
        <BundlesDialog caseId={selectedId} onClose={() => setBundles(false)} onImported={() => onChanged()} />
      )}
      <div className="sidebar__filters">
        <label htmlFor={filterId} className="visually-hidden">
          Filter cases
        </label>
        <input
          id={filterId}
          type="search"
          placeholder="Filter by title, reference, tag…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={statusId} className="visually-hidden">
          Status
        </label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="active">Active (not archived)</option>
          <option value="all">All statuses</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert className="sidebar__error">{error}</ErrorAlert>
      {cases === null ? (
        <p className="muted sidebar__empty">Loading cases…</p>
      ) : shown.length === 0 ? (
        <p className="muted sidebar__empty">
          {cases.length === 0 ? 'No cases in this workspace yet.' : 'No case matches this filter.'}
        </p>
      ) : (
        <ul className="case-list">
          {shown.map((c) => (
            <li key={c.id} className={`case-item ${c.id === selectedId ? 'case-item--selected' : ''}`}>
              <a
                className="case-item__link"
                href={formatRoute({ name: 'case', caseId: c.id, tab: 'overview' })}
                aria-current={c.id === selectedId ? 'page' : undefined}
              >
                <span className="case-item__title">{c.title}</span>
                <span className="case-item__meta">
                  {c.reference && <span className="case-item__ref">{c.reference}</span>}
                  <span className={`status status--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                </span>
              </a>
              <div className="case-item__foot">
                <ClassificationBadge marking={c.classification} size="small" />
                {!readOnly && (
                  <span className="case-item__actions">
                    <button
                      type="button"
                      className="button--link"
                      onClick={() => setRenaming(c)}
                      aria-label={`Rename ${c.title}`}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="button--link"
                      onClick={() => setArchived(c, c.status !== 'archived')}
                      aria-label={`${c.status === 'archived' ? 'Unarchive' : 'Archive'} ${c.title}`}
                    >
                      {c.status === 'archived' ? 'Unarchive' : 'Archive'}
                    </button>
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {renaming && <RenameCaseDialog summary={renaming} onClose={() => setRenaming(null)} onRenamed={onChanged} />}
    </nav>
  )
}

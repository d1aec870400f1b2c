import { useId, useMemo, useState } from 'react'
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '@shared/domain'
import { BundlesDialog } from '@renderer/features/bundles/BundlesDialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { showToast } from '@renderer/lib/toasts'
import { messageOf } from '@shared/ipc/result'
import { CaseListItem } from './CaseListItem'
import { RenameCaseDialog } from './RenameCaseDialog'
import { statusKey } from './caseFormat'

type StatusFilter = 'active' | 'all' | CaseStatus

interface CaseListProps {
  cases: CaseSummary[] | null
  selectedId: string | null
  readOnly: boolean
  /** Folded away to a narrow strip with one button to bring it back. */
  collapsed?: boolean
  onToggle?: () => void
  onNew: () => void
  onChanged: () => Promise<void>
}

export function matchesFilter(c: CaseSummary, text: string, status: StatusFilter): boolean {
  if (status === 'active' ? c.status === 'archived' : status !== 'all' && c.status !== status) return false
  const q = text.trim().toLowerCase()
  if (!q) return true
  return [c.title, c.reference, c.classification, ...c.tags].some((s) => s.toLowerCase().includes(q))
}

/**
 * The sidebar: every case of the workspace, filtered by text and status, with
 * rename, archive and remove (each undoable from its notice). The case open on
 * the right stays listed whatever the status filter, so archiving it does not
 * make it vanish.
 */
export function CaseList({ cases, selectedId, readOnly, collapsed, onToggle, onNew, onChanged }: CaseListProps) {
  const t = useT()
  const [text, setText] = useState('')
  const [status, setStatus] = useState<StatusFilter>('active')
  const [renaming, setRenaming] = useState<CaseSummary | null>(null)
  const [bundles, setBundles] = useState(false)
  const [error, setError] = useState('')
  const filterId = useId()
  const statusId = useId()
  const listId = useId()

  const shown = useMemo(
    () =>
      (cases ?? [])
        .filter((c) => matchesFilter(c, text, status) || (c.id === selectedId && matchesFilter(c, text, 'all')))
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)),
    [cases, text, status, selectedId],
  )

  const setArchived = async (c: CaseSummary, archived: boolean) => {
    setError('')
    const before = c.status
    const next: CaseStatus = archived ? 'archived' : 'open'
    try {
      await call('cases:update', { caseId: c.id, patch: { status: next } })
      await onChanged()
      showToast({
        message: t(archived ? 'cases.archived' : 'cases.unarchived', { title: c.title }),
        action: {
          label: t('common.undo'),
          run: async () => {
            await call('cases:update', { caseId: c.id, patch: { status: before } })
            await onChanged()
          },
        },
      })
    } catch (e) {
      setError(t(archived ? 'cases.archiveFailed' : 'cases.unarchiveFailed', { title: c.title, reason: messageOf(e) }))
    }
  }

  const remove = async (c: CaseSummary) => {
    setError('')
    try {
      const entry = await call('cases:remove', { caseId: c.id })
      await onChanged()
      showToast({
        message: t('cases.removed', { title: c.title }),
        action: {
          label: t('common.undo'),
          run: async () => {
            await call('trash:restore', { entryId: entry.id })
            await onChanged()
          },
        },
      })
    } catch (e) {
      setError(t('cases.removeFailed', { title: c.title, reason: messageOf(e) }))
    }
  }

  if (collapsed) {
    return (
      <nav className="sidebar sidebar--collapsed" aria-label={t('cases.heading')}>
        <button
          type="button"
          className="sidebar__toggle"
          aria-expanded={false}
          aria-controls={listId}
          aria-label={t('sidebar.show')}
          title={t('sidebar.show')}
          onClick={onToggle}
        >
          »
        </button>
      </nav>
    )
  }

  return (
    <nav className="sidebar" aria-label={t('cases.heading')} id={listId}>
      <div className="sidebar__head">
        {onToggle && (
          <button
            type="button"
            className="sidebar__toggle"
            aria-expanded
            aria-controls={listId}
            aria-label={t('sidebar.hide')}
            title={t('sidebar.hide')}
            onClick={onToggle}
          >
            «
          </button>
        )}
        <h2>{t('cases.heading')}</h2>
        {!readOnly && (
          <button type="button" className="button--primary button--small" onClick={onNew}>
            {t('cases.new')}
          </button>
        )}
        {!readOnly && (
          <button type="button" className="button--small" onClick={() => setBundles(true)}>
            {t('caseList.bundles')}
          </button>
        )}
      </div>
      {bundles && (
        <BundlesDialog caseId={selectedId} onClose={() => setBundles(false)} onImported={() => onChanged()} />
      )}
      <div className="sidebar__filters">
        <label htmlFor={filterId} className="visually-hidden">
          {t('cases.filter')}
        </label>
        <input
          id={filterId}
          type="search"
          placeholder={t('cases.filterPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={statusId} className="visually-hidden">
          {t('cases.status')}
        </label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="active">{t('cases.filterActive')}</option>
          <option value="all">{t('cases.filterAll')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(s))}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert className="sidebar__error">{error}</ErrorAlert>
      {cases === null ? (
        <p className="muted sidebar__empty">{t('cases.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted sidebar__empty">{cases.length === 0 ? t('cases.none') : t('cases.noneMatch')}</p>
      ) : (
        <ul className="case-list">
          {shown.map((c) => (
            <CaseListItem
              key={c.id}
              c={c}
              selected={c.id === selectedId}
              readOnly={readOnly}
              onRename={() => setRenaming(c)}
              onArchive={(archived) => void setArchived(c, archived)}
              onRemove={() => void remove(c)}
            />
          ))}
        </ul>
      )}
      {renaming && <RenameCaseDialog summary={renaming} onClose={() => setRenaming(null)} onRenamed={onChanged} />}
    </nav>
  )
}

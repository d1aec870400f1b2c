import type { CaseSummary } from '@shared/domain'
import { ClassificationBadge } from '@renderer/components/ClassificationBadge'
import { useT } from '@renderer/lib/i18n'
import { formatRoute } from '@renderer/lib/router'
import { statusKey } from './caseFormat'

interface Props {
  c: CaseSummary
  selected: boolean
  readOnly: boolean
  onRename: () => void
  onArchive: (archived: boolean) => void
  onRemove: () => void
}

/** One case in the sidebar: title, reference, status and marking; its actions when open or focused. */
export function CaseListItem({ c, selected, readOnly, onRename, onArchive, onRemove }: Props) {
  const t = useT()
  const archived = c.status === 'archived'
  return (
    <li className={`case-item ${selected ? 'case-item--selected' : ''}`}>
      <a
        className="case-item__link"
        href={formatRoute({ name: 'case', caseId: c.id, tab: 'overview' })}
        aria-current={selected ? 'page' : undefined}
      >
        <span className="case-item__title">{c.title}</span>
        <span className="case-item__meta">
          {c.reference && <span className="case-item__ref">{c.reference}</span>}
          <span className={`status status--${c.status}`}>{t(statusKey(c.status))}</span>
        </span>
      </a>
      <div className="case-item__foot">
        <ClassificationBadge marking={c.classification} size="small" />
        {!readOnly && (
          <span className="case-item__actions">
            <button
              type="button"
              className="button--link"
              onClick={onRename}
              aria-label={t('cases.renameNamed', { title: c.title })}
            >
              {t('cases.rename')}
            </button>
            <button
              type="button"
              className="button--link"
              onClick={() => onArchive(!archived)}
              aria-label={t(archived ? 'cases.unarchiveNamed' : 'cases.archiveNamed', { title: c.title })}
            >
              {t(archived ? 'cases.unarchive' : 'cases.archive')}
            </button>
            <button
              type="button"
              className="button--link button--link-danger"
              onClick={onRemove}
              aria-label={t('cases.removeNamed', { title: c.title })}
            >
              {t('cases.remove')}
            </button>
          </span>
        )}
      </div>
    </li>
  )
}

import { citationLabel, type StatuteExcerpt } from '@shared/domain'
import { RowActions } from '@renderer/components/RowActions'

interface Props {
  excerpt: StatuteExcerpt
  linked: boolean
  readOnly?: boolean
  busy?: boolean
  onToggleLink: () => void
  onEdit: () => void
  onRemove: () => void
}

/** One excerpt: its citation label first, the exact text one click away. */
export function StatuteRow({ excerpt: s, linked, readOnly, busy, onToggleLink, onEdit, onRemove }: Props) {
  const label = citationLabel(s)
  return (
    <li className={`statute-row ${linked ? 'statute-row--linked' : ''}`} data-statute-id={s.id}>
      <div className="statute-row__head">
        <span className="statute-label">{label}</span>
        <span className="statute-row__heading">{s.heading || <span className="muted">No heading</span>}</span>
        {linked && <span className="badge badge--small statute-row__linked">Linked</span>}
        {!readOnly && (
          <span className="statute-row__actions">
            <RowActions
              look="small"
              actions={[
                {
                  label: linked ? 'Unlink' : 'Link to case',
                  name: `${linked ? 'Unlink' : 'Link'} ${label} ${linked ? 'from' : 'to'} this case`,
                  onClick: onToggleLink,
                  disabled: busy,
                },
                { label: 'Edit', name: `Edit ${label}`, onClick: onEdit },
                { label: 'Remove', name: `Remove ${label} from the library`, onClick: onRemove, danger: true },
              ]}
            />
          </span>
        )}
      </div>
      <div className="statute-row__meta muted">
        {s.instrument}
        {s.year ? ` (${s.year})` : ''}
        {s.jurisdiction && ` · ${s.jurisdiction}`}
        {s.language && s.language !== 'en' && ` · ${s.language}`}
        {s.tags.length > 0 && (
          <span className="statute-row__tags">
            {s.tags.map((t) => (
              <span key={t} className="chip chip--static">
                {t}
              </span>
            ))}
          </span>
        )}
      </div>
      <details className="statute-row__text">
        <summary>Exact text</summary>
        <blockquote lang={s.language || undefined}>{s.text}</blockquote>
        {s.source && <p className="hint">Source: {s.source}</p>}
      </details>
    </li>
  )
}

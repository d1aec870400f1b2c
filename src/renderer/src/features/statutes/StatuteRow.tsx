import { citationLabel, type StatuteExcerpt } from '../../../../shared/domain'

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
            <button
              type="button"
              className="button--small"
              disabled={busy}
              onClick={onToggleLink}
              aria-label={`${linked ? 'Unlink' : 'Link'} ${label} ${linked ? 'from' : 'to'} this case`}
            >
              {linked ? 'Unlink' : 'Link to case'}
            </button>
            <button type="button" className="button--small" onClick={onEdit} aria-label={`Edit ${label}`}>
              Edit
            </button>
            <button
              type="button"
              className="button--small button--link-danger"
              onClick={onRemove}
              aria-label={`Remove ${label} from the library`}
            >
              Remove
            </button>
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

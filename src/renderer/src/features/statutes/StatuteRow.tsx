import { citationLabel, type StatuteExcerpt } from '@shared/domain'
import { RowActions } from '@renderer/components/RowActions'
import { useT } from '@renderer/lib/i18n'

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
  const t = useT()
  const label = citationLabel(s)
  return (
    <li className={`statute-row ${linked ? 'statute-row--linked' : ''}`} data-statute-id={s.id}>
      <div className="statute-row__head">
        {/* A citation is an identifier, the same in every language of the window. */}
        <span className="statute-label" translate="no">
          {label}
        </span>
        <span className="statute-row__heading">
          {s.heading || <span className="muted">{t('statutes.noHeading')}</span>}
        </span>
        {linked && <span className="badge badge--small statute-row__linked">{t('statutes.linked')}</span>}
        {!readOnly && (
          <span className="statute-row__actions">
            <RowActions
              look="small"
              actions={[
                {
                  label: linked ? t('statutes.unlink') : t('statutes.link'),
                  name: t(linked ? 'statutes.unlinkNamed' : 'statutes.linkNamed', { label }),
                  onClick: onToggleLink,
                  disabled: busy,
                },
                { label: t('common.edit'), name: t('statutes.editNamed', { label }), onClick: onEdit },
                {
                  label: t('common.remove'),
                  name: t('statutes.removeNamed', { label }),
                  onClick: onRemove,
                  danger: true,
                },
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
            {s.tags.map((tag) => (
              <span key={tag} className="chip chip--static">
                {tag}
              </span>
            ))}
          </span>
        )}
      </div>
      <details className="statute-row__text">
        <summary>{t('statuteForm.text')}</summary>
        <blockquote lang={s.language || undefined}>{s.text}</blockquote>
        {s.source && <p className="hint">{t('statutes.source', { source: s.source })}</p>}
      </details>
    </li>
  )
}

import { citationLabel, type CaseLinks, type StatuteExcerpt } from '@shared/domain'
import { RowActions } from '@renderer/components/RowActions'
import { CitedInList, LinkGroup, linkItems } from '@renderer/features/links/LinkGroup'
import { useT } from '@renderer/lib/i18n'

interface Props {
  caseId: string
  excerpt: StatuteExcerpt
  /** The issues of this case that rest on the excerpt and its briefings' sentences citing it. */
  links?: CaseLinks['statutes'][string]
  issueNames: ReadonlyMap<string, string>
  /** A link led here (#/case/<id>/statutes/<statuteId>). */
  target?: boolean
  linked: boolean
  readOnly?: boolean
  busy?: boolean
  onToggleLink: () => void
  onEdit: () => void
  onRemove: () => void
}

/** One excerpt: its citation label first, the exact text one click away. */
export function StatuteRow({
  caseId,
  excerpt: s,
  links,
  issueNames,
  target,
  linked,
  readOnly,
  busy,
  onToggleLink,
  onEdit,
  onRemove,
}: Props) {
  const t = useT()
  const label = citationLabel(s)
  return (
    <li
      id={`statute-${s.id}`}
      className={`statute-row ${linked ? 'statute-row--linked' : ''} ${target ? 'link-target' : ''}`}
      data-statute-id={s.id}
    >
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
      {links && (
        <>
          <LinkGroup label={t('links.issues')} items={linkItems(caseId, 'issues', links.issueIds, issueNames)} />
          <CitedInList caseId={caseId} citedIn={links.citedIn} />
        </>
      )}
      <details className="statute-row__text">
        <summary>{t('statuteForm.text')}</summary>
        <blockquote lang={s.language || undefined}>{s.text}</blockquote>
        {s.source && <p className="hint">{t('statutes.source', { source: s.source })}</p>}
      </details>
    </li>
  )
}

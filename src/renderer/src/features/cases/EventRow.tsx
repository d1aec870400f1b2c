import type { CaseLinks, TimelineEvent } from '@shared/domain'
import { RowActions } from '@renderer/components/RowActions'
import { hrefOf, type LinkNames } from '@renderer/features/links/hrefs'
import { LinkGroup, linkItems } from '@renderer/features/links/LinkGroup'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'
import { precisionKey } from './caseFormat'

interface EventRowProps {
  caseId: string
  event: TimelineEvent
  names: LinkNames
  /** This event's links from the case's backlink index; until it arrives, the event's own. */
  links?: CaseLinks['events'][string]
  readOnly?: boolean
  zone?: string
  onEdit: (e: TimelineEvent) => void
  onRemove: (e: TimelineEvent) => void
}

/** One timeline card: when, what, where, and links to its actors, exhibits and issues. */
export function EventRow({ caseId, event: e, names, links, readOnly, zone, onEdit, onRemove }: EventRowProps) {
  const t = useT()
  const fmt = useFormat()
  // Actors a card names but the case no longer holds still show, as "unknown actor", without a link.
  const actors = e.actorIds.map((id) => ({ id, name: names.actor.get(id) }))
  return (
    <>
      <div className="event__when">
        <time dateTime={e.at}>{fmt.eventWhen(e, zone)}</time>
        <span className={`badge badge--small precision precision--${e.precision}`}>{t(precisionKey(e.precision))}</span>
      </div>
      <div className="event__what">
        <h3 className="event__title">{e.title}</h3>
        {e.location && (
          <p className="event__location">
            <span className="muted">{t('timeline.where')} </span>
            {e.location}
          </p>
        )}
        {e.description && <p className="event__description">{e.description}</p>}
        {actors.length > 0 && (
          <ul className="event__actors" aria-label={t('tabs.actors')}>
            {actors.map((a) => (
              <li key={a.id}>
                {a.name === undefined ? (
                  <span className="chip chip--static">{t('timeline.unknownActor')}</span>
                ) : (
                  <a className="link-chip" href={hrefOf(caseId, 'actors', a.id)}>
                    {a.name}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
        <LinkGroup
          label={t('links.exhibits')}
          items={linkItems(caseId, 'evidence', links?.evidenceIds ?? e.evidenceIds, names.evidence)}
        />
        <LinkGroup label={t('links.issues')} items={linkItems(caseId, 'issues', links?.issueIds, names.issue)} />
      </div>
      {!readOnly && (
        <div className="event__actions">
          <RowActions
            actions={[
              { label: t('common.edit'), name: t('timeline.editNamed', { title: e.title }), onClick: () => onEdit(e) },
              {
                label: t('common.remove'),
                name: t('timeline.removeNamed', { title: e.title }),
                onClick: () => onRemove(e),
                danger: true,
              },
            ]}
          />
        </div>
      )}
    </>
  )
}

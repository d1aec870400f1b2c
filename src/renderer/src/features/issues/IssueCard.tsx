import type { Issue } from '@shared/domain'
import { RowActions } from '@renderer/components/RowActions'
import type { LinkNames } from '@renderer/features/links/hrefs'
import { LinkGroup, linkItems } from '@renderer/features/links/LinkGroup'
import { useT } from '@renderer/lib/i18n'

/** One legal question: its status, the position taken, and links to the facts, exhibits and excerpts it rests on. */
export function IssueCard({
  caseId,
  issue: i,
  names,
  target,
  readOnly,
  onEdit,
  onRemove,
}: {
  caseId: string
  issue: Issue
  names: LinkNames
  target: boolean
  readOnly?: boolean
  onEdit: () => void
  onRemove: () => void
}) {
  const t = useT()
  const headingId = `issue-${i.id}-q`
  const facts = linkItems(caseId, 'timeline', i.eventIds, names.event)
  const exhibits = linkItems(caseId, 'evidence', i.evidenceIds, names.evidence)
  const excerpts = linkItems(caseId, 'statutes', i.statuteIds, names.statute)
  return (
    <li id={`issue-${i.id}`} className={`issue ${target ? 'link-target' : ''}`} aria-labelledby={headingId}>
      <div className="issue__head">
        <span className={`status issue-status issue-status--${i.status}`}>{t(`issues.status.${i.status}`)}</span>
        <h3 id={headingId} className="issue__question">
          {i.question}
        </h3>
        {!readOnly && (
          <span className="issue__actions">
            <RowActions
              actions={[
                { label: t('common.edit'), name: t('issues.editNamed', { question: i.question }), onClick: onEdit },
                {
                  label: t('common.remove'),
                  name: t('issues.removeNamed', { question: i.question }),
                  onClick: onRemove,
                  danger: true,
                },
              ]}
            />
          </span>
        )}
      </div>
      {i.notes && <p className="issue__notes">{i.notes}</p>}
      <LinkGroup label={t('issues.events')} items={facts} />
      <LinkGroup label={t('issues.evidence')} items={exhibits} />
      <LinkGroup label={t('issues.excerpts')} items={excerpts} />
      {!facts.length && !exhibits.length && !excerpts.length && <p className="issue__none">{t('issues.noLinks')}</p>}
    </li>
  )
}

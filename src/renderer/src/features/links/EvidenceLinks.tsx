import type { CaseDetail, CaseLinks } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'
import { linkNamesOf } from './hrefs'
import { CitedInList, LinkGroup, linkItems } from './LinkGroup'

/**
 * An exhibit seen from the other end: the events it supports (whichever side
 * made the link), the issues it bears on, stills and clips made from it, and
 * every briefing sentence that cites it.
 */
export function EvidenceLinks({
  caseId,
  detail,
  links,
}: {
  caseId: string
  detail: CaseDetail
  links: CaseLinks['evidence'][string] | undefined
}) {
  const t = useT()
  if (!links) return <p className="links-panel__none">{t('links.loading')}</p>
  const names = linkNamesOf(detail)
  const none = !links.eventIds.length && !links.issueIds.length && !links.derivedIds.length && !links.citedIn.length
  return (
    <div className="links-panel">
      {none && <p className="links-panel__none">{t('links.noneForExhibit')}</p>}
      <LinkGroup label={t('links.supports')} items={linkItems(caseId, 'timeline', links.eventIds, names.event)} />
      <LinkGroup label={t('links.issues')} items={linkItems(caseId, 'issues', links.issueIds, names.issue)} />
      <LinkGroup label={t('links.derived')} items={linkItems(caseId, 'evidence', links.derivedIds, names.evidence)} />
      <CitedInList caseId={caseId} citedIn={links.citedIn} />
    </div>
  )
}

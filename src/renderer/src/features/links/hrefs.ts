import { citationLabel, type CaseDetail } from '@shared/domain'
import { formatRoute, type CaseTabName } from '@renderer/lib/router'

/** Where a record of the case is shown: a hash route the window opens at that record. */
export const hrefOf = (caseId: string, tab: CaseTabName, itemId: string): string =>
  formatRoute({ name: 'case', caseId, tab, itemId })

/** What a link to a record says: the record's own title, name, question or citation. */
export interface LinkNames {
  event: ReadonlyMap<string, string>
  actor: ReadonlyMap<string, string>
  evidence: ReadonlyMap<string, string>
  issue: ReadonlyMap<string, string>
  statute: ReadonlyMap<string, string>
}

export function linkNamesOf(detail: CaseDetail): LinkNames {
  return {
    event: new Map(detail.events.map((e) => [e.id, e.title])),
    actor: new Map(detail.actors.map((a) => [a.id, a.name])),
    evidence: new Map(detail.evidence.map((x) => [x.id, x.title])),
    issue: new Map(detail.issues.map((i) => [i.id, i.question])),
    statute: new Map(detail.statutes.map((s) => [s.id, citationLabel(s)])),
  }
}

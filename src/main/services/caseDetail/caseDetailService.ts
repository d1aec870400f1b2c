import type { CaseDetail } from '@shared/domain'
import type { BriefingsService } from '../briefings/briefingsService'
import type { CasesService } from '../cases/casesService'
import type { StatuteLibrary } from '../statutes/statuteLibrary'

/**
 * The read model of one case as the case view and `casefile show` present it:
 * the case file joined with the library excerpts it links and its briefings.
 * Owns no file; it only reads through the services that do.
 */
export function createCaseDetailService(deps: {
  cases: CasesService
  library: StatuteLibrary
  briefings: BriefingsService
}) {
  return {
    async get(caseId: string): Promise<CaseDetail> {
      const c = await deps.cases.content(caseId)
      return {
        case: c.case,
        actors: c.actors,
        events: c.events,
        evidence: c.evidence,
        notes: c.notes,
        statutes: await deps.library.getMany(c.statuteIds),
        briefings: await deps.briefings.list(caseId),
      }
    },
  }
}
export type CaseDetailService = ReturnType<typeof createCaseDetailService>

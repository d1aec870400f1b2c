import { appError } from '@shared/i18n/appError'
import { Issue, IssueInput, IssuePatch } from '@shared/domain'
import type { CaseRecords } from '../cases/caseRecords'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'

/**
 * The legal questions a case turns on, each linked to the facts, exhibits and
 * excerpts that bear on it. They live in case.json, reached through the cases
 * service's issueRecords; links may name only records of the same case (and
 * excerpts the library holds).
 */
export function createIssuesService(
  ctx: ServiceContext,
  deps: { cases: CasesService; records: CaseRecords<Issue>; statuteExists: (id: string) => Promise<boolean> },
) {
  const { cases, records } = deps

  async function checkLinks(
    caseId: string,
    links: { eventIds?: string[]; evidenceIds?: string[]; statuteIds?: string[] },
  ) {
    const c = await cases.content(caseId)
    const missing = (ids: string[] | undefined, have: Set<string>, what: string) => {
      const bad = (ids ?? []).filter((id) => !have.has(id))
      if (bad.length)
        throw appError('NOT_FOUND', 'errRecords:noCase', { what, mapList: bad.map((b) => `"${b}"`).join(', ') })
    }
    missing(links.eventIds, new Set(c.events.map((e) => e.id)), 'event')
    missing(links.evidenceIds, new Set(c.evidence.map((e) => e.id)), 'evidence item')
    for (const id of links.statuteIds ?? [])
      if (!(await deps.statuteExists(id))) throw appError('NOT_FOUND', 'errRecords:noStatuteExcerptId', { id })
  }

  return {
    async list(caseId: string): Promise<Issue[]> {
      return [...(await records.list(caseId))]
    },

    async add(caseId: string, input: IssueInput): Promise<Issue> {
      const fields = IssueInput.parse(input)
      await checkLinks(caseId, fields)
      const at = nowIso(ctx)
      const issue = Issue.parse({ ...fields, id: ctx.newId('issue'), createdAt: at, updatedAt: at })
      await records.add(caseId, issue)
      return issue
    },

    async update(caseId: string, issueId: string, patch: IssuePatch): Promise<Issue> {
      const fields = Object.fromEntries(Object.entries(IssuePatch.parse(patch)).filter(([, v]) => v !== undefined))
      await checkLinks(caseId, fields)
      const out = await records.update(caseId, issueId, (i) => Issue.parse({ ...i, ...fields, updatedAt: nowIso(ctx) }))
      return out
    },

    /** Adds links (events, evidence, excerpts) to an issue, keeping those it has. */
    async link(
      caseId: string,
      issueId: string,
      links: { eventIds?: string[]; evidenceIds?: string[]; statuteIds?: string[] },
    ): Promise<Issue> {
      await checkLinks(caseId, links)
      const out = await records.update(caseId, issueId, (i) =>
        Issue.parse({
          ...i,
          eventIds: [...new Set([...i.eventIds, ...(links.eventIds ?? [])])],
          evidenceIds: [...new Set([...i.evidenceIds, ...(links.evidenceIds ?? [])])],
          statuteIds: [...new Set([...i.statuteIds, ...(links.statuteIds ?? [])])],
          updatedAt: nowIso(ctx),
        }),
      )
      return out
    },

    async remove(caseId: string, issueId: string): Promise<void> {
      await records.remove(caseId, issueId)
    },

    /**
     * Puts a removed issue back with its id (an undone removal). Links to what
     * went meanwhile are dropped rather than refused: the question itself is
     * what the user asked to have back. CONFLICT when the id is taken.
     */
    async restore(caseId: string, record: Issue): Promise<Issue> {
      const issue = Issue.parse(record)
      const c = await cases.content(caseId)
      const events = new Set(c.events.map((e) => e.id))
      const evidence = new Set(c.evidence.map((e) => e.id))
      const statuteIds: string[] = []
      for (const id of issue.statuteIds) if (await deps.statuteExists(id)) statuteIds.push(id)
      const back = {
        ...issue,
        eventIds: issue.eventIds.filter((id) => events.has(id)),
        evidenceIds: issue.evidenceIds.filter((id) => evidence.has(id)),
        statuteIds,
      }
      await records.add(caseId, back)
      return back
    },
  }
}
export type IssuesService = ReturnType<typeof createIssuesService>

import { appError } from '@shared/i18n/appError'
import { Issue, IssueInput, IssuePatch, MAX_ISSUE_LINKS } from '@shared/domain'
import type { CaseRecords } from '../cases/caseRecords'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'

/**
 * The legal questions a case turns on, each linked to the facts, exhibits and
 * excerpts that bear on it. They live in case.json, reached through the cases
 * service's issueRecords; links may name only records of the same case (and
 * excerpts the library holds).
 */
type Links = { eventIds?: string[]; evidenceIds?: string[]; statuteIds?: string[] }

/** The same record linked twice is one link. */
function withoutRepeats<T extends Links>(fields: T): T {
  const out = { ...fields }
  for (const k of ['eventIds', 'evidenceIds', 'statuteIds'] as const) if (out[k]) out[k] = [...new Set(out[k])]
  return out
}

export function createIssuesService(
  ctx: ServiceContext,
  deps: { cases: CasesService; records: CaseRecords<Issue>; statuteExists: (id: string) => Promise<boolean> },
) {
  const { cases, records } = deps
  /** Issues removed while this workspace is open, by case and id: what an undo may put back. */
  const removed = new Map<string, Issue>()

  async function checkLinks(caseId: string, links: Links) {
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

  /** The links of `links` whose records the case (or the library) still holds; only the kinds given. */
  async function present(caseId: string, links: Links): Promise<Links> {
    const c = await cases.content(caseId)
    const events = new Set(c.events.map((e) => e.id))
    const evidence = new Set(c.evidence.map((e) => e.id))
    const out: Links = {}
    if (links.eventIds) out.eventIds = links.eventIds.filter((id) => events.has(id))
    if (links.evidenceIds) out.evidenceIds = links.evidenceIds.filter((id) => evidence.has(id))
    if (links.statuteIds) {
      out.statuteIds = []
      for (const id of links.statuteIds) if (await deps.statuteExists(id)) out.statuteIds.push(id)
    }
    return out
  }

  return {
    async list(caseId: string): Promise<Issue[]> {
      return [...(await records.list(caseId))]
    },

    async add(caseId: string, input: IssueInput): Promise<Issue> {
      const fields = withoutRepeats(IssueInput.parse(input))
      await checkLinks(caseId, fields)
      const at = nowIso(ctx)
      const issue = Issue.parse({ ...fields, id: ctx.newId('issue'), createdAt: at, updatedAt: at })
      await records.add(caseId, issue)
      return issue
    },

    /**
     * Changes the fields given. `dropMissingLinks` (an undo or redo): links to records removed since
     * are dropped, as restore does, rather than refusing to put the question's words back.
     */
    async update(
      caseId: string,
      issueId: string,
      patch: IssuePatch,
      opts: { dropMissingLinks?: boolean } = {},
    ): Promise<Issue> {
      let fields = withoutRepeats(
        Object.fromEntries(Object.entries(IssuePatch.parse(patch)).filter(([, v]) => v !== undefined)),
      )
      if (opts.dropMissingLinks) fields = { ...fields, ...(await present(caseId, fields)) }
      await checkLinks(caseId, fields)
      const out = await records.update(caseId, issueId, (i) => Issue.parse({ ...i, ...fields, updatedAt: nowIso(ctx) }))
      return out
    },

    /** Adds links (events, evidence, excerpts) to an issue, keeping those it has. */
    async link(caseId: string, issueId: string, links: Links): Promise<Issue> {
      await checkLinks(caseId, links)
      const out = await records.update(caseId, issueId, (i) => {
        const merged = {
          eventIds: [...new Set([...i.eventIds, ...(links.eventIds ?? [])])],
          evidenceIds: [...new Set([...i.evidenceIds, ...(links.evidenceIds ?? [])])],
          statuteIds: [...new Set([...i.statuteIds, ...(links.statuteIds ?? [])])],
        }
        // As many as an edit can send back: more, and the issue's own form could not save it again.
        if (Object.values(merged).some((ids) => ids.length > MAX_ISSUE_LINKS))
          throw appError('VALIDATION', 'errRecords:issueTooManyLinks', { max: MAX_ISSUE_LINKS })
        return Issue.parse({ ...i, ...merged, updatedAt: nowIso(ctx) })
      })
      return out
    },

    async remove(caseId: string, issueId: string): Promise<void> {
      const gone = await records.remove(caseId, issueId)
      removed.set(`${caseId}/${issueId}`, gone)
    },

    /**
     * Puts an issue removed in this session back with its id (an undone removal): the record named
     * by `record.id` as it was removed, not what the caller sends (the window's copy is not taken on
     * trust). Links to what went meanwhile are dropped rather than refused: the question itself is
     * what the user asked to have back. NOT_FOUND for an issue not removed here (or put back already).
     */
    async restore(caseId: string, record: Issue): Promise<Issue> {
      const key = `${caseId}/${record.id}`
      const kept = removed.get(key)
      if (!kept) throw appError('NOT_FOUND', 'errRecords:issueNotRemovedHere', { id: record.id })
      const issue = withoutRepeats(kept)
      const back = { ...issue, ...(await present(caseId, issue)) }
      await records.add(caseId, back)
      removed.delete(key)
      return back
    },
  }
}
export type IssuesService = ReturnType<typeof createIssuesService>

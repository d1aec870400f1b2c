import { citationsIn, type CaseDetail, type CaseLinks, type CitationAttrs, type CitedIn } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
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
  /**
   * The library excerpts a case links. None while the library is damaged and set aside: the case still
   * opens, and the workspace's problems say what happened to the library and how to put it back.
   */
  async function linkedExcerpts(ids: readonly string[]) {
    return deps.library.getMany(ids).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CORRUPT') return []
      throw e
    })
  }

  return {
    /** Every link of the case from both ends (see CaseLinks). */
    async links(caseId: string): Promise<CaseLinks> {
      const c = await deps.cases.content(caseId)
      const out: CaseLinks = { events: {}, actors: {}, evidence: {}, statutes: {} }
      // Each list keeps a Set of what it holds: an actor in 10,000 events would make
      // `includes` quadratic (seconds), and the lists stay plain arrays for IPC.
      const seen = new WeakMap<string[], Set<string>>()
      const add = (list: string[], id: string) => {
        let ids = seen.get(list)
        if (!ids) seen.set(list, (ids = new Set(list)))
        if (ids.has(id)) return
        ids.add(id)
        list.push(id)
      }
      for (const e of c.events) out.events[e.id] = { actorIds: [...e.actorIds], evidenceIds: [], issueIds: [] }
      for (const a of c.actors) out.actors[a.id] = { eventIds: [], evidenceIds: [] }
      for (const x of c.evidence) out.evidence[x.id] = { eventIds: [], issueIds: [], derivedIds: [], citedIn: [] }
      for (const s of c.statuteIds) out.statutes[s] = { issueIds: [], citedIn: [] }
      const link = (eventId: string, evidenceId: string) => {
        if (!out.events[eventId] || !out.evidence[evidenceId]) return
        add(out.events[eventId].evidenceIds, evidenceId)
        add(out.evidence[evidenceId].eventIds, eventId)
      }
      for (const e of c.events) for (const id of e.evidenceIds) link(e.id, id)
      for (const x of c.evidence) {
        for (const id of x.eventIds) link(id, x.id)
        const parent = x.derivedFrom && out.evidence[x.derivedFrom.evidenceId]
        if (parent) add(parent.derivedIds, x.id)
      }
      for (const e of c.events)
        for (const actorId of e.actorIds) {
          const a = out.actors[actorId]
          if (!a) continue
          add(a.eventIds, e.id)
          for (const evidenceId of out.events[e.id].evidenceIds) add(a.evidenceIds, evidenceId)
        }
      for (const i of c.issues) {
        for (const id of i.eventIds) if (out.events[id]) add(out.events[id].issueIds, i.id)
        for (const id of i.evidenceIds) if (out.evidence[id]) add(out.evidence[id].issueIds, i.id)
        for (const id of i.statuteIds) add((out.statutes[id] ??= { issueIds: [], citedIn: [] }).issueIds, i.id)
      }
      // "Cited in": the sentence of each briefing that cites the item (or an annotation on it) or the excerpt.
      for (const b of await deps.briefings.list(caseId)) {
        const body = (await deps.briefings.get(caseId, b.id).catch(() => null))?.body
        for (const { attrs: cite, excerpt } of citingSentences(body)) {
          const where: CitedIn = { briefingId: b.id, title: b.title, excerpt }
          const evidenceId =
            cite.target === 'evidence' ? cite.id : cite.target === 'annotation' ? cite.evidenceId : undefined
          const list =
            evidenceId && out.evidence[evidenceId]
              ? out.evidence[evidenceId].citedIn
              : cite.target === 'statute'
                ? (out.statutes[cite.id] ??= { issueIds: [], citedIn: [] }).citedIn
                : null
          if (list && !list.some((w) => w.briefingId === b.id && w.excerpt === excerpt)) list.push(where)
        }
      }
      return out
    },

    async get(caseId: string): Promise<CaseDetail> {
      const c = await deps.cases.content(caseId)
      const statutes = await linkedExcerpts(c.statuteIds)
      const shown = new Set(statutes.map((s) => s.id))
      const notShown = c.statuteIds.filter((id) => !shown.has(id))
      return {
        case: c.case,
        actors: c.actors,
        events: c.events,
        evidence: c.evidence,
        notes: c.notes,
        issues: c.issues,
        statutes,
        ...(notShown.length ? { statutesNotShown: notShown } : {}),
        briefings: await deps.briefings.list(caseId),
      }
    },
  }
}
export type CaseDetailService = ReturnType<typeof createCaseDetailService>

/**
 * Each citation of a body with the sentence that makes it: the text of its block
 * up to the citation, from the sentence's start (at most 160 characters).
 */
function citingSentences(body: unknown): { attrs: CitationAttrs; excerpt: string }[] {
  const out: { attrs: CitationAttrs; excerpt: string }[] = []
  for (const block of (body as { content?: unknown[] } | undefined)?.content ?? []) {
    let text = ''
    const stack: unknown[] = [block]
    while (stack.length) {
      const n = stack.pop() as { type?: unknown; text?: unknown; content?: unknown } | null
      if (!n || typeof n !== 'object') continue
      if (typeof n.text === 'string') text += n.text
      if (n.type === 'citation') {
        const [attrs] = citationsIn(n)
        if (attrs) out.push({ attrs, excerpt: sentenceBefore(text) })
      }
      if (Array.isArray(n.content)) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i])
    }
  }
  return out
}

function sentenceBefore(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trimEnd()
  // A block without a full stop before the citation is one sentence from its first letter.
  const dot = flat.lastIndexOf('. ', flat.length - 2)
  const start = dot < 0 ? 0 : dot + 2
  const sentence = flat.slice(start).trim()
  return sentence.length > 160 ? `…${sentence.slice(-159).replace(/^\S*\s/, '')}` : sentence
}

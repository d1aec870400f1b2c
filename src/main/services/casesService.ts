import {
  Actor,
  ActorInput,
  ActorPatch,
  Case,
  CaseFile,
  CaseInput,
  CasePatch,
  CURRENT_SCHEMA_VERSION,
  EventInput,
  EventPatch,
  sortEvents,
  TimelineEvent,
  type CaseDetail,
  type CaseSummary,
} from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { layout, SAFE_ID } from '../storage/layout'
import type { StoredDocument } from '../storage/document'
import { nowIso, type ServiceContext } from './context'
import type { WorkspaceService } from './workspaceService'

export interface CaseDetailParts {
  statutesFor(ids: string[]): Promise<CaseDetail['statutes']>
  briefingsOf(caseId: string): Promise<CaseDetail['briefings']>
}

/** Owns cases/<id>/case.json: the case, its actors, events, evidence records and notes. */
export function createCasesService(ctx: ServiceContext, workspace: WorkspaceService) {
  let detailParts: CaseDetailParts = { statutesFor: async () => [], briefingsOf: async () => [] }

  async function caseDoc(caseId: string): Promise<StoredDocument<CaseFile>> {
    if (!SAFE_ID.test(caseId)) throw new AppError('NOT_FOUND', `No case with id "${caseId}".`)
    const known = (await workspace.listCases()).some((s) => s.id === caseId)
    if (!known) throw new AppError('NOT_FOUND', `No case with id "${caseId}".`)
    return ctx.store.document(layout.caseFile(caseId), 'case', CaseFile)
  }

  /** Changes a case file and keeps updatedAt and the index in step. */
  async function mutate<R>(caseId: string, fn: (file: CaseFile) => R): Promise<R> {
    const doc = await caseDoc(caseId)
    const result = await doc.update((file) => {
      const r = fn(file)
      file.case.updatedAt = nowIso(ctx)
      return r
    })
    await workspace.upsertCase(doc.data.case)
    ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
    return result
  }

  function findIndex<T extends { id: string }>(list: T[], id: string, what: string): number {
    const i = list.findIndex((x) => x.id === id)
    if (i < 0) throw new AppError('NOT_FOUND', `No ${what} with id "${id}" in this case.`)
    return i
  }

  return {
    setDetailParts(parts: CaseDetailParts) {
      detailParts = parts
    },

    caseDoc,
    mutate,

    async list(): Promise<CaseSummary[]> {
      return [...(await workspace.listCases())].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
    },

    /** Accepts a case id or its reference (case-insensitive), as the CLI's CASE does. */
    async resolve(idOrReference: string): Promise<string> {
      const cases = await workspace.listCases()
      const byId = cases.find((c) => c.id === idOrReference)
      if (byId) return byId.id
      const needle = idOrReference.trim().toLowerCase()
      const byRef = cases.filter((c) => c.reference.toLowerCase() === needle)
      if (byRef.length === 1) return byRef[0].id
      if (byRef.length > 1)
        throw new AppError('CONFLICT', `${byRef.length} cases share the reference "${idOrReference}"; use the case id.`)
      throw new AppError('NOT_FOUND', `No case with id or reference "${idOrReference}".`)
    },

    async get(caseId: string): Promise<CaseDetail> {
      const { data } = await caseDoc(caseId)
      return {
        case: data.case,
        actors: data.actors,
        events: sortEvents(data.events),
        evidence: data.evidence,
        notes: data.notes,
        statutes: await detailParts.statutesFor(data.statuteIds),
        briefings: await detailParts.briefingsOf(caseId),
      }
    },

    async create(input: CaseInput, id = ctx.newId('case')): Promise<Case> {
      ctx.store.assertWritable()
      const fields = CaseInput.parse(input)
      if ((await workspace.listCases()).some((c) => c.id === id))
        throw new AppError('CONFLICT', `A case with id "${id}" exists.`)
      const at = nowIso(ctx)
      const c = Case.parse({ ...fields, id, createdAt: at, updatedAt: at })
      await ctx.store.document(layout.caseFile(id), 'case', CaseFile, () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        case: c,
      }))
      await workspace.upsertCase(c)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId: id, id })
      return c
    },

    async update(caseId: string, patch: CasePatch): Promise<Case> {
      const fields = CasePatch.parse(patch)
      return mutate(caseId, (file) => {
        file.case = Case.parse({ ...file.case, ...fields })
        return file.case
      })
    },

    async addActor(caseId: string, input: ActorInput, id = ctx.newId('actor')): Promise<Actor> {
      const actor = Actor.parse({ ...ActorInput.parse(input), id })
      const out = await mutate(caseId, (file) => {
        file.actors.push(actor)
        return actor
      })
      ctx.changes.emit({ kind: 'actor', op: 'upsert', caseId, id })
      return out
    },

    async updateActor(caseId: string, actorId: string, patch: ActorPatch): Promise<Actor> {
      const fields = ActorPatch.parse(patch)
      const out = await mutate(caseId, (file) => {
        const i = findIndex(file.actors, actorId, 'actor')
        file.actors[i] = Actor.parse({ ...file.actors[i], ...fields })
        return file.actors[i]
      })
      ctx.changes.emit({ kind: 'actor', op: 'upsert', caseId, id: actorId })
      return out
    },

    async removeActor(caseId: string, actorId: string): Promise<void> {
      await mutate(caseId, (file) => {
        file.actors.splice(findIndex(file.actors, actorId, 'actor'), 1)
        for (const e of file.events) e.actorIds = e.actorIds.filter((a) => a !== actorId)
      })
      ctx.changes.emit({ kind: 'actor', op: 'remove', caseId, id: actorId })
    },

    async addEvent(caseId: string, input: EventInput, id = ctx.newId('event')): Promise<TimelineEvent> {
      const event = TimelineEvent.parse({ ...EventInput.parse(input), id })
      const out = await mutate(caseId, (file) => {
        file.events.push(event)
        return event
      })
      ctx.changes.emit({ kind: 'event', op: 'upsert', caseId, id })
      return out
    },

    async updateEvent(caseId: string, eventId: string, patch: EventPatch): Promise<TimelineEvent> {
      const fields = EventPatch.parse(patch)
      const out = await mutate(caseId, (file) => {
        const i = findIndex(file.events, eventId, 'event')
        file.events[i] = TimelineEvent.parse({ ...file.events[i], ...fields })
        return file.events[i]
      })
      ctx.changes.emit({ kind: 'event', op: 'upsert', caseId, id: eventId })
      return out
    },

    async removeEvent(caseId: string, eventId: string): Promise<void> {
      await mutate(caseId, (file) => {
        file.events.splice(findIndex(file.events, eventId, 'event'), 1)
      })
      ctx.changes.emit({ kind: 'event', op: 'remove', caseId, id: eventId })
    },

    async linkStatute(caseId: string, statuteId: string): Promise<void> {
      await mutate(caseId, (file) => {
        if (!file.statuteIds.includes(statuteId)) file.statuteIds.push(statuteId)
      })
    },

    async unlinkStatute(caseId: string, statuteId: string): Promise<void> {
      await mutate(caseId, (file) => {
        file.statuteIds = file.statuteIds.filter((s) => s !== statuteId)
      })
    },
  }
}
export type CasesService = ReturnType<typeof createCasesService>

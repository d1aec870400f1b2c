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
  toCaseSummary,
  type CaseSummary,
  type TrashEntry,
  type WorkspaceProblem,
} from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { SAFE_ID } from '@main/storage/layout'
import { nowIso, type ServiceContext } from '../context'
import type { TrashService } from '../trash/trashService'
import type { WorkspaceService } from '../workspace/workspaceService'
import { caseDir, caseFilePath, caseFolders } from './caseFiles'
import { caseRecords, indexOfRecord, type CaseFileAccess } from './caseRecords'

/** A case as its own file holds it, events in time order: what the read model builds on. */
export type CaseContent = Omit<CaseFile, 'schemaVersion'>

const notFound = (caseId: string) => new AppError('NOT_FOUND', `No case with id "${caseId}".`)

/**
 * Owns cases/<id>/case.json: the case, its actors, events and statute links.
 * The evidence and notes services own their records inside that file and reach
 * them through `evidenceRecords` and `noteRecords`.
 */
export function createCasesService(ctx: ServiceContext, workspace: WorkspaceService) {
  async function doc(caseId: string) {
    if (!SAFE_ID.test(caseId)) throw notFound(caseId)
    if (!(await workspace.listCases()).some((s) => s.id === caseId)) throw notFound(caseId)
    return ctx.store.document(caseFilePath(caseId), 'case', CaseFile)
  }

  /** Every write of a case file keeps updatedAt and the index in step. */
  const file: CaseFileAccess = {
    read: async (caseId) => (await doc(caseId)).data,
    async write(caseId, fn) {
      const d = await doc(caseId)
      const result = await d.update((f) => {
        const r = fn(f)
        f.case.updatedAt = nowIso(ctx)
        return r
      })
      await workspace.upsertCase(d.data.case)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
      return result
    },
  }

  const emit = (kind: 'actor' | 'event', op: 'upsert' | 'remove', caseId: string, id: string) =>
    ctx.changes.emit({ kind, op, caseId, id })

  async function withStatuteIds(caseId: string, fn: (ids: string[]) => string[]): Promise<void> {
    await file.write(caseId, (f) => {
      f.statuteIds = fn(f.statuteIds)
    })
  }

  const service = {
    /** The evidence service's records. */
    evidenceRecords: caseRecords(file, 'evidence', 'evidence item'),
    /** The notes service's records. */
    noteRecords: caseRecords(file, 'notes', 'note'),

    /** NOT_FOUND unless the case exists and its file loads. */
    async assertExists(caseId: string): Promise<void> {
      await doc(caseId)
    },

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

    async getCase(caseId: string): Promise<Case> {
      return (await file.read(caseId)).case
    },

    async content(caseId: string): Promise<CaseContent> {
      const f = await file.read(caseId)
      // Copies of the lists, so no caller can change what the file holds in memory.
      return {
        case: f.case,
        actors: [...f.actors],
        events: sortEvents(f.events),
        evidence: [...f.evidence],
        notes: [...f.notes],
        statuteIds: [...f.statuteIds],
      }
    },

    /**
     * Sets a case aside: its folder (case file, annotations, briefings) moves to
     * the trash whole and the index forgets it. Its evidence files stay in blobs/,
     * which nothing deletes, so a restored case finds them again.
     */
    async moveToTrash(caseId: string, trash: TrashService): Promise<TrashEntry> {
      ctx.store.assertWritable()
      const summary = (await workspace.listCases()).find((c) => c.id === caseId)
      if (!summary || !SAFE_ID.test(caseId)) throw notFound(caseId)
      // Writes already queued land first; none can reach the folder once it has moved.
      await ctx.store.retireUnder(caseDir(caseId))
      const { path: _path, ...entry } = await trash.put(caseDir(caseId), {
        kind: 'case',
        itemId: caseId,
        title: summary.title,
        reason: 'removed',
      })
      await workspace.removeCase(caseId)
      ctx.changes.emit({ kind: 'case', op: 'remove', caseId, id: caseId })
      return entry
    },

    /** Puts a case from the trash back in cases/ and the index; CONFLICT when a case with its id exists again. */
    async restoreFromTrash(entry: TrashEntry, trash: TrashService): Promise<CaseSummary> {
      ctx.store.assertWritable()
      const caseId = entry.itemId
      if ((await workspace.listCases()).some((c) => c.id === caseId))
        throw new AppError('CONFLICT', `A case with id "${caseId}" is in the workspace; it cannot come back beside it.`)
      await trash.restore(entry.id)
      ctx.store.forget(caseFilePath(caseId))
      const restored = (await ctx.store.document(caseFilePath(caseId), 'case', CaseFile)).data.case
      await workspace.upsertCase(restored)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
      return toCaseSummary(restored)
    },

    async create(input: CaseInput, id = ctx.newId('case')): Promise<Case> {
      ctx.store.assertWritable()
      const fields = CaseInput.parse(input)
      if ((await workspace.listCases()).some((c) => c.id === id))
        throw new AppError('CONFLICT', `A case with id "${id}" exists.`)
      const at = nowIso(ctx)
      const c = Case.parse({ ...fields, id, createdAt: at, updatedAt: at })
      await ctx.store.document(caseFilePath(id), 'case', CaseFile, () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        case: c,
      }))
      await workspace.upsertCase(c)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId: id, id })
      return c
    },

    async update(caseId: string, patch: CasePatch): Promise<Case> {
      const fields = CasePatch.parse(patch)
      return file.write(caseId, (f) => {
        f.case = Case.parse({ ...f.case, ...fields })
        return f.case
      })
    },

    async addActor(caseId: string, input: ActorInput, id = ctx.newId('actor')): Promise<Actor> {
      const actor = Actor.parse({ ...ActorInput.parse(input), id })
      await file.write(caseId, (f) => {
        f.actors.push(actor)
      })
      emit('actor', 'upsert', caseId, id)
      return actor
    },

    async updateActor(caseId: string, actorId: string, patch: ActorPatch): Promise<Actor> {
      const fields = ActorPatch.parse(patch)
      const out = await file.write(caseId, (f) => {
        const i = indexOfRecord(f.actors, actorId, 'actor')
        const { withhold, ...rest } = fields
        const next: Record<string, unknown> = { ...f.actors[i], ...rest }
        if (withhold === null) delete next.withhold
        else if (withhold) next.withhold = withhold
        f.actors[i] = Actor.parse(next)
        return f.actors[i]
      })
      emit('actor', 'upsert', caseId, actorId)
      return out
    },

    async removeActor(caseId: string, actorId: string): Promise<void> {
      await file.write(caseId, (f) => {
        f.actors.splice(indexOfRecord(f.actors, actorId, 'actor'), 1)
        for (const e of f.events) e.actorIds = e.actorIds.filter((a) => a !== actorId)
      })
      emit('actor', 'remove', caseId, actorId)
    },

    /**
     * Puts a removed actor back with its id, at its old place in the list, and
     * relinks it to the events it was linked to (those that still exist): an
     * undone removal. CONFLICT when an actor with that id is there.
     */
    async restoreActor(
      caseId: string,
      record: Actor,
      { index, eventIds = [] }: { index?: number; eventIds?: readonly string[] } = {},
    ): Promise<Actor> {
      const actor = Actor.parse(record)
      await file.write(caseId, (f) => {
        if (f.actors.some((a) => a.id === actor.id))
          throw new AppError('CONFLICT', `The case already has an actor with id "${actor.id}".`)
        f.actors.splice(Math.max(0, Math.min(index ?? f.actors.length, f.actors.length)), 0, actor)
        for (const e of f.events)
          if (eventIds.includes(e.id) && !e.actorIds.includes(actor.id)) e.actorIds.push(actor.id)
      })
      emit('actor', 'upsert', caseId, actor.id)
      return actor
    },

    /** Puts a removed event back with its id (an undone removal); links to actors no longer there are dropped. */
    async restoreEvent(caseId: string, record: TimelineEvent): Promise<TimelineEvent> {
      const event = TimelineEvent.parse(record)
      const out = await file.write(caseId, (f) => {
        if (f.events.some((e) => e.id === event.id))
          throw new AppError('CONFLICT', `The case already has an event with id "${event.id}".`)
        const actors = new Set(f.actors.map((a) => a.id))
        const back = { ...event, actorIds: event.actorIds.filter((a) => actors.has(a)) }
        f.events.push(back)
        return back
      })
      emit('event', 'upsert', caseId, event.id)
      return out
    },

    async addEvent(caseId: string, input: EventInput, id = ctx.newId('event')): Promise<TimelineEvent> {
      const [event] = await service.addEvents(caseId, [{ ...input, id }])
      return event
    },

    /** Several events in one write (a long timeline pasted or generated at once). */
    async addEvents(caseId: string, inputs: (EventInput & { id?: string })[]): Promise<TimelineEvent[]> {
      const events = inputs.map(({ id, ...input }) =>
        TimelineEvent.parse({ ...EventInput.parse(input), id: id ?? ctx.newId('event') }),
      )
      await file.write(caseId, (f) => {
        f.events.push(...events)
      })
      for (const e of events) emit('event', 'upsert', caseId, e.id)
      return events
    },

    async updateEvent(caseId: string, eventId: string, patch: EventPatch): Promise<TimelineEvent> {
      const fields = EventPatch.parse(patch)
      const out = await file.write(caseId, (f) => {
        const i = indexOfRecord(f.events, eventId, 'event')
        f.events[i] = TimelineEvent.parse({ ...f.events[i], ...fields })
        return f.events[i]
      })
      emit('event', 'upsert', caseId, eventId)
      return out
    },

    async removeEvent(caseId: string, eventId: string): Promise<void> {
      await file.write(caseId, (f) => {
        f.events.splice(indexOfRecord(f.events, eventId, 'event'), 1)
      })
      emit('event', 'remove', caseId, eventId)
    },

    async linkedStatuteIds(caseId: string): Promise<readonly string[]> {
      return (await file.read(caseId)).statuteIds
    },

    async linkStatute(caseId: string, statuteId: string): Promise<void> {
      await withStatuteIds(caseId, (ids) => (ids.includes(statuteId) ? ids : [...ids, statuteId]))
    },

    async unlinkStatute(caseId: string, statuteId: string): Promise<void> {
      await withStatuteIds(caseId, (ids) => ids.filter((s) => s !== statuteId))
    },

    /**
     * Loads every case folder on disk and compares the folders with the index.
     * Returns the case folders, those whose file is readable, and the
     * disagreements; files that fail to load are recorded by the store.
     */
    async check(): Promise<{
      filesChecked: number
      folders: string[]
      readable: string[]
      problems: WorkspaceProblem[]
    }> {
      const indexed = new Set((await workspace.listCases().catch(() => [])).map((c) => c.id))
      const onDisk = await caseFolders(ctx.store.root)
      const problems: WorkspaceProblem[] = []
      const readable: string[] = []
      for (const caseId of onDisk) {
        if (!indexed.has(caseId))
          problems.push({
            file: caseFilePath(caseId),
            kind: 'missing',
            message: `cases/${caseId} is on disk but not in the workspace index.`,
          })
        if (await ctx.store.loads(caseFilePath(caseId), 'case', CaseFile)) readable.push(caseId)
      }
      for (const id of indexed)
        if (!onDisk.includes(id))
          problems.push({
            file: caseFilePath(id),
            kind: 'missing',
            message: `The index lists case ${id} but its folder is missing.`,
          })
      return { filesChecked: onDisk.length, folders: onDisk, readable, problems }
    },
  }
  return service
}
export type CasesService = ReturnType<typeof createCasesService>

import { worded } from '@shared/i18n/appError'
import { appError } from '@shared/i18n/appError'
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
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
  type WorkspaceProblem,
} from '@shared/domain'
import { LEGACY_TEMP_FILE, TEMP_FILE } from '@main/storage/durableWrite'
import { entriesIn } from '@main/storage/folders'
import { layout, SAFE_ID } from '@main/storage/layout'
import { setAside } from '@main/storage/leftovers'
import { readStoredFile } from '@main/storage/storedJson'
import { nowIso, type ServiceContext } from '../context'
import type { TrashService } from '../trash/trashService'
import type { WorkspaceService } from '../workspace/workspaceService'
import { CASES_DIR, caseDir, caseFilePath, readCaseFile } from './caseFiles'
import { caseRecords, indexOfRecord, type CaseFileAccess } from './caseRecords'
import { createCaseTrash } from './caseTrash'

const isTempName = (name: string) => TEMP_FILE.test(name) || LEGACY_TEMP_FILE.test(name)
const isLink = (abs: string) =>
  lstat(abs).then(
    (s) => s.isSymbolicLink(),
    () => false,
  )

/** A case as its own file holds it, events in time order: what the read model builds on. */
export type CaseContent = Omit<CaseFile, 'schemaVersion'>

const notFound = (caseId: string) => appError('NOT_FOUND', 'errRecords:noCaseId', { caseId })

/** The kinds of record case.json holds, by the name a person uses for them. */
const RECORD_KEYS = { actor: 'actors', event: 'events', evidence: 'evidence', note: 'notes', issue: 'issues' } as const
export type CaseRecordKind = keyof typeof RECORD_KEYS
const RECORD_NAMES: Record<CaseRecordKind, string> = {
  actor: 'actor',
  event: 'event',
  evidence: 'evidence item',
  note: 'note',
  issue: 'issue',
}

/** An event may link only actors and evidence items of its own case. */
function assertEventLinks(f: CaseFile, links: { actorIds?: readonly string[]; evidenceIds?: readonly string[] }): void {
  for (const id of links.actorIds ?? [])
    if (!f.actors.some((a) => a.id === id)) throw appError('VALIDATION', 'errRecords:noActorIdCase', { id })
  for (const id of links.evidenceIds ?? [])
    if (!f.evidence.some((e) => e.id === id)) throw appError('VALIDATION', 'errRecords:noEvidenceItemId', { id })
}

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

  const trashing = createCaseTrash(ctx, workspace)

  const service = {
    /** The evidence service's records. */
    evidenceRecords: caseRecords(file, 'evidence', 'evidence item'),
    /** The notes service's records. */
    noteRecords: caseRecords(file, 'notes', 'note'),
    /** The issues service's records. */
    issueRecords: caseRecords(file, 'issues', 'issue'),

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
        throw appError('CONFLICT', 'errRecords:casesShareReferenceUse', { byRefCount: byRef.length, idOrReference })
      throw appError('NOT_FOUND', 'errRecords:noCaseIdReference', { idOrReference })
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
        issues: [...f.issues],
        statuteIds: [...f.statuteIds],
      }
    },

    /**
     * The case file's records as stored (events in stored order, not sorted),
     * copied: what a bundle carries so the receiving side gets the same records.
     */
    async snapshot(caseId: string): Promise<CaseContent> {
      const { schemaVersion: _v, ...content } = structuredClone(await file.read(caseId))
      return content
    },

    /**
     * Writes the case file of `content` under a staging folder inside the
     * workspace (<stagingRoot>/cases/<id>/case.json), validated; nothing becomes
     * visible until moveIn. The case's annotations and briefings are staged
     * beside it by their own services.
     */
    async writeStaged(stagingRoot: string, content: CaseContent): Promise<void> {
      const f = CaseFile.parse({ ...content, schemaVersion: CURRENT_SCHEMA_VERSION })
      if (!SAFE_ID.test(f.case.id)) throw appError('VALIDATION', 'errRecords:cannotCaseId', { id: f.case.id })
      await ctx.store.writeStaged(stagingRoot, caseFilePath(f.case.id), f)
    },

    /**
     * Moves a staged case folder (<stagingRoot>/cases/<id>, see writeStaged) into
     * cases/ and lists it in the index: one rename, then one index write. With
     * `replace`, the case now under that id is first handed to the trash (its open
     * files retired, so no late write lands in the new folder). `undo` puts things
     * back as they were, for an import that fails after this step.
     */
    async moveIn(
      stagingRoot: string,
      caseId: string,
      opts: { replace?: { trash: TrashService; reason: string } } = {},
    ): Promise<{ trashedTo?: string; undo: () => Promise<void> }> {
      ctx.store.assertWritable()
      if (!SAFE_ID.test(caseId)) throw appError('VALIDATION', 'errRecords:cannotCaseId2', { caseId })
      const staged = join(stagingRoot, caseDir(caseId))
      const incoming = await readStoredFile(join(staged, 'case.json'), 'case', CaseFile, {
        openAs: ctx.store.resolve(caseFilePath(caseId)),
      })
      if (!incoming || incoming.case.id !== caseId)
        throw appError('VALIDATION', 'errRecords:stagedCaseMissingDamaged', { caseId })
      const previous = (await workspace.listCases()).find((c) => c.id === caseId)
      if (previous && !opts.replace) throw appError('CONFLICT', 'errRecords:caseIdExists', { caseId })
      let trashed: { id: string; path: string } | undefined
      if (previous && opts.replace) {
        await ctx.store.retireUnder(caseDir(caseId))
        trashed = await opts.replace.trash.put(caseDir(caseId), {
          kind: 'case',
          itemId: caseId,
          title: previous.title,
          reason: opts.replace.reason,
        })
      }
      try {
        await ctx.store.move(staged, caseDir(caseId))
      } catch (e) {
        if (trashed) await opts.replace!.trash.restore(trashed.id)
        throw e
      }
      await workspace.upsertCase(incoming.case)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
      return {
        trashedTo: trashed?.path,
        undo: async () => {
          await ctx.store.retireUnder(caseDir(caseId))
          // Back to the staging folder, which the caller then removes.
          await ctx.store.move(ctx.store.resolve(caseDir(caseId)), ctx.store.rel(staged))
          if (trashed) {
            await opts.replace!.trash.restore(trashed.id)
            await workspace.upsertCase(previous!)
          } else await workspace.removeCase(caseId)
          ctx.changes.emit({ kind: 'case', op: previous ? 'upsert' : 'remove', caseId, id: caseId })
        },
      }
    },

    ...trashing,

    async create(input: CaseInput, id = ctx.newId('case')): Promise<Case> {
      ctx.store.assertWritable()
      const fields = CaseInput.parse(input)
      if ((await workspace.listCases()).some((c) => c.id === id))
        throw appError('CONFLICT', 'errRecords:caseIdExists2', { id })
      if (await ctx.store.exists(caseDir(id))) throw appError('CONFLICT', 'errRecords:casesAlreadyDiskCasefile', { id })
      const at = nowIso(ctx)
      const c = Case.parse({ ...fields, id, createdAt: at, updatedAt: at })
      try {
        await ctx.store.document(caseFilePath(id), 'case', CaseFile, () => ({
          schemaVersion: CURRENT_SCHEMA_VERSION,
          case: c,
        }))
        await workspace.upsertCase(c)
      } catch (e) {
        // A creation that failed leaves no half-made case behind (one the index does not list would
        // come back at the next repair): the new folder goes, kept, under quarantine/set-aside/.
        // (Unless the index got it after all: the failure came after its rename, and the case stands.)
        const listed = (await workspace.listCases().catch(() => [])).some((x) => x.id === id)
        if (!listed && (await ctx.store.exists(caseDir(id)))) {
          ctx.store.forget(caseFilePath(id))
          await setAside(ctx.store.root, layout.quarantineDir, caseDir(id), ctx.now()).catch(() => undefined)
        }
        throw e
      }
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
          throw appError('CONFLICT', 'errRecords:caseAlreadyHasActor', { id: actor.id })
        f.actors.splice(Math.max(0, Math.min(index ?? f.actors.length, f.actors.length)), 0, actor)
        for (const e of f.events)
          if (eventIds.includes(e.id) && !e.actorIds.includes(actor.id)) e.actorIds.push(actor.id)
      })
      emit('actor', 'upsert', caseId, actor.id)
      return actor
    },

    /** Puts a removed event back with its id (an undone removal); links to actors no longer there are dropped. */
    async restoreEvent(caseId: string, record: TimelineEvent, issueIds: string[] = []): Promise<TimelineEvent> {
      const event = TimelineEvent.parse(record)
      const out = await file.write(caseId, (f) => {
        if (f.events.some((e) => e.id === event.id))
          throw appError('CONFLICT', 'errRecords:caseAlreadyHasEvent', { id: event.id })
        const actors = new Set(f.actors.map((a) => a.id))
        const back = { ...event, actorIds: event.actorIds.filter((a) => actors.has(a)) }
        f.events.push(back)
        // The issues that named it when it was removed name it again (those still in the case).
        const again = new Set(issueIds)
        for (const i of f.issues) if (again.has(i.id) && !i.eventIds.includes(back.id)) i.eventIds.push(back.id)
        return back
      })
      emit('event', 'upsert', caseId, event.id)
      return out
    },

    /** One event; the actors and evidence it links must be in the case. */
    async addEvent(caseId: string, input: EventInput, id = ctx.newId('event')): Promise<TimelineEvent> {
      const event = TimelineEvent.parse({ ...EventInput.parse(input), id })
      await file.write(caseId, (f) => {
        assertEventLinks(f, event)
        f.events.push(event)
      })
      emit('event', 'upsert', caseId, id)
      return event
    },

    /**
     * Several events in one write (a long timeline pasted or generated at once, the demo).
     * Links are taken as given: a generated timeline may name evidence it adds next.
     */
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
        assertEventLinks(f, fields)
        const { place, ...rest } = fields
        const next: Record<string, unknown> = { ...f.events[i], ...rest }
        if (place === null) delete next.place
        else if (place !== undefined) next.place = place
        f.events[i] = TimelineEvent.parse(next)
        return f.events[i]
      })
      emit('event', 'upsert', caseId, eventId)
      return out
    },

    /** Returns the issues that named the event (an undo gives them to restoreEvent). */
    async removeEvent(caseId: string, eventId: string): Promise<string[]> {
      const named = await file.write(caseId, (f) => {
        f.events.splice(indexOfRecord(f.events, eventId, 'event'), 1)
        // An issue must not go on citing a fact that is gone.
        const ids = f.issues.filter((i) => i.eventIds.includes(eventId)).map((i) => i.id)
        for (const i of f.issues) i.eventIds = i.eventIds.filter((id) => id !== eventId)
        return ids
      })
      emit('event', 'remove', caseId, eventId)
      return named
    },

    /**
     * Which case holds the actor, event, evidence item or note with this id (ids
     * are unique in practice, so a person may name a record without its case).
     * NOT_FOUND when no readable case has it; CONFLICT when several do.
     */
    async locate(kind: CaseRecordKind, id: string): Promise<string> {
      const key = RECORD_KEYS[kind]
      const found: string[] = []
      if (SAFE_ID.test(id)) {
        for (const c of await workspace.listCases()) {
          // A case whose file cannot be read is reported by check; the others are still searched.
          const f = await file.read(c.id).catch(() => null)
          if (f?.[key].some((r) => r.id === id)) found.push(c.id)
        }
      }
      if (found.length === 1) return found[0]
      if (found.length > 1)
        throw appError('CONFLICT', 'errRecords:casesHoldIdName', {
          foundCount: found.length,
          foundList: found.join(', '),
          RECORD_NAMES: RECORD_NAMES[kind],
          id,
        })
      throw appError('NOT_FOUND', 'errRecords:noIdWorkspace', { RECORD_NAMES: RECORD_NAMES[kind], id })
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
     * Loads every case folder on disk and compares the folders with the index. Returns the case
     * folders, those whose file is readable, those holding no case file at all (`stubs`: what a
     * stop during a case's creation leaves), and the disagreements; files that fail to load are
     * recorded by the store. Anything else in cases/ (a .DS_Store, a stray file) is left alone.
     */
    async check(): Promise<{
      filesChecked: number
      folders: string[]
      readable: string[]
      stubs: string[]
      /** Case folders with a case file that the index does not list, or lists as it was before an edit. */
      unindexed: string[]
      /** Case folders holding another case's file (a folder copied by hand): no case of their own. */
      copies: { id: string; holds: string }[]
      problems: WorkspaceProblem[]
    }> {
      const index = await workspace.listCases().catch(() => [] as readonly CaseSummary[])
      const indexed = new Set(index.map((c) => c.id))
      const entries = (await entriesIn(ctx.store.root, CASES_DIR)).filter((e) => SAFE_ID.test(e.name))
      const problems: WorkspaceProblem[] = []
      const readable: string[] = []
      const stubs: string[] = []
      const unindexed: string[] = []
      const copies: { id: string; holds: string }[] = []
      const onDisk: string[] = []
      for (const e of entries) {
        const rel = caseDir(e.name)
        if (e.type !== 'folder') {
          problems.push({
            file: rel,
            kind: 'inconsistent',
            ...worded('errStorage:caseFolderCasefileDoes', {
              rel,
              value: e.type === 'link' ? 'link' : 'file',
            }),
          })
          continue
        }
        // At the place of a case in the trash, unlisted: not that case (a case imported there since is listed).
        // Nothing in it is loaded, listed or repaired into.
        if (ctx.store.problems.isAway(rel) && !indexed.has(e.name)) {
          problems.push({ file: rel, kind: 'inconsistent', ...worded('errStorage:folderAtTrashedCasePlace', { rel }) })
          continue
        }
        onDisk.push(e.name)
        const file = caseFilePath(e.name)
        if (!(await ctx.store.exists(file)) && !(await isLink(ctx.store.resolve(file)))) {
          // Set aside, in an earlier session or when this one read it: its problem already says so, and its
          // backup, if any, is restored into this folder, which must not be moved away as an unfinished creation.
          if (ctx.store.problems.setAsideAs(file)) continue
          const rest = await entriesIn(ctx.store.root, rel)
          if (rest.every((x) => x.type !== 'folder' && x.name !== 'case.json' && isTempName(x.name))) {
            stubs.push(e.name)
            problems.push({
              file: rel,
              kind: 'inconsistent',
              ...worded('errStorage:holdsNoCaseFile', {
                rel,
                value: rest.length ? 'only the temp file of a write that never finished' : 'it is empty',
              }),
            })
          } else
            problems.push({
              file,
              kind: 'missing',
              ...worded('errStorage:missingThoughHoldsOther', { file, rel }),
            })
          continue
        }
        const loads = await ctx.store.loads(file, 'case', CaseFile)
        const holds = loads ? (await ctx.store.document(file, 'case', CaseFile)).data.case.id : e.name
        if (holds !== e.name) {
          // Listing or re-indexing it would list the other case again; nothing of it is read as a case.
          copies.push({ id: e.name, holds })
          problems.push({
            file,
            kind: 'inconsistent',
            ...worded('errStorage:caseFolderHoldsOther', { rel, holds }),
          })
          continue
        }
        if (!indexed.has(e.name)) unindexed.push(e.name)
        if (!indexed.has(e.name))
          problems.push({
            file,
            kind: 'missing',
            ...worded('errStorage:casesDiskButWorkspace', { name: e.name }),
          })
        if (!loads) continue
        readable.push(e.name)
        // An edit whose index update failed (a full disk) leaves the list showing the case as it was.
        const listed = index.find((x) => x.id === e.name)
        const now = toCaseSummary((await ctx.store.document(file, 'case', CaseFile)).data.case)
        if (listed && JSON.stringify(listed) !== JSON.stringify(now)) {
          unindexed.push(e.name)
          problems.push({
            file,
            kind: 'inconsistent',
            ...worded('errStorage:caseListShowsCase', {
              name: e.name,
              title: listed.title,
              updatedAt: listed.updatedAt,
            }),
          })
        }
      }
      for (const id of indexed)
        if (!onDisk.includes(id))
          problems.push({
            file: caseFilePath(id),
            kind: 'missing',
            ...worded('errStorage:indexListsCaseBut', { id }),
          })
      return { filesChecked: onDisk.length, folders: onDisk, readable, stubs, unindexed, copies, problems }
    },

    /**
     * What the case folders on disk say, read without the store (nothing is moved or written):
     * null when there is no case folder at all, so a new folder is not taken for a damaged one.
     */
    async onDisk(): Promise<{ summaries: CaseSummary[]; unreadable: string[] } | null> {
      const folders = (await entriesIn(ctx.store.root, CASES_DIR)).filter(
        (e) => e.type === 'folder' && SAFE_ID.test(e.name),
      )
      if (!folders.length) return null
      const summaries: CaseSummary[] = []
      const unreadable: string[] = []
      for (const f of folders) {
        const file = await readCaseFile(ctx.store.root, f.name)
        if (file && file.case.id === f.name) summaries.push(toCaseSummary(file.case))
        else if (await ctx.store.exists(caseFilePath(f.name))) unreadable.push(f.name)
      }
      return { summaries, unreadable }
    },

    /**
     * CONFLICT for a case that has left the workspace (to the trash, most likely): neither listed nor with
     * a folder. Nothing of it may be put back from a backup, which would make its folder again without the
     * rest of what the trash holds.
     */
    async assertStillHere(caseId: string): Promise<void> {
      if (!SAFE_ID.test(caseId)) throw notFound(caseId)
      const listed = (await workspace.listCases()).some((c) => c.id === caseId)
      if (!listed && (ctx.store.problems.isAway(caseDir(caseId)) || !(await ctx.store.exists(caseDir(caseId)))))
        throw appError('CONFLICT', 'errRecords:caseLeftWorkspaceRestoreTrash', { caseId })
    },

    /**
     * Puts back the newest backup of a case file that failed to load, and the case list follows it. Only a
     * backup that is a valid case file, and only into a case still in the workspace: one that has left it
     * (to the trash, most likely) would come back as its case file alone, without the rest of its folder.
     */
    async restoreBackup(caseId: string): Promise<Case> {
      await service.assertStillHere(caseId)
      await ctx.store.restoreBackup(caseFilePath(caseId), { kind: 'case', schema: CaseFile })
      return service.reindex(caseId)
    },

    /**
     * Puts a case whose folder holds a readable case file back in the index (after a stop between
     * the case file and the index, or an index rebuilt). NOT_FOUND when its file does not load.
     */
    async reindex(caseId: string): Promise<Case> {
      ctx.store.assertWritable()
      if (!SAFE_ID.test(caseId)) throw notFound(caseId)
      if (ctx.store.problems.isAway(caseDir(caseId)) && !(await workspace.listCases()).some((c) => c.id === caseId))
        throw appError('CONFLICT', 'errRecords:caseLeftWorkspaceRestoreTrash', { caseId })
      const d = await ctx.store.document(caseFilePath(caseId), 'case', CaseFile)
      if (d.data.case.id !== caseId)
        throw appError('CONFLICT', 'errStorage:caseFolderHoldsOther', { rel: caseDir(caseId), holds: d.data.case.id })
      await workspace.upsertCase(d.data.case)
      ctx.changes.emit({ kind: 'case', op: 'upsert', caseId, id: caseId })
      return d.data.case
    },
  }
  return service
}
export type CasesService = ReturnType<typeof createCasesService>

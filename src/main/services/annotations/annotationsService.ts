import { appError } from '@shared/i18n/appError'
import {
  Annotation,
  AnnotationInput,
  AnnotationPatch,
  AnnotationsFile,
  CURRENT_SCHEMA_VERSION,
  type AnnotationTarget,
  type EvidenceItem,
} from '@shared/domain'
import { chunkFile, ChunkedCollection, DEFAULT_CHUNK_SIZE } from '@main/storage/chunkedCollection'
import { SAFE_ID } from '@main/storage/layout'
import type { CaseRecords } from '../cases/caseRecords'
import { caseFolders } from '../cases/caseFiles'
import { nowIso, type ServiceContext } from '../context'
import { annotationFilePath, annotationFilesOf, annotationsDir } from './annotationFiles'

/** Which kinds of target fit which kinds of evidence; the looser kinds (web page, post...) take any. */
const ALLOWED: Partial<Record<EvidenceItem['kind'], AnnotationTarget['type'][]>> = {
  video: ['time', 'region'],
  audio: ['time'],
  image: ['region'],
  document: ['page', 'region'],
}

/** Position order: by time, by page, by region (top to bottom, left to right). */
function positionKey(t: AnnotationTarget): number[] {
  switch (t.type) {
    case 'time':
      return [0, t.start, t.end]
    case 'page':
      return [1, t.page, 0]
    case 'region':
      return [2, t.y, t.x]
  }
}

export function compareAnnotations(a: Annotation, b: Annotation): number {
  const ka = positionKey(a.target)
  const kb = positionKey(b.target)
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i]
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Owns cases/<id>/annotations/<evidenceId>.json. Every read and write of those
 * files goes through here, so their storage can change without touching callers.
 */
export function createAnnotationsService(ctx: ServiceContext, evidenceRecords: CaseRecords<EvidenceItem>) {
  async function itemOf(caseId: string, evidenceId: string): Promise<EvidenceItem> {
    if (!SAFE_ID.test(evidenceId)) throw appError('NOT_FOUND', 'errMedia:noEvidenceItemId', { evidenceId })
    return evidenceRecords.get(caseId, evidenceId)
  }

  function checkTarget(item: EvidenceItem, target: AnnotationTarget): void {
    const allowed = ALLOWED[item.kind]
    if (allowed && !allowed.includes(target.type)) {
      throw appError('VALIDATION', 'errMedia:annotated', {
        kind: item.kind,
        allowedList: allowed.join('_'),
        type: target.type,
      })
    }
    if (target.type === 'region' && (target.x + target.width > 1 + 1e-9 || target.y + target.height > 1 + 1e-9)) {
      throw appError('VALIDATION', 'errMedia:regionReachesOutsideImage')
    }
  }

  // Annotations of one item live in chunk files (<evidenceId>.json, <evidenceId>.1.json, ...) so an
  // edit rewrites one chunk of at most 500, not the whole item's file.
  const collections = new Map<string, Promise<ChunkedCollection<Annotation, typeof AnnotationsFile>>>()
  const doc = (caseId: string, evidenceId: string) => {
    const key = `${caseId}/${evidenceId}`
    let c = collections.get(key)
    if (!c) {
      c = ChunkedCollection.open<Annotation, typeof AnnotationsFile>({
        store: ctx.store,
        dir: annotationsDir(caseId),
        base: evidenceId,
        kind: 'annotations',
        schema: AnnotationsFile,
        items: (f) => f.annotations,
        empty: () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, evidenceId, annotations: [] }),
        compare: compareAnnotations,
      })
      collections.set(key, c)
      c.catch(() => collections.delete(key))
    }
    return c
  }

  function find(list: Annotation[], id: string): number {
    const i = list.findIndex((a) => a.id === id)
    if (i < 0) throw appError('NOT_FOUND', 'errMedia:noAnnotationIdItem', { id })
    return i
  }

  return {
    async list(caseId: string, evidenceId: string): Promise<Annotation[]> {
      await itemOf(caseId, evidenceId)
      // Listing never creates a file: an item nobody annotated has none.
      if (!(await ctx.store.exists(annotationFilePath(caseId, evidenceId)))) return []
      return [...(await doc(caseId, evidenceId)).all()]
    },

    /** Several annotations of one item in as few writes as their chunks allow (an imported transcript). */
    async addMany(caseId: string, evidenceId: string, inputs: AnnotationInput[]): Promise<Annotation[]> {
      const item = await itemOf(caseId, evidenceId)
      const at = nowIso(ctx)
      const list = inputs.map((input) => {
        const fields = AnnotationInput.parse(input)
        checkTarget(item, fields.target)
        return Annotation.parse({ ...fields, id: ctx.newId('ann'), evidenceId, createdAt: at, updatedAt: at })
      })
      await (await doc(caseId, evidenceId)).addMany(list)
      for (const a of list) ctx.changes.emit({ kind: 'annotation', op: 'upsert', caseId, id: a.id })
      return list
    },

    async add(caseId: string, evidenceId: string, input: AnnotationInput): Promise<Annotation> {
      const item = await itemOf(caseId, evidenceId)
      const fields = AnnotationInput.parse(input)
      checkTarget(item, fields.target)
      const at = nowIso(ctx)
      const a = Annotation.parse({ ...fields, id: ctx.newId('ann'), evidenceId, createdAt: at, updatedAt: at })
      await (await doc(caseId, evidenceId)).add(a)
      ctx.changes.emit({ kind: 'annotation', op: 'upsert', caseId, id: a.id })
      return a
    },

    async update(
      caseId: string,
      evidenceId: string,
      annotationId: string,
      patch: AnnotationPatch,
    ): Promise<Annotation> {
      const item = await itemOf(caseId, evidenceId)
      const fields = AnnotationPatch.parse(patch)
      if (fields.target) checkTarget(item, fields.target)
      const d = await doc(caseId, evidenceId)
      const current = d.get(annotationId)
      if (!current) find([], annotationId)
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
      const next = Annotation.parse({ ...current, ...defined, updatedAt: nowIso(ctx) })
      await d.update(annotationId, () => next)
      ctx.changes.emit({ kind: 'annotation', op: 'upsert', caseId, id: annotationId })
      return next
    },

    async remove(caseId: string, evidenceId: string, annotationId: string): Promise<void> {
      await itemOf(caseId, evidenceId)
      if (!(await ctx.store.exists(annotationFilePath(caseId, evidenceId)))) {
        throw appError('NOT_FOUND', 'errMedia:noAnnotationIdItem2', { annotationId })
      }
      const d = await doc(caseId, evidenceId)
      if (!d.has(annotationId)) find([], annotationId)
      await d.remove(annotationId)
      ctx.changes.emit({ kind: 'annotation', op: 'remove', caseId, id: annotationId })
    },

    /**
     * The case and evidence item an annotation belongs to, so a person may name an
     * annotation by its id alone. NOT_FOUND when no readable annotation file
     * holds it; CONFLICT when several do.
     */
    async locate(annotationId: string): Promise<{ caseId: string; evidenceId: string }> {
      const found: { caseId: string; evidenceId: string }[] = []
      if (SAFE_ID.test(annotationId)) {
        for (const caseId of await caseFolders(ctx.store.root)) {
          const items = new Set(
            (await annotationFilesOf(ctx.store.root, caseId))
              .map((rel) => /([^/\\]+?)(?:\.\d+)?\.json$/.exec(rel)?.[1] ?? '')
              .filter((id) => SAFE_ID.test(id)),
          )
          for (const evidenceId of items) {
            // A damaged file is reported by check; the others are still searched.
            const d = await doc(caseId, evidenceId).catch(() => null)
            if (d?.has(annotationId)) found.push({ caseId, evidenceId })
          }
        }
      }
      if (found.length === 1) return found[0]
      if (found.length > 1)
        throw appError('CONFLICT', 'errMedia:evidenceItemsHoldAnnotation', { foundCount: found.length, annotationId })
      throw appError('NOT_FOUND', 'errMedia:noAnnotationIdWorkspace', { annotationId })
    },

    /** When an item is removed: its annotations go with it. */
    async removeAllFor(caseId: string, evidenceId: string): Promise<void> {
      if (!SAFE_ID.test(evidenceId)) return
      const rel = annotationFilePath(caseId, evidenceId)
      if (!(await ctx.store.exists(rel))) return
      const ids = (await (await doc(caseId, evidenceId).catch(() => null))?.removeAll()) ?? []
      collections.delete(`${caseId}/${evidenceId}`)
      for (const id of ids) ctx.changes.emit({ kind: 'annotation', op: 'remove', caseId, id })
    },

    /**
     * Writes an item's annotations under a staging folder inside the workspace
     * (<stagingRoot>/cases/<caseId>/annotations/…), validated against the item and
     * chunked and ordered as the collection keeps them; nothing is visible until the
     * case folder is moved in (cases.moveIn).
     */
    async writeStaged(stagingRoot: string, caseId: string, item: EvidenceItem, list: Annotation[]): Promise<void> {
      if (!SAFE_ID.test(caseId) || !SAFE_ID.test(item.id))
        throw appError('VALIDATION', 'errMedia:cannotNameAnnotationsFile', { caseId, id: item.id })
      const seen = new Set<string>()
      const all = list.map((a) => {
        const ann = Annotation.parse(a)
        if (ann.evidenceId !== item.id)
          throw appError('VALIDATION', 'errMedia:annotationBelongs', {
            id: ann.id,
            evidenceId: ann.evidenceId,
            id2: item.id,
          })
        if (seen.has(ann.id)) throw appError('VALIDATION', 'errMedia:annotationIdAppearsTwice', { id: ann.id })
        seen.add(ann.id)
        checkTarget(item, ann.target)
        return ann
      })
      all.sort(compareAnnotations)
      for (let n = 0; n * DEFAULT_CHUNK_SIZE < all.length; n++) {
        await ctx.store.writeStaged(stagingRoot, chunkFile(annotationsDir(caseId), item.id, n), {
          schemaVersion: CURRENT_SCHEMA_VERSION,
          evidenceId: item.id,
          annotations: all.slice(n * DEFAULT_CHUNK_SIZE, (n + 1) * DEFAULT_CHUNK_SIZE),
        })
      }
    },

    /** Forgets what is cached of a case's annotations (its folder was replaced or moved). */
    forgetCase(caseId: string): void {
      for (const key of [...collections.keys()]) if (key.startsWith(`${caseId}/`)) collections.delete(key)
    },

    /** Loads every annotation file of a case; counts the files, the store records the damaged ones. */
    async check(caseId: string): Promise<{ filesChecked: number }> {
      const files = await annotationFilesOf(ctx.store.root, caseId)
      for (const rel of files) await ctx.store.loads(rel, 'annotations', AnnotationsFile)
      return { filesChecked: files.length }
    },
  }
}
export type AnnotationsService = ReturnType<typeof createAnnotationsService>

import { appError } from '@shared/i18n/appError'
import { rm } from 'node:fs/promises'
import type { z } from 'zod'
import {
  Briefing,
  BriefingFile,
  BriefingInput,
  BriefingPatch,
  BriefingTemplate,
  CURRENT_SCHEMA_VERSION,
  ExportRecord,
  type BriefingSummary,
  type Language,
} from '@shared/domain'
import { stringifyDeep } from '@shared/domain/json'
import { translator } from '@shared/i18n'
import { AppError } from '@shared/ipc/result'
import { SAFE_ID } from '@main/storage/layout'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { WorkspaceService } from '../workspace/workspaceService'
import { briefingFilePath, briefingFilesOf, briefingIdsOf } from './briefingFiles'
import type { StatuteLibrary } from '../statutes/statuteLibrary'
import { defaultTitle, templateBody, templateHeader } from './briefingTemplates'

/** Owns cases/<id>/briefings/<briefingId>.json, one file per briefing so autosave rewrites only it. */
export function createBriefingsService(
  ctx: ServiceContext,
  { cases, workspace, library }: { cases: CasesService; workspace: WorkspaceService; library: StatuteLibrary },
) {
  const doc = async (caseId: string, briefingId: string) => {
    await cases.assertExists(caseId)
    if (!SAFE_ID.test(briefingId)) throw appError('NOT_FOUND', 'errRecords:noBriefingId', { briefingId })
    if (!(await ctx.store.exists(briefingFilePath(caseId, briefingId))))
      throw appError('NOT_FOUND', 'errRecords:noBriefingIdCase', { briefingId })
    return ctx.store.document(briefingFilePath(caseId, briefingId), 'briefing', BriefingFile)
  }

  const ids = (caseId: string) => briefingIdsOf(ctx.store.root, caseId)

  const emit = (op: 'upsert' | 'remove', caseId: string, id: string) =>
    ctx.changes.emit({ kind: 'briefing', op, caseId, id })

  async function write(caseId: string, briefingId: string, fn: (b: Briefing) => Briefing): Promise<Briefing> {
    const d = await doc(caseId, briefingId)
    const out = await d.update((file) => {
      file.briefing = Briefing.parse({ ...fn(file.briefing), updatedAt: nowIso(ctx) })
      return file.briefing
    })
    emit('upsert', caseId, briefingId)
    return out
  }

  const service = {
    async list(caseId: string): Promise<BriefingSummary[]> {
      await cases.assertExists(caseId)
      const out: BriefingSummary[] = []
      for (const id of await ids(caseId)) {
        try {
          const b = (await doc(caseId, id)).data.briefing
          out.push({ id: b.id, title: b.title, template: b.template, status: b.status, updatedAt: b.updatedAt })
        } catch (e) {
          // A quarantined briefing is reported through the workspace's problems; the rest still list.
          if (!(e instanceof AppError && e.code === 'CORRUPT')) throw e
        }
      }
      return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
    },

    /**
     * Which case holds the briefing with this id, so a person may name a briefing
     * without its case. NOT_FOUND when none does; CONFLICT when several do.
     */
    async locate(briefingId: string): Promise<string> {
      const found: string[] = []
      if (SAFE_ID.test(briefingId))
        for (const c of await cases.list()) if ((await ids(c.id)).includes(briefingId)) found.push(c.id)
      if (found.length === 1) return found[0]
      if (found.length > 1)
        throw appError('CONFLICT', 'errRecords:casesHoldBriefingId', {
          foundCount: found.length,
          foundList: found.join(', '),
          briefingId,
        })
      throw appError('NOT_FOUND', 'errRecords:noBriefingIdWorkspace', { briefingId })
    },

    async get(caseId: string, briefingId: string): Promise<Briefing> {
      return (await doc(caseId, briefingId)).data.briefing
    },

    async create(caseId: string, input: BriefingInput, id = ctx.newId('briefing')): Promise<Briefing> {
      ctx.store.assertWritable()
      await cases.assertExists(caseId)
      if (!SAFE_ID.test(id)) throw appError('VALIDATION', 'errRecords:cannotBriefingId', { id })
      if (await ctx.store.exists(briefingFilePath(caseId, id)))
        throw appError('CONFLICT', 'errRecords:briefingIdExistsCase', { id })
      const at = nowIso(ctx)
      const briefing = Briefing.parse({ ...BriefingInput.parse(input), id, createdAt: at, updatedAt: at, exports: [] })
      await ctx.store.document(briefingFilePath(caseId, id), 'briefing', BriefingFile, () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        briefing,
      }))
      emit('upsert', caseId, id)
      return briefing
    },

    /** A new draft from one of the templates, its header filled from the case and today's date. */
    /**
     * A new draft from one of the templates, in `language` (default: the workspace's memo
     * language), its header filled from the case, today's date and the organisation's defaults.
     */
    async createFromTemplate(
      caseId: string,
      template: z.input<typeof BriefingTemplate>,
      opts: { title?: string; language?: Language } = {},
    ): Promise<Briefing> {
      const name = BriefingTemplate.parse(template)
      const content = await cases.content(caseId)
      const settings = await workspace.settings()
      const language = opts.language ?? settings.memoLanguage
      const author = await authorName()
      return service.create(caseId, {
        title: opts.title?.trim() || defaultTitle(name, language),
        template: name,
        status: 'draft',
        language,
        header: templateHeader(name, content.case, ctx.now(), author, settings.organisation, language),
        body: templateBody(name, language, { content, excerpts: await library.getMany(content.statuteIds) }),
      })
    },

    async update(caseId: string, briefingId: string, patch: BriefingPatch): Promise<Briefing> {
      const fields = BriefingPatch.parse(patch)
      return write(caseId, briefingId, (b) => ({
        ...b,
        ...(fields.title !== undefined && { title: fields.title }),
        ...(fields.body !== undefined && { body: fields.body }),
        ...(fields.status !== undefined && { status: fields.status }),
        ...(fields.language !== undefined && { language: fields.language }),
        // Header fields merge, so the header form and the title field can save independently.
        header: { ...b.header, ...(fields.header ?? {}) },
      }))
    },

    async duplicate(caseId: string, briefingId: string): Promise<Briefing> {
      const b = await service.get(caseId, briefingId)
      return service.create(caseId, {
        // In the briefing's own language, as its template's title was.
        title: translator(b.language, 'templates')('title.copy', { title: b.title }).slice(0, 300),
        template: b.template,
        language: b.language,
        status: 'draft',
        // A copy is another memo: it gets a number of its own when it first goes out as final.
        header: { ...b.header, number: '' },
        // Not structuredClone: it recurses, and a body may be nested thousands of levels deep.
        body: JSON.parse(stringifyDeep(b.body)),
      })
    },

    async remove(caseId: string, briefingId: string): Promise<void> {
      ctx.store.assertWritable()
      const d = await doc(caseId, briefingId)
      const rel = briefingFilePath(caseId, briefingId)
      // No autosave may write after this point; one already queued lands first, then the delete.
      d.retire()
      await ctx.store.queueFor(rel).idle()
      await rm(ctx.store.resolve(rel), { force: true })
      ctx.store.forget(rel)
      emit('remove', caseId, briefingId)
    },

    /**
     * Writes a briefing's file under a staging folder inside the workspace
     * (<stagingRoot>/cases/<caseId>/briefings/<id>.json), validated; nothing is
     * visible until the case folder is moved in (cases.moveIn).
     */
    async writeStaged(stagingRoot: string, caseId: string, briefing: Briefing): Promise<void> {
      const b = Briefing.parse(briefing)
      if (!SAFE_ID.test(caseId) || !SAFE_ID.test(b.id))
        throw appError('VALIDATION', 'errRecords:cannotNameBriefingFile', { caseId, id: b.id })
      await ctx.store.writeStaged(stagingRoot, briefingFilePath(caseId, b.id), {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        briefing: b,
      })
    },

    /** The export record of a file this workspace wrote, if any: the only PDFs the app will open. */
    async findExport(path: string): Promise<{ caseId: string; briefingId: string; record: ExportRecord } | null> {
      // A damaged case or briefing file (reported elsewhere) must not hide an export recorded in another.
      const readable = <T>(p: Promise<T>) => p.catch(() => null)
      for (const c of await cases.list()) {
        for (const b of (await readable(service.list(c.id))) ?? []) {
          const record = (await readable(service.get(c.id, b.id)))?.exports.find((r) => r.file === path)
          if (record) return { caseId: c.id, briefingId: b.id, record }
        }
      }
      return null
    },

    /** The briefing of a case that recorded the export with this id, and the record. */
    async findExportById(
      caseId: string,
      exportId: string,
    ): Promise<{ briefing: Briefing; record: ExportRecord } | null> {
      for (const b of await service.list(caseId)) {
        const briefing = await service.get(caseId, b.id)
        const record = briefing.exports.find((r) => r.id === exportId)
        if (record) return { briefing, record }
      }
      return null
    },

    /** Appends to the export history in the same write that reads it, so exports finishing together all stay. */
    async recordExport(caseId: string, briefingId: string, record: z.input<typeof ExportRecord>): Promise<Briefing> {
      const rec = ExportRecord.parse(record)
      return write(caseId, briefingId, (b) => ({ ...b, exports: [...b.exports, rec] }))
    },

    /** Loads every briefing file of a case; counts the files, the store records the damaged ones. */
    async check(caseId: string): Promise<{ filesChecked: number }> {
      const files = await briefingFilesOf(ctx.store.root, caseId)
      for (const rel of files) await ctx.store.loads(rel, 'briefing', BriefingFile)
      return { filesChecked: files.length }
    },
  }

  async function authorName(): Promise<string> {
    const name = await workspace.userName()
    // The placeholder user name would read oddly on a memo's FROM line.
    return name === 'local user' ? '' : name
  }

  return service
}
export type BriefingsService = ReturnType<typeof createBriefingsService>

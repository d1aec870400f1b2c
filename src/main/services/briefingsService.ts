import { readdir } from 'node:fs/promises'
import { Briefing, BriefingFile, CURRENT_SCHEMA_VERSION, type BriefingSummary } from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { layout, SAFE_ID } from '../storage/layout'
import type { CasesService } from './casesService'
import { nowIso, type ServiceContext } from './context'

type BriefingInput = Omit<Briefing, 'id' | 'createdAt' | 'updatedAt' | 'exports' | 'status' | 'template'> &
  Partial<Pick<Briefing, 'status' | 'template'>>

/** Owns cases/<id>/briefings/<briefingId>.json, one file per briefing so autosave rewrites only it. */
export function createBriefingsService(ctx: ServiceContext, cases: CasesService) {
  const doc = async (caseId: string, briefingId: string) => {
    await cases.caseDoc(caseId)
    if (!SAFE_ID.test(briefingId)) throw new AppError('NOT_FOUND', `No briefing with id "${briefingId}".`)
    if (!(await ctx.store.exists(layout.briefingFile(caseId, briefingId))))
      throw new AppError('NOT_FOUND', `No briefing with id "${briefingId}" in this case.`)
    return ctx.store.document(layout.briefingFile(caseId, briefingId), 'briefing', BriefingFile)
  }

  async function ids(caseId: string): Promise<string[]> {
    try {
      const names = await readdir(ctx.store.resolve(layout.briefingsDir(caseId)))
      return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
  }

  return {
    doc,

    async list(caseId: string): Promise<BriefingSummary[]> {
      await cases.caseDoc(caseId)
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

    async get(caseId: string, briefingId: string): Promise<Briefing> {
      return (await doc(caseId, briefingId)).data.briefing
    },

    async create(caseId: string, input: BriefingInput, id = ctx.newId('briefing')): Promise<Briefing> {
      await cases.caseDoc(caseId)
      const at = nowIso(ctx)
      const briefing = Briefing.parse({ ...input, id, createdAt: at, updatedAt: at, exports: [] })
      await ctx.store.document(layout.briefingFile(caseId, id), 'briefing', BriefingFile, () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        briefing,
      }))
      return briefing
    },

    async update(caseId: string, briefingId: string, patch: Partial<BriefingInput>): Promise<Briefing> {
      const d = await doc(caseId, briefingId)
      return d.update((file) => {
        file.briefing = Briefing.parse({ ...file.briefing, ...patch, updatedAt: nowIso(ctx) })
        return file.briefing
      })
    },
  }
}
export type BriefingsService = ReturnType<typeof createBriefingsService>

import { CURRENT_SCHEMA_VERSION, StatuteExcerpt, StatuteInput, StatuteLibraryFile } from '../../shared/domain'
import { AppError } from '../../shared/ipc/result'
import { layout } from '../storage/layout'
import { nowIso, type ServiceContext } from './context'

/** Owns statutes.json, the workspace's library of excerpts. */
export function createStatutesService(ctx: ServiceContext) {
  const doc = () =>
    ctx.store.document(layout.statutes, 'statutes', StatuteLibraryFile, () => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      excerpts: [],
    }))

  return {
    async list(): Promise<StatuteExcerpt[]> {
      return (await doc()).data.excerpts
    },

    async get(id: string): Promise<StatuteExcerpt> {
      const found = (await doc()).data.excerpts.find((s) => s.id === id)
      if (!found) throw new AppError('NOT_FOUND', `No statute excerpt with id "${id}".`)
      return found
    },

    /** The excerpts with these ids, in that order; ids no longer in the library are skipped. */
    async getMany(ids: string[]): Promise<StatuteExcerpt[]> {
      const byId = new Map((await doc()).data.excerpts.map((s) => [s.id, s]))
      return ids.flatMap((id) => byId.get(id) ?? [])
    },

    async add(input: StatuteInput, id = ctx.newId('statute')): Promise<StatuteExcerpt> {
      const at = nowIso(ctx)
      const excerpt = StatuteExcerpt.parse({ ...StatuteInput.parse(input), id, createdAt: at, updatedAt: at })
      return (await doc()).update((d) => {
        if (d.excerpts.some((s) => s.id === id)) throw new AppError('CONFLICT', `A statute excerpt with id "${id}" exists.`)
        d.excerpts.push(excerpt)
        return excerpt
      })
    },

    async update(id: string, patch: Partial<StatuteInput>): Promise<StatuteExcerpt> {
      const fields = StatuteInput.partial().parse(patch)
      return (await doc()).update((d) => {
        const i = d.excerpts.findIndex((s) => s.id === id)
        if (i < 0) throw new AppError('NOT_FOUND', `No statute excerpt with id "${id}".`)
        d.excerpts[i] = StatuteExcerpt.parse({ ...d.excerpts[i], ...fields, updatedAt: nowIso(ctx) })
        return d.excerpts[i]
      })
    },
  }
}
export type StatutesService = ReturnType<typeof createStatutesService>

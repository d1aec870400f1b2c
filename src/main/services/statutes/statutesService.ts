import { worded } from '@shared/i18n/appError'
import { appError } from '@shared/i18n/appError'
import {
  citationLabel,
  citationsIn,
  StatuteTrashRecord,
  type StatuteExcerpt,
  type StatuteFilter,
  type StatuteImportOutcome,
  type StatuteImportRequest,
  type StatuteInput,
  type StatuteUsage,
  type TrashEntry,
} from '@shared/domain'
import type { BriefingsService } from '../briefings/briefingsService'
import type { CasesService } from '../cases/casesService'
import type { ServiceContext } from '../context'
import type { TrashService } from '../trash/trashService'
import { parseStatuteJson, parseStatuteText } from './statuteImport'
import { STATUTES_FILE, type StatuteLibrary } from './statuteLibrary'

/** The name of an excerpt's copy in its trash entry's folder. */
const KEPT_NAME = 'statute.json'

const keyOf = (s: Pick<StatuteExcerpt, 'instrument' | 'article' | 'paragraph'>) =>
  [s.instrument, s.article, s.paragraph ?? ''].map((x) => x.trim().toLowerCase().replace(/\s+/g, ' ')).join('|')

/**
 * The statute use cases: the library (statuteLibrary, statutes.json) joined
 * with the cases that link excerpts (case files) and the briefings that cite
 * them. Owns no file of its own.
 */
export function createStatutesService(
  ctx: ServiceContext,
  deps: { library: StatuteLibrary; cases: CasesService; briefings: BriefingsService },
) {
  const { library, cases, briefings } = deps
  // The index shows a statute under the cases that link it.
  const linked = (id: string) => ctx.changes.emit({ kind: 'statute', op: 'upsert', id })

  /** Linked cases come from case files; citations from every briefing body. */
  async function usage(id: string): Promise<StatuteUsage> {
    const out: StatuteUsage = { caseIds: [], briefings: [] }
    for (const c of await cases.list()) {
      if ((await cases.linkedStatuteIds(c.id)).includes(id)) out.caseIds.push(c.id)
      for (const b of await briefings.list(c.id)) {
        const body = (await briefings.get(c.id, b.id)).body
        if (citationsIn(body).some((a) => a.target === 'statute' && a.id === id)) {
          out.briefings.push({ caseId: c.id, briefingId: b.id, title: b.title })
        }
      }
    }
    return out
  }

  /** Removing an excerpt a case links or a briefing cites needs `force`: the memo would lose the text it quotes. */
  function refuseWhileUsed(excerpt: StatuteExcerpt, used: StatuteUsage): void {
    if (!used.caseIds.length && !used.briefings.length) return
    throw appError(
      'CONFLICT',
      'errRecords:unlinkRemoveCitationsFirst',
      {
        citationLabel: citationLabel(excerpt),
        cases: used.caseIds.length,
        briefings: used.briefings.length,
        titles: used.briefings.map((b) => `"${b.title}"`).join(', '),
      },
      used,
    )
  }

  const service = {
    get: library.get,
    update: library.update,
    usage,

    async list(filter: StatuteFilter = {}): Promise<StatuteExcerpt[]> {
      const ids = filter.caseId ? await cases.linkedStatuteIds(filter.caseId) : undefined
      return library.list({ query: filter.query, tag: filter.tag, ids })
    },

    /** Adds to the library and, with `caseId`, links it there; a bad case fails before anything is written. */
    async add(input: StatuteInput, opts: { caseId?: string; id?: string } = {}): Promise<StatuteExcerpt> {
      if (opts.caseId) await cases.assertExists(opts.caseId)
      const added = await library.add(input, opts.id)
      if (opts.caseId) await service.link(opts.caseId, added.id)
      return added
    },

    async link(caseId: string, id: string): Promise<void> {
      await library.get(id)
      await cases.linkStatute(caseId, id)
      linked(id)
    },

    async unlink(caseId: string, id: string): Promise<void> {
      await cases.unlinkStatute(caseId, id)
      linked(id)
    },

    /**
     * To the trash, with the cases that linked it, so `restoreFromTrash` can put both back (citations
     * then resolve again). Refuses while the excerpt is linked to a case or cited in a briefing, because
     * the memo would lose the exact text it quotes; `force` unlinks it from every case first and leaves
     * citations to show as missing. There is no removal that skips the trash.
     */
    async moveToTrash(
      id: string,
      trash: TrashService,
      { force = false }: { force?: boolean } = {},
    ): Promise<{ entry: TrashEntry; unlinkedFrom: string[] }> {
      const excerpt = await library.get(id)
      const used = await usage(id)
      if (!force) refuseWhileUsed(excerpt, used)
      const record: StatuteTrashRecord = { excerpt, caseIds: used.caseIds }
      const entry = await trash.keep(
        { kind: 'statute', itemId: id, title: citationLabel(excerpt), reason: 'removed', from: STATUTES_FILE },
        KEPT_NAME,
        record,
      )
      for (const caseId of used.caseIds) await cases.unlinkStatute(caseId, id)
      await library.remove(id)
      return { entry, unlinkedFrom: used.caseIds }
    },

    /**
     * Puts an excerpt from the trash back in the library, linked again to the cases that are in the
     * workspace; the others are named (a case in the trash itself, or gone), so no link is dropped unsaid.
     */
    async restoreFromTrash(
      entry: TrashEntry,
      trash: TrashService,
    ): Promise<{ excerpt: StatuteExcerpt; notRelinked: { caseId: string; inTrash: boolean }[] }> {
      const parsed = StatuteTrashRecord.safeParse(await trash.readKept(entry.id, KEPT_NAME))
      if (!parsed.success)
        throw appError('CORRUPT', 'errRecords:trashCopyDamaged', { value: entry.title || entry.itemId })
      const { excerpt, caseIds } = parsed.data
      await library.importMany([excerpt])
      const known = new Set((await cases.list()).map((c) => c.id))
      const trashed = new Set((await trash.list()).filter((e) => e.kind === 'case').map((e) => e.itemId))
      const notRelinked: { caseId: string; inTrash: boolean }[] = []
      for (const caseId of caseIds)
        if (known.has(caseId)) await cases.linkStatute(caseId, excerpt.id)
        else notRelinked.push({ caseId, inTrash: trashed.has(caseId) })
      linked(excerpt.id)
      await trash.release(entry.id)
      return { excerpt, notRelinked }
    },

    /** Parses JSON or pasted text; unless dryRun, adds the rows that are new and links them when asked. */
    async import(req: StatuteImportRequest): Promise<StatuteImportOutcome> {
      if (req.linkToCaseId) await cases.assertExists(req.linkToCaseId)
      const { rows, problems } = req.format === 'json' ? parseStatuteJson(req.content) : parseStatuteText(req.content)
      const existing = new Map((await library.list()).map((s) => [keyOf(s), s]))
      const outcome: StatuteImportOutcome = {
        parsed: rows.map((r) => ({ ...r.input, row: r.row })),
        added: [],
        duplicates: [],
        problems,
      }
      const fresh: typeof rows = []
      const seen = new Map<string, number>()
      for (const r of rows) {
        const key = keyOf({ ...r.input, paragraph: r.input.paragraph ?? '' })
        const known = existing.get(key)
        if (known) {
          outcome.duplicates.push({ row: r.row, existingId: known.id, label: citationLabel(known) })
        } else if (seen.has(key)) {
          problems.push({ row: r.row, ...worded('errRecords:repeatsExcerptRowImported', { value: seen.get(key) }) })
        } else {
          seen.set(key, r.row)
          fresh.push(r)
        }
      }
      if (req.dryRun) return outcome
      outcome.added = await library.addMany(fresh.map((r) => r.input))
      if (req.linkToCaseId) {
        for (const id of [...outcome.added.map((e) => e.id), ...outcome.duplicates.map((d) => d.existingId)]) {
          await cases.linkStatute(req.linkToCaseId, id)
        }
      }
      return outcome
    },
  }
  return service
}
export type StatutesService = ReturnType<typeof createStatutesService>

import {
  citationLabel,
  CURRENT_SCHEMA_VERSION,
  StatuteExcerpt,
  StatuteInput,
  StatuteLibraryFile,
} from '../../shared/domain'
import { StatutePatch } from '../../shared/ipc/channels/statutes'
import { AppError } from '../../shared/ipc/result'
import { layout } from '../storage/layout'
import { citationsIn, type BriefingsService } from './briefingsService'
import type { CasesService } from './casesService'
import { nowIso, type ServiceContext } from './context'
import { parseStatuteJson, parseStatuteText, type ImportProblem } from './statuteImport'

export interface StatuteFilter {
  /** Free text over label, instrument, heading, text, source and tags; every word must match. */
  query?: string
  tag?: string
  /** Only the excerpts linked to this case. */
  caseId?: string
}

/** Where an excerpt is in use: removing it would leave these pointing at nothing. */
export interface StatuteUsage {
  caseIds: string[]
  briefings: { caseId: string; briefingId: string; title: string }[]
}

export interface ImportRequest {
  format: 'json' | 'text'
  content: string
  /** Parse and report only; nothing is written. */
  dryRun?: boolean
  /** Link every added (or already present) excerpt to this case. */
  linkToCaseId?: string
}

export interface ImportOutcome {
  parsed: (StatuteInput & { row: number })[]
  added: StatuteExcerpt[]
  /** Rows that match an excerpt already in the library (same instrument, article, paragraph). */
  duplicates: { row: number; existingId: string; label: string }[]
  problems: ImportProblem[]
}

const keyOf = (s: Pick<StatuteExcerpt, 'instrument' | 'article' | 'paragraph'>) =>
  [s.instrument, s.article, s.paragraph ?? ''].map((x) => x.trim().toLowerCase().replace(/\s+/g, ' ')).join('|')

function matches(s: StatuteExcerpt, words: string[]): boolean {
  const hay = [citationLabel(s), s.instrument, s.heading, s.text, s.source, s.jurisdiction, s.year ?? '', ...s.tags]
    .join('\n')
    .toLowerCase()
  return words.every((w) => hay.includes(w))
}

/** Owns statutes.json, the workspace's library of excerpts. */
export function createStatutesService(ctx: ServiceContext) {
  const doc = () =>
    ctx.store.document(layout.statutes, 'statutes', StatuteLibraryFile, () => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      excerpts: [],
    }))
  let deps: { cases: CasesService; briefings: BriefingsService } | null = null
  const need = () => {
    if (!deps) throw new Error('statutes service used before connect()')
    return deps
  }

  /** Linked cases come from case files; citations from every briefing body. */
  async function usageOf(id: string): Promise<StatuteUsage> {
    const { cases, briefings } = need()
    const usage: StatuteUsage = { caseIds: [], briefings: [] }
    for (const c of await cases.list()) {
      if ((await cases.caseDoc(c.id)).data.statuteIds.includes(id)) usage.caseIds.push(c.id)
      for (const b of await briefings.list(c.id)) {
        const body = (await briefings.get(c.id, b.id)).body
        if (citationsIn(body).some((a) => a.target === 'statute' && a.id === id)) {
          usage.briefings.push({ caseId: c.id, briefingId: b.id, title: b.title })
        }
      }
    }
    return usage
  }

  const emit = (op: 'upsert' | 'remove', id: string) => ctx.changes.emit({ kind: 'statute', op, id })

  const service = {
    /** Wired by openWorkspace: case files hold the links, briefings the citations. */
    connect(cases: CasesService, briefings: BriefingsService) {
      deps = { cases, briefings }
    },

    async list(filter: StatuteFilter = {}): Promise<StatuteExcerpt[]> {
      let out = (await doc()).data.excerpts
      if (filter.caseId) {
        const ids = new Set((await need().cases.caseDoc(filter.caseId)).data.statuteIds)
        out = out.filter((s) => ids.has(s.id))
      }
      if (filter.tag) {
        const tag = filter.tag.toLowerCase()
        out = out.filter((s) => s.tags.some((t) => t.toLowerCase() === tag))
      }
      const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      if (words.length) out = out.filter((s) => matches(s, words))
      return [...out].sort(
        (a, b) => citationLabel(a).localeCompare(citationLabel(b), 'en', { numeric: true }) || a.id.localeCompare(b.id),
      )
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
      const out = await (
        await doc()
      ).update((d) => {
        if (d.excerpts.some((s) => s.id === id))
          throw new AppError('CONFLICT', `A statute excerpt with id "${id}" exists.`)
        d.excerpts.push(excerpt)
        return excerpt
      })
      emit('upsert', id)
      return out
    },

    async update(id: string, patch: StatutePatch): Promise<StatuteExcerpt> {
      const { year, ...fields } = StatutePatch.parse(patch)
      const out = await (
        await doc()
      ).update((d) => {
        const i = d.excerpts.findIndex((s) => s.id === id)
        if (i < 0) throw new AppError('NOT_FOUND', `No statute excerpt with id "${id}".`)
        const next = { ...d.excerpts[i], ...fields, updatedAt: nowIso(ctx) }
        if (year === null) delete next.year
        else if (year !== undefined) next.year = year
        d.excerpts[i] = StatuteExcerpt.parse(next)
        return d.excerpts[i]
      })
      emit('upsert', id)
      return out
    },

    usage: (id: string) => usageOf(id),

    async link(caseId: string, id: string): Promise<void> {
      await service.get(id)
      await need().cases.linkStatute(caseId, id)
      emit('upsert', id)
    },

    async unlink(caseId: string, id: string): Promise<void> {
      await need().cases.unlinkStatute(caseId, id)
      emit('upsert', id)
    },

    /**
     * Refuses while the excerpt is linked to a case or cited in a briefing,
     * because the memo would lose the exact text it quotes; `force` unlinks it
     * from every case first and leaves citations to show as missing.
     */
    async remove(id: string, { force = false }: { force?: boolean } = {}): Promise<StatuteUsage> {
      const excerpt = await service.get(id)
      const usage = await usageOf(id)
      if (force) for (const caseId of usage.caseIds) await need().cases.unlinkStatute(caseId, id)
      if (!force && (usage.caseIds.length || usage.briefings.length)) {
        const parts = [
          usage.caseIds.length && `linked to ${usage.caseIds.length} case${usage.caseIds.length > 1 ? 's' : ''}`,
          usage.briefings.length &&
            `cited in ${usage.briefings.length} briefing${usage.briefings.length > 1 ? 's' : ''} (${usage.briefings
              .map((b) => `"${b.title}"`)
              .join(', ')})`,
        ].filter(Boolean)
        throw new AppError(
          'CONFLICT',
          `${citationLabel(excerpt)} is ${parts.join(' and ')}. Unlink it and remove the citations first, or remove it anyway.`,
          usage,
        )
      }
      await (
        await doc()
      ).update((d) => {
        d.excerpts = d.excerpts.filter((s) => s.id !== id)
      })
      emit('remove', id)
      return usage
    },

    /** Parses JSON or pasted text; unless dryRun, adds the rows that are new and links them when asked. */
    async import(req: ImportRequest): Promise<ImportOutcome> {
      if (req.linkToCaseId) await need().cases.caseDoc(req.linkToCaseId)
      const { rows, problems } = req.format === 'json' ? parseStatuteJson(req.content) : parseStatuteText(req.content)
      const existing = new Map((await doc()).data.excerpts.map((s) => [keyOf(s), s]))
      const outcome: ImportOutcome = {
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
          problems.push({ row: r.row, message: `Repeats the excerpt of row ${seen.get(key)}; imported once.` })
        } else {
          seen.set(key, r.row)
          fresh.push(r)
        }
      }
      if (req.dryRun) return outcome
      if (fresh.length) {
        const at = nowIso(ctx)
        const excerpts = fresh.map((r) =>
          StatuteExcerpt.parse({ ...r.input, id: ctx.newId('statute'), createdAt: at, updatedAt: at }),
        )
        await (
          await doc()
        ).update((d) => {
          d.excerpts.push(...excerpts)
        })
        outcome.added = excerpts
        for (const e of excerpts) emit('upsert', e.id)
      }
      if (req.linkToCaseId) {
        for (const id of [...outcome.added.map((e) => e.id), ...outcome.duplicates.map((d) => d.existingId)]) {
          await need().cases.linkStatute(req.linkToCaseId, id)
        }
      }
      return outcome
    },
  }
  return service
}
export type StatutesService = ReturnType<typeof createStatutesService>

import { appError } from '@shared/i18n/appError'
import { join } from 'node:path'
import {
  citationLabel,
  CURRENT_SCHEMA_VERSION,
  StatuteExcerpt,
  StatuteInput,
  StatuteLibraryFile,
  StatutePatch,
} from '@shared/domain'
import { BINARY_CONTROL } from '@main/storage/safeRead'
import { readStoredFile } from '@main/storage/storedJson'
import { nowIso, type ServiceContext } from '../context'

export const STATUTES_FILE = 'statutes.json'

/** The validated library read without the store (the search worker); null when missing or damaged. */
export const readStatuteLibrary = (root: string) =>
  readStoredFile(join(root, STATUTES_FILE), 'statutes', StatuteLibraryFile)

function matches(s: StatuteExcerpt, words: string[]): boolean {
  const hay = [citationLabel(s), s.instrument, s.heading, s.text, s.source, s.jurisdiction, s.year ?? '', ...s.tags]
    .join('\n')
    .toLowerCase()
  return words.every((w) => hay.includes(w))
}

/** An excerpt's exact text is quoted in memos: binary data (a PDF's bytes pasted as text) is refused. */
function assertText<T extends { text?: string }>(fields: T): T {
  const control = fields.text === undefined ? null : BINARY_CONTROL.exec(fields.text)
  if (control)
    throw appError('VALIDATION', 'errRecords:excerptTextLooksLike', {
      charCodeAt: control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase(),
      index: control.index,
    })
  return fields
}

/** Owns statutes.json, the workspace's library of excerpts. Links and citations are the statutes service's. */
export function createStatuteLibrary(ctx: ServiceContext) {
  const empty = () => ({ schemaVersion: CURRENT_SCHEMA_VERSION, excerpts: [] })
  const doc = () => ctx.store.document(STATUTES_FILE, 'statutes', StatuteLibraryFile, empty)
  const emit = (op: 'upsert' | 'remove', id: string) => ctx.changes.emit({ kind: 'statute', op, id })
  const make = (input: StatuteInput, id: string, at: string) =>
    StatuteExcerpt.parse({ ...assertText(StatuteInput.parse(input)), id, createdAt: at, updatedAt: at })

  const library = {
    /** Sorted by citation label; `ids` keeps only those, `query` and `tag` narrow further. */
    async list(filter: { query?: string; tag?: string; ids?: readonly string[] } = {}): Promise<StatuteExcerpt[]> {
      let out = (await doc()).data.excerpts
      if (filter.ids) {
        const ids = new Set(filter.ids)
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
      if (!found) throw appError('NOT_FOUND', 'errRecords:noStatuteExcerptId', { id })
      return found
    },

    /** The excerpts with these ids, in that order; ids no longer in the library are skipped. */
    async getMany(ids: readonly string[]): Promise<StatuteExcerpt[]> {
      const byId = new Map((await doc()).data.excerpts.map((s) => [s.id, s]))
      return ids.flatMap((id) => byId.get(id) ?? [])
    },

    async add(input: StatuteInput, id = ctx.newId('statute')): Promise<StatuteExcerpt> {
      const excerpt = make(input, id, nowIso(ctx))
      const out = await (
        await doc()
      ).update((d) => {
        if (d.excerpts.some((s) => s.id === id)) throw appError('CONFLICT', 'errRecords:statuteExcerptIdExists', { id })
        d.excerpts.push(excerpt)
        return excerpt
      })
      emit('upsert', id)
      return out
    },

    /** Several excerpts in one write (an import). */
    async addMany(inputs: StatuteInput[]): Promise<StatuteExcerpt[]> {
      if (!inputs.length) return []
      const at = nowIso(ctx)
      const excerpts = inputs.map((i) => make(i, ctx.newId('statute'), at))
      await (
        await doc()
      ).update((d) => {
        d.excerpts.push(...excerpts)
      })
      for (const e of excerpts) emit('upsert', e.id)
      return excerpts
    },

    /**
     * Adds whole excerpts with the ids and times they came with (a bundle's), in
     * one write; CONFLICT, and nothing added, when any id is taken.
     */
    async importMany(excerpts: StatuteExcerpt[]): Promise<StatuteExcerpt[]> {
      if (!excerpts.length) return []
      const valid = excerpts.map((e) => StatuteExcerpt.parse(e))
      await (
        await doc()
      ).update((d) => {
        const taken = new Set(d.excerpts.map((s) => s.id))
        for (const e of valid) {
          if (taken.has(e.id)) throw appError('CONFLICT', 'errRecords:statuteExcerptIdExists', { id: e.id })
          taken.add(e.id)
        }
        d.excerpts.push(...valid)
      })
      for (const e of valid) emit('upsert', e.id)
      return valid
    },

    /** Removes these excerpts in one write (an import undone); ids not present are ignored. */
    async removeMany(ids: readonly string[]): Promise<void> {
      if (!ids.length) return
      const gone = new Set(ids)
      await (
        await doc()
      ).update((d) => {
        d.excerpts = d.excerpts.filter((s) => !gone.has(s.id))
      })
      for (const id of ids) emit('remove', id)
    },

    async update(id: string, patch: StatutePatch): Promise<StatuteExcerpt> {
      const { year, ...fields } = assertText(StatutePatch.parse(patch))
      const out = await (
        await doc()
      ).update((d) => {
        const i = d.excerpts.findIndex((s) => s.id === id)
        if (i < 0) throw appError('NOT_FOUND', 'errRecords:noStatuteExcerptId', { id })
        const next = { ...d.excerpts[i], ...fields, updatedAt: nowIso(ctx) }
        if (year === null) delete next.year
        else if (year !== undefined) next.year = year
        d.excerpts[i] = StatuteExcerpt.parse(next)
        return d.excerpts[i]
      })
      emit('upsert', id)
      return out
    },

    async remove(id: string): Promise<void> {
      await (
        await doc()
      ).update((d) => {
        d.excerpts = d.excerpts.filter((s) => s.id !== id)
      })
      emit('remove', id)
    },

    /** Loads statutes.json; false when it is damaged (the store has recorded why). */
    check: () => ctx.store.loads(STATUTES_FILE, 'statutes', StatuteLibraryFile, empty),
  }
  return library
}
export type StatuteLibrary = ReturnType<typeof createStatuteLibrary>

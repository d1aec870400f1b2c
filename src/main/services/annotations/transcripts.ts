/**
 * Annotations out and in as subtitle and transcript files: a tier as WebVTT or
 * SRT, every tier as CSV or ELAN's EAF; and WebVTT, SRT or EAF back in as
 * annotations. Files from outside are untrusted: regular files only, capped in
 * size, strict UTF-8.
 */
import { appError } from '@shared/i18n/appError'
import { lstat, readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import {
  AnnotationFormat,
  formatTimecode,
  type Annotation,
  type AnnotationInput,
  type EvidenceItem,
} from '@shared/domain'
import { toAnnotationsCsv } from '@main/formats/annotationsCsv'
import type { Cue, CueProblem } from '@main/formats/cues'
import { fromEaf, toEaf } from '@main/formats/eaf'
import { fromSrt, toSrt } from '@main/formats/srt'
import { fromVtt, toVtt } from '@main/formats/vtt'
import { decodeUtf8 } from '@main/storage/storedJson'
import { fileNameFor, withExtension, writeOutput } from '../outputs'

const MAX_IMPORT = 20 * 1024 * 1024
const MAX_CUE_TEXT = 20_000
/** ELAN needs a tier id; the item's default tier ('') goes out and comes back under this one. */
const DEFAULT_TIER = 'default'

export interface TranscriptDeps {
  item(caseId: string, evidenceId: string): Promise<EvidenceItem>
  list(caseId: string, evidenceId: string): Promise<Annotation[]>
  addMany(caseId: string, evidenceId: string, inputs: AnnotationInput[]): Promise<Annotation[]>
  userName(): Promise<string>
  now(): Date
  /** The workspace folder, which a transcript is never written into. */
  workspaceRoot: string
}

const formatOf = (path: string, given?: AnnotationFormat): AnnotationFormat => {
  const parsed = AnnotationFormat.safeParse(given ?? extname(path).slice(1).toLowerCase())
  if (!parsed.success) throw appError('VALIDATION', 'errMedia:annotationsGoOutCome')
  return parsed.data
}

export function createTranscriptsService(deps: TranscriptDeps) {
  async function render(
    caseId: string,
    evidenceId: string,
    format: AnnotationFormat,
    tier?: string,
  ): Promise<{ text: string; count: number }> {
    const item = await deps.item(caseId, evidenceId)
    const timed = (await deps.list(caseId, evidenceId)).filter((a) => a.target.type === 'time')
    const cues = timed.map((a) => ({
      tier: a.tier ?? '',
      start: a.target.type === 'time' ? a.target.start : 0,
      end: a.target.type === 'time' ? a.target.end : 0,
      text: a.text,
      tags: a.tags,
      id: a.id,
    }))
    if ((format === 'vtt' || format === 'srt') && tier === undefined) {
      const tiers = new Set(cues.map((c) => c.tier))
      if (tiers.size > 1)
        throw appError('VALIDATION', 'errMedia:fileHoldsOneTier', {
          format: format.toUpperCase(),
          mapList: [...tiers].map((t) => `"${t || DEFAULT_TIER}"`).join(', '),
        })
    }
    const wanted = tier === undefined ? cues : cues.filter((c) => c.tier === (tier === DEFAULT_TIER ? '' : tier))
    const out = (text: string) => ({ text, count: wanted.length })
    switch (format) {
      case 'vtt':
        return out(toVtt(wanted))
      case 'srt':
        return out(toSrt(wanted))
      case 'csv':
        return out(toAnnotationsCsv(wanted.map((c) => ({ ...c, tier: c.tier || DEFAULT_TIER }))))
      case 'eaf':
        return out(
          toEaf(
            wanted.map((c) => ({ ...c, tier: c.tier || DEFAULT_TIER })),
            (item.tiers ?? []).map((t) => t || DEFAULT_TIER),
            { name: item.file?.originalName ?? item.title, mediaType: item.file?.mediaType ?? 'video/mp4' },
            await deps.userName(),
            deps.now(),
          ),
        )
    }
  }

  const service = {
    render,

    /** Writes the item's annotations (one tier for VTT and SRT) to `outPath`, durably. */
    async exportTo(
      caseId: string,
      evidenceId: string,
      opts: { outPath: string; format?: AnnotationFormat; tier?: string },
    ): Promise<{ path: string; format: AnnotationFormat; cues: number }> {
      const format = formatOf(opts.outPath, opts.format)
      const { text, count } = await render(caseId, evidenceId, format, opts.tier)
      const { path } = await writeOutput(opts.outPath, text, deps.workspaceRoot)
      return { path, format, cues: count }
    },

    /**
     * Reads a WebVTT, SRT or EAF file into time-coded annotations of the item
     * (VTT and SRT onto `tier`, EAF keeping its tiers); what cannot be read is reported, not guessed.
     */
    async importFrom(
      caseId: string,
      evidenceId: string,
      path: string,
      opts: { format?: AnnotationFormat; tier?: string } = {},
    ): Promise<{ added: Annotation[]; problems: CueProblem[] }> {
      const format = formatOf(path, opts.format)
      if (format === 'csv') throw appError('VALIDATION', 'errMedia:csvGoesOutOnly')
      const item = await deps.item(caseId, evidenceId)
      if (item.kind !== 'video' && item.kind !== 'audio')
        throw appError('VALIDATION', 'errMedia:onlyVideoAudioTake', {
          title: item.title,
          kind: item.kind.replace(/ /g, '_'),
        })
      const info = await lstat(path).catch(() => null)
      if (!info) throw appError('NOT_FOUND', 'errMedia:cannotReadNoSuch2', { path })
      if (!info.isFile()) throw appError('VALIDATION', 'errMedia:regularFile2', { path })
      if (info.size > MAX_IMPORT) throw appError('VALIDATION', 'errMedia:largerThanTranscriptMb', { path })
      const text = decodeUtf8(await readFile(path))
      if (text === null) throw appError('VALIDATION', 'errMedia:utfText', { path })
      const tier = (opts.tier ?? '').trim()
      const parsed = format === 'eaf' ? fromEaf(text) : format === 'vtt' ? fromVtt(text, tier) : fromSrt(text, tier)
      const problems = [...parsed.problems]
      const inputs = parsed.cues.map((c: Cue) => {
        // An annotation holds at most this much text: a longer cue is cut, and the cut is reported, never silent.
        if (c.text.length > MAX_CUE_TEXT)
          problems.push({
            line: 0,
            message: `the cue at ${formatTimecode(c.start)} is ${c.text.length} characters long; only its first ${MAX_CUE_TEXT} were kept`,
          })
        return {
          target: { type: 'time' as const, start: c.start, end: c.end },
          tier: c.tier === DEFAULT_TIER ? '' : c.tier,
          text: c.text.slice(0, MAX_CUE_TEXT),
        }
      })
      // An empty or wholly unreadable file is an error, not a success that added nothing.
      if (!inputs.length) {
        const shown = parsed.problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`)
        const more = parsed.problems.length > 3 ? `; and ${parsed.problems.length - 3} more` : ''
        throw appError('VALIDATION', 'errMedia:holdsNoCueCould', {
          path,
          format: format.toUpperCase(),
          value: shown.length ? ` (${shown.join('; ')}${more})` : '',
        })
      }
      const added = await deps.addMany(caseId, evidenceId, inputs)
      return { added, problems }
    },

    /** The window's export: asks where to save (`choosePath`, offered a name), then writes. CANCELLED when dismissed. */
    async exportChosen(
      caseId: string,
      evidenceId: string,
      opts: { format: AnnotationFormat; tier?: string },
      choosePath: (defaultName: string) => Promise<string | null>,
    ) {
      const item = await deps.item(caseId, evidenceId)
      const chosen = await choosePath(fileNameFor([item.title, opts.tier], opts.format, 'annotations'))
      if (!chosen) throw appError('CANCELLED', 'errMedia:noFileChosenNothing')
      return service.exportTo(caseId, evidenceId, { ...opts, outPath: withExtension(chosen, opts.format) })
    },

    /** The window's import: asks for a file (`choose`), then reads it in. CANCELLED when dismissed. */
    async importChosen(
      caseId: string,
      evidenceId: string,
      opts: { tier?: string },
      choose: () => Promise<string[] | null>,
    ) {
      await deps.item(caseId, evidenceId)
      const [path] = (await choose()) ?? []
      if (!path) throw appError('CANCELLED', 'errMedia:noFileChosenNothing2')
      return service.importFrom(caseId, evidenceId, path, opts)
    },
  }
  return service
}
export type TranscriptsService = ReturnType<typeof createTranscriptsService>

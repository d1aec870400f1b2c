/**
 * Examines one stored file: its embedded metadata (each reader small, each fact
 * with its source), its Content Credentials and its perceptual fingerprint, and
 * the warnings these give against what the user claims. Never throws for the
 * file's sake: what cannot be read is recorded with the reason, so an import
 * never fails on it. Every reader seeks (headers, indexes, keyframes): the file
 * is not read through again after the import's own pass.
 */
import {
  ANALYSIS_VERSION,
  C2paResult,
  claimsFor,
  consistencyWarnings,
  CAPTURE_FACTS,
  Fingerprint,
  gpsOf,
  MediaMetadata,
  type BlobRef,
  type ConsistencyWarning,
  type EvidenceItem,
  type FileAnalysis,
  type MetadataFact,
} from '@shared/domain'
import type { CasesService } from '../cases/casesService'
import { nowIso, type ServiceContext } from '../context'
import type { WorkspaceService } from '../workspace/workspaceService'
import { readC2pa } from './c2pa'
import type { FileSource } from './fileSource'
import { imageFingerprint, videoFingerprint } from './fingerprint'
import { EXIFR, readExif } from './readers/exif'
import { errorText, type FactList } from './readers/facts'
import { readFfprobe } from './readers/ffprobe'
import { readImageHeader, SHARP } from './readers/image'
import { MEDIAINFO, readMediainfo } from './readers/mediainfo'
import { PDFLIB, readPdf } from './readers/pdf'
import { zoneAt } from './sun'
import { findTools, type Tools } from './tools'

type Category = 'image' | 'media' | 'pdf' | 'other'

/** What kind of reading a file gets: by its media type, else by its first bytes. */
async function categoryOf(src: FileSource, mediaType: string): Promise<Category> {
  if (mediaType === 'image/svg+xml') return 'other'
  if (mediaType.startsWith('image/')) return 'image'
  if (mediaType.startsWith('video/') || mediaType.startsWith('audio/')) return 'media'
  if (mediaType === 'application/pdf') return 'pdf'
  const b = await src.read(0, 16)
  if ((b[0] === 0xff && b[1] === 0xd8) || b.toString('latin1', 1, 4) === 'PNG') return 'image'
  if (b.toString('latin1', 4, 8) === 'ftyp' || b.toString('latin1', 0, 4) === '\x1aE\xdf\xa3') return 'media'
  if (b.toString('latin1', 0, 4) === '%PDF') return 'pdf'
  return 'other'
}

/**
 * A tool's message names what it was given: a lent file's loopback URL (a secret while it lives) or the
 * blob's path on this machine (meaningless once the workspace moves). Kept as "the file" instead, so a file
 * stored plain or sealed is reported in the same words.
 */
function withoutToolInput(src: FileSource, a: FileAnalysis): FileAnalysis {
  const input = JSON.stringify(src.toolInput).slice(1, -1)
  const text = JSON.stringify(a)
  return text.includes(input) ? (JSON.parse(text.split(input).join('the file')) as FileAnalysis) : a
}

interface Reading {
  lists: FactList[]
  readers: string[]
  problems: string[]
}

async function attempt(r: Reading, label: string, fn: () => Promise<FactList>) {
  try {
    r.lists.push(await fn())
    r.readers.push(label)
  } catch (e) {
    r.problems.push(`${label}: ${errorText(e)}`)
  }
}

/** One fact per name: the first reader that found it wins (the order of the readers says whose word counts). */
function merge(lists: FactList[]): MetadataFact[] {
  const out: MetadataFact[] = []
  for (const l of lists) for (const f of l.facts) if (!out.some((o) => o.name === f.name)) out.push(f)
  return out
}

export interface AnalyserOptions {
  /** The external tools to use; omitted: found on PATH. `null` for one forces its fallback. */
  tools?: Partial<Tools>
}

export function createAnalyser(
  ctx: ServiceContext,
  deps: { workspace: WorkspaceService; cases: CasesService },
  options: AnalyserOptions = {},
) {
  async function tools(): Promise<Tools> {
    const found = await findTools()
    return {
      ffprobe: options.tools && 'ffprobe' in options.tools ? (options.tools.ffprobe ?? null) : found.ffprobe,
      ffmpeg: options.tools && 'ffmpeg' in options.tools ? (options.tools.ffmpeg ?? null) : found.ffmpeg,
    }
  }

  async function readMetadata(src: FileSource, category: Category, t: Tools, signal?: AbortSignal) {
    const r: Reading = { lists: [], readers: [], problems: [] }
    if (category === 'image') {
      await attempt(r, EXIFR, () => readExif(src))
      await attempt(r, SHARP, () => readImageHeader(src))
    } else if (category === 'media') {
      if (t.ffprobe) await attempt(r, t.ffprobe.label, () => readFfprobe(src.toolInput, t.ffprobe!, signal))
      if (!r.lists.length)
        await attempt(r, `${MEDIAINFO}${t.ffprobe ? '' : ' (ffprobe not found on PATH)'}`, () => readMediainfo(src))
    } else if (category === 'pdf') {
      await attempt(r, PDFLIB, () => readPdf(src))
    } else {
      return MediaMetadata.parse({
        status: 'unsupported',
        reason: 'No metadata reader covers this kind of file (images, video, audio and PDF are read).',
      })
    }
    const facts = merge(r.lists)
    const descriptive = facts.filter((f) => CAPTURE_FACTS.includes(f.name))
    const problems = r.problems.join('; ')
    if (!r.lists.length)
      return MediaMetadata.parse({
        status: 'unreadable',
        reason: `No metadata found: the readers could not parse the file (${problems}).`,
        readers: [],
        facts: [],
      })
    return MediaMetadata.parse({
      status: descriptive.length ? 'found' : 'none',
      reason: descriptive.length
        ? problems
        : `No metadata found: the file was read, and holds no capture time, device or location${facts.length ? ` (only ${facts.map((f) => f.name).join(', ')})` : ''}.${problems ? ` ${problems}` : ''}`,
      readers: r.readers,
      facts,
    })
  }

  async function fingerprint(
    src: FileSource,
    category: Category,
    metadata: MediaMetadata,
    t: Tools,
    signal?: AbortSignal,
  ): Promise<Fingerprint> {
    try {
      if (category === 'image') return await imageFingerprint(src)
      if (category !== 'media') return Fingerprint.parse({ status: 'skipped', reason: 'not an image or a video' })
      const hasVideo = metadata.facts.some((f) => f.name === 'videoCodec')
      if (!hasVideo && metadata.status !== 'unreadable')
        return Fingerprint.parse({ status: 'skipped', reason: 'no picture (sound only)' })
      if (!t.ffmpeg)
        return Fingerprint.parse({
          status: 'skipped',
          reason: 'ffmpeg not found on PATH: video keyframes were not hashed (install ffmpeg and re-read)',
        })
      const duration = metadata.facts.find((f) => f.name === 'duration')?.value
      return await videoFingerprint(src.toolInput, t.ffmpeg, {
        durationSeconds: typeof duration === 'number' ? duration : undefined,
        signal,
      })
    } catch (e) {
      return Fingerprint.parse({ status: 'skipped', reason: `could not be made: ${errorText(e)}` })
    }
  }

  return {
    /** Reads a file (never changing it). `file` says what it is. */
    async analyse(src: FileSource, file: BlobRef, opts: { signal?: AbortSignal } = {}): Promise<FileAnalysis> {
      const t = await tools()
      const settings = (await deps.workspace.settings()).verification
      let category: Category
      try {
        category = await categoryOf(src, file.mediaType)
      } catch (e) {
        category = 'other'
        void e
      }
      const [metadata, c2pa] = await Promise.all([
        readMetadata(src, category, t, opts.signal).catch((e) =>
          MediaMetadata.parse({ status: 'unreadable', reason: `No metadata found: ${errorText(e)}` }),
        ),
        readC2pa(src, settings.c2paTrustAnchors).catch((e) =>
          C2paResult.parse({ status: 'error', reason: errorText(e) }),
        ),
      ])
      const print = await fingerprint(src, category, metadata, t, opts.signal)
      return withoutToolInput(src, {
        version: ANALYSIS_VERSION,
        sha256: file.sha256,
        analysedAt: nowIso(ctx),
        metadata,
        c2pa,
        fingerprint: print,
        warnings: [],
      })
    },

    /** The warnings of an analysis against the item's claims as they stand in its case now. */
    async warningsFor(
      caseId: string,
      item: Pick<EvidenceItem, 'id' | 'eventDate' | 'eventIds' | 'kind'>,
      analysis: Pick<FileAnalysis, 'metadata' | 'c2pa'>,
    ): Promise<{ warnings: ConsistencyWarning[]; claims: ReturnType<typeof claimsFor> }> {
      const [content, settings] = await Promise.all([deps.cases.content(caseId), deps.workspace.settings()])
      const claims = claimsFor(item, content.events)
      const gps = gpsOf(analysis.metadata.facts)
      const gpsZone = gps ? (zoneAt(gps.latitude, gps.longitude) ?? undefined) : undefined
      return {
        claims,
        warnings: consistencyWarnings(
          analysis,
          claims,
          { settings: settings.verification, gpsZone, defaultZone: settings.defaultTimeZone },
          item.kind,
        ),
      }
    },

    tools,
  }
}
export type Analyser = ReturnType<typeof createAnalyser>

/**
 * Stills and clips as exhibits of their own: a frame or a time range of a video
 * becomes a new item in the blob store with its own SHA-256, and its first
 * custody entry names the source's SHA-256 and the time code. The source file is
 * only read, never changed. A still grabbed by the window (PNG bytes) or cut
 * here with ffmpeg; a clip needs ffmpeg.
 */
import { appError } from '@shared/i18n/appError'
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { factOf, formatTimecode, type EvidenceItem } from '@shared/domain'
import type { Language } from '@shared/domain/language'
import { say } from '@shared/i18n'
import { vaultFor } from '@main/storage/crypto/vault'
import type { EvidenceService } from './evidenceService'
import type { ImportOptions } from './evidenceImports'
import { lendPlainBytes, withoutUrl } from './plainLoopback'
import { INDEXER, withSeekIndex } from './webmIndex'
import { inputOptions, refusedFormat, toolEnv, toolProblem } from '../verification/tools'

/** A still (PNG) is a frame; a clip shorter than ten minutes is what an exhibit needs. */
const MAX_STILL = 25 * 1024 * 1024
const MAX_CLIP_SECONDS = 600

function ffmpegError(e: NodeJS.ErrnoException) {
  return e.code === 'ENOENT'
    ? appError('NOT_FOUND', 'errMedia:ffmpegInstalledHereGrab')
    : e.name === 'AbortError'
      ? appError('CANCELLED', 'errMedia:cancelledNothingStored')
      : e
}

/** What ffmpeg's stderr says went wrong: a container it may not read, by name, or its own last line. */
function ffmpegFailure(stderr: string, code: string, redact: (text: string) => string) {
  const format = refusedFormat(stderr)
  if (format) return appError('VALIDATION', 'errMedia:notMediaContainer', { format })
  // Nothing of the kind asked for in the source (a "sound recording" with no sound track): said, not ffmpeg's words.
  if (/does not contain any stream/.test(stderr)) return appError('VALIDATION', 'errMedia:noStreamToCut')
  return appError('IO', 'errMedia:ffmpegCouldCutFile', { value: redact(toolProblem(stderr, code)) })
}

/**
 * Runs ffmpeg; with `stdout`, yields what it writes there and fails after the last byte when
 * ffmpeg failed, so whatever stores the bytes throws them away instead of keeping half a file.
 */
async function* ffmpeg(
  args: string[],
  signal?: AbortSignal,
  stdout = false,
  redact: (text: string) => string = (t) => t,
): AsyncGenerator<Buffer> {
  const p = spawn('ffmpeg', ['-v', 'error', '-nostdin', ...args], {
    stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'],
    signal,
    env: toolEnv(),
  })
  let err = ''
  p.stderr!.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-2_000)))
  const done = new Promise<void>((resolve, reject) => {
    p.on('error', (e: NodeJS.ErrnoException) => reject(ffmpegError(e)))
    p.on('close', (code) => (code === 0 ? resolve() : reject(ffmpegFailure(err, `${code}`, redact))))
  })
  done.catch(() => undefined) // awaited below; never unhandled while the output is read
  if (p.stdout) for await (const chunk of p.stdout) yield chunk as Buffer
  await done
}

/** The length in seconds ffprobe reads from the file (or URL), or undefined (no ffprobe, no answer). */
function probeDuration(input: string, signal?: AbortSignal): Promise<number | undefined> {
  return new Promise((resolve) => {
    execFile(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', ...inputOptions(input), input],
      { timeout: 60_000, signal, env: toolEnv() },
      (err, stdout) => {
        const n = Number(String(stdout).trim())
        resolve(!err && Number.isFinite(n) && n > 0 ? n : undefined)
      },
    )
  })
}

/** Runs ffmpeg for what it writes to a file. */
async function runFfmpeg(args: string[], signal?: AbortSignal): Promise<void> {
  for await (const chunk of ffmpeg(args, signal)) void chunk
}

export function createDerivedExhibits(evidence: EvidenceService) {
  /** The item a still (of a video) or a clip (of a video or a sound recording) is taken from. */
  async function source(
    caseId: string,
    evidenceId: string,
    what: 'still' | 'clip',
  ): Promise<EvidenceItem & { file: NonNullable<EvidenceItem['file']> }> {
    const item = await evidence.get(caseId, evidenceId)
    if (!item.file) throw appError('VALIDATION', 'errMedia:hasNoStoredFile3', { title: item.title })
    if (item.kind !== 'video' && (what === 'still' || item.kind !== 'audio'))
      throw appError('VALIDATION', 'errMedia:stillsClipsComeVideos', {
        what,
        title: item.title,
        kind: item.kind.replace(/ /g, '_'),
      })
    return item as EvidenceItem & { file: NonNullable<EvidenceItem['file']> }
  }

  /** The source's length in seconds as its examination read it; undefined when it was not read. */
  function durationOf(src: EvidenceItem): number | undefined {
    const fact = src.analysis && factOf(src.analysis.metadata.facts, 'duration')
    const n = Number(fact?.value)
    return Number.isFinite(n) && n > 0 ? n : undefined
  }

  /** A time past the end gives no frame: said plainly, rather than an empty exhibit or a temp-file error. */
  function assertWithin(src: EvidenceItem, length: number | undefined, at: number, what: 'still' | 'clip'): void {
    if (length !== undefined && at >= length)
      throw appError('VALIDATION', 'errMedia:pastEndLong', {
        what,
        timecode: formatTimecode(at),
        title: src.title,
        timecode2: formatTimecode(length),
      })
  }

  /**
   * The source as ffmpeg's input: the stored file, or in an encrypted workspace, where that file is
   * sealed, its original bytes lent on a loopback URL while `use` runs (plainLoopback.ts).
   */
  async function withInput<T>(
    src: { file: { sha256: string } },
    use: (input: string, sealed: boolean, whole: () => void) => Promise<T>,
  ): Promise<T> {
    const path = await evidence.blobPath(src.file.sha256)
    return vaultFor(path) ? lendPlainBytes(path, (url, whole) => use(url, true, whole)) : use(path, false, () => {})
  }

  /** ffmpeg's output, failing after its last byte when the source was not read whole (so nothing is kept). */
  async function* readWhole(bytes: AsyncGenerator<Buffer>, whole: () => void): AsyncGenerator<Buffer> {
    yield* bytes
    whole()
  }

  /** Runs `make` in a temp folder, imports what it wrote, and removes the folder whatever happens. */
  async function viaTemp(fn: (dir: string) => Promise<EvidenceItem>): Promise<EvidenceItem> {
    const dir = await mkdtemp(join(tmpdir(), 'casefile-derived-'))
    try {
      return await fn(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  return {
    /**
     * A still at `at` seconds: the PNG the window grabbed from the player, or a frame ffmpeg cuts.
     * Linked to the source's events, so it shows where the source does.
     */
    async still(
      caseId: string,
      evidenceId: string,
      at: number,
      opts: { png?: Buffer; title?: string; language?: Language; signal?: AbortSignal } = {},
    ): Promise<EvidenceItem> {
      const src = await source(caseId, evidenceId, 'still')
      if (!(at >= 0)) throw appError('VALIDATION', 'errMedia:stillNeedsTimeCode')
      if (opts.png && (opts.png.length > MAX_STILL || opts.png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a'))
        throw appError('VALIDATION', 'errMedia:stillMustPngImage')
      if (opts.png) assertWithin(src, durationOf(src), at, 'still')
      const code = formatTimecode(at)
      // Straight into the blob store (sealed there in an encrypted workspace): never a temp file.
      // A time after the last frame but before the container's end gives no picture: said, never stored empty.
      async function* someFrame(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
        let size = 0
        for await (const b of bytes) {
          size += b.length
          yield b
        }
        if (size === 0) throw appError('VALIDATION', 'errMedia:noFrameAt', { timecode: code, title: src.title })
      }
      const still = (bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) =>
        evidence.importBytes(caseId, someFrame(bytes), `${src.file.originalName} @ ${code}.png`, {
          title:
            opts.title?.trim() ||
            say(opts.language ?? 'en', 'evidence:exhibitTools.stillTitle', { title: src.title, code }).slice(0, 500),
          kind: 'image',
          mediaType: 'image/png',
          details: { eventIds: src.eventIds, tags: ['still'] },
          derivation: {
            from: { evidenceId: src.id, sha256: src.file.sha256, kind: 'still', at },
            detail: `Still at ${code} ${opts.png ? 'grabbed in the player' : 'cut with ffmpeg'} from "${src.title}" (${src.id}, SHA-256 ${src.file.sha256}); the original is unchanged.`,
          },
          signal: opts.signal,
        })
      if (opts.png) return still([opts.png])
      return withInput(src, async (input, _sealed, whole) => {
        // Unexamined (its length unknown): asked of the file, so a time past the end is said, not stored empty.
        assertWithin(src, durationOf(src) ?? (await probeDuration(input, opts.signal)), at, 'still')
        return still(
          readWhole(
            ffmpeg(
              [
                '-ss',
                String(at),
                ...inputOptions(input),
                '-i',
                input,
                '-frames:v',
                '1',
                '-f',
                'image2pipe',
                '-c:v',
                'png',
                '-',
              ],
              opts.signal,
              true,
              (t) => withoutUrl(t, input, `"${src.title}"`),
            ),
            whole,
          ),
        )
      })
    },

    /**
     * A clip from `from` to `to` seconds, re-encoded (WebM) so it starts on the frame asked for; of a
     * sound recording, the sound alone (Opus in WebM).
     */
    async clip(
      caseId: string,
      evidenceId: string,
      from: number,
      to: number,
      opts: { title?: string; language?: Language; signal?: AbortSignal } = {},
    ): Promise<EvidenceItem> {
      const src = await source(caseId, evidenceId, 'clip')
      if (!(from >= 0) || !(to > from)) throw appError('VALIDATION', 'errMedia:clipNeedsStartLater')
      if (to - from > MAX_CLIP_SECONDS) throw appError('VALIDATION', 'errMedia:clipMostTenMinutes')
      return withInput(src, async (input, sealed, whole) => {
        const length = durationOf(src) ?? (await probeDuration(input, opts.signal))
        assertWithin(src, length, from, 'clip')
        // An end past the source's own is the end: the title and custody name the range the clip holds.
        if (length !== undefined && to > length) to = length
        const range = `${formatTimecode(from)}–${formatTimecode(to)}`
        const audio = src.kind === 'audio'
        const encode = [
          '-ss',
          String(from),
          ...inputOptions(input),
          '-i',
          input,
          '-t',
          String(to - from),
          ...(audio ? ['-vn'] : ['-c:v', 'libvpx-vp9', '-b:v', '1M', '-row-mt', '1', '-deadline', 'realtime']),
          '-c:a',
          'libopus',
        ]
        const name = `${src.file.originalName} @ ${range.replace('–', '-')}.webm`
        const details: ImportOptions = {
          title:
            opts.title?.trim() ||
            say(opts.language ?? 'en', 'evidence:exhibitTools.clipTitle', { title: src.title, range }).slice(0, 500),
          kind: audio ? 'audio' : 'video',
          mediaType: audio ? 'audio/webm' : 'video/webm',
          details: { eventIds: src.eventIds, tags: ['clip'] },
          derivation: {
            from: { evidenceId: src.id, sha256: src.file.sha256, kind: 'clip', at: from, to },
            detail: `Clip ${range} cut with ffmpeg from "${src.title}" (${src.id}, SHA-256 ${src.file.sha256}); the original is unchanged.`,
          },
          signal: opts.signal,
        }
        // Sealed source (read on loopback): written to a pipe, given its seek index in memory (webmIndex.ts),
        // then sealed into the blob store; never a plain file. Otherwise a temp file, indexed by ffmpeg.
        if (sealed) {
          const parts: Buffer[] = []
          for await (const part of ffmpeg([...encode, '-f', 'webm', '-'], opts.signal, true, (t) =>
            withoutUrl(t, input, `"${src.title}"`),
          ))
            parts.push(part)
          whole()
          const { bytes, indexed } = await withSeekIndex(Buffer.concat(parts))
          const derivation = details.derivation!
          const detail = indexed
            ? `${derivation.detail} Its seek index and length were then written by ${INDEXER} (the same packets in a new WebM container).`
            : derivation.detail
          return evidence.importBytes(caseId, [bytes], name, { ...details, derivation: { ...derivation, detail } })
        }
        return viaTemp(async (dir) => {
          const out = join(dir, 'clip.webm')
          await runFfmpeg([...encode, out], opts.signal)
          return evidence.importFile(caseId, out, { ...details, originalName: name })
        })
      })
    },
  }
}
export type DerivedExhibits = ReturnType<typeof createDerivedExhibits>

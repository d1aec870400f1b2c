/**
 * The perceptual fingerprint of an image (sharp decodes it to 32×32 gray) or of
 * a video's keyframes (ffmpeg decodes keyframes only, at most one a second,
 * straight to 32×32 gray: it seeks from keyframe to keyframe and never decodes
 * or reads the frames between them).
 */
import sharp from 'sharp'
import { Fingerprint, keyframesTool } from '@shared/domain'
import { pathOrBytes, type FileSource } from './fileSource'
import { inputOptions, runTool, type Tool } from './tools'
import { dHash, isFlat, pHash, PIXELS, SIDE } from './hashes'
import { SHARP } from './readers/image'

/** At most this many keyframes a video; a longer one is sampled more sparsely. */
export const MAX_FRAMES = 3_600

export async function imageFingerprint(src: FileSource): Promise<Fingerprint> {
  const px = new Uint8Array(
    await sharp(await pathOrBytes(src), { failOn: 'none', limitInputPixels: 268_402_689 })
      .rotate()
      .greyscale()
      .resize(SIDE, SIDE, { fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer(),
  )
  if (isFlat(px))
    return Fingerprint.parse({
      status: 'skipped',
      reason: 'the picture is almost uniform (no content to match)',
      tool: SHARP,
    })
  return Fingerprint.parse({
    status: 'done',
    kind: 'image',
    dhash: dHash(px),
    phash: pHash(px),
    framesSeen: 1,
    tool: SHARP,
  })
}

export async function videoFingerprint(
  input: string,
  ffmpeg: Tool,
  opts: { durationSeconds?: number; signal?: AbortSignal } = {},
): Promise<Fingerprint> {
  const gap = Math.max(0.95, (opts.durationSeconds ?? 0) / MAX_FRAMES)
  const times: number[] = []
  let pending = ''
  const r = await runTool(
    ffmpeg.path,
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'info',
      // Drop non-key packets in the demuxer (read past, not decoded) and decode keyframes only.
      '-discard',
      'nokey',
      '-skip_frame',
      'nokey',
      // Deblocking changes nothing a 32×32 picture shows; one decoding thread leaves the other core to the import.
      '-skip_loop_filter',
      'all',
      '-threads',
      '1',
      ...inputOptions(input),
      '-i',
      input,
      '-map',
      '0:v:0',
      '-an',
      '-sn',
      '-dn',
      '-vf',
      `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${gap.toFixed(3)})',scale=${SIDE}:${SIDE}:flags=area,format=gray,showinfo`,
      '-fps_mode',
      'passthrough',
      '-frames:v',
      String(MAX_FRAMES),
      '-f',
      'rawvideo',
      '-',
    ],
    {
      timeoutMs: 10 * 60_000,
      maxStdout: (MAX_FRAMES + 1) * PIXELS,
      signal: opts.signal,
      onStderr(chunk) {
        pending += chunk
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const l of lines) {
          const m = /Parsed_showinfo.*\bpts_time:\s*(-?[\d.]+)/.exec(l)
          if (m) times.push(Math.max(0, Number(m[1])))
        }
      },
    },
  )
  // The last line may come without its newline: its time counts too.
  const tail = /Parsed_showinfo.*\bpts_time:\s*(-?[\d.]+)/.exec(pending)
  if (tail) times.push(Math.max(0, Number(tail[1])))
  const frames = Math.floor(r.stdout.length / PIXELS)
  if (r.code !== 0 && frames === 0) throw new Error(`ffmpeg could not decode the video's keyframes (exit ${r.code})`)
  if (frames === 0)
    return Fingerprint.parse({
      status: 'skipped',
      reason: 'no video frames found',
      tool: `${ffmpeg.label} (keyframes)`,
    })
  let dhash = ''
  let phash = ''
  const kept: number[] = []
  for (let i = 0; i < frames; i++) {
    const px = r.stdout.subarray(i * PIXELS, (i + 1) * PIXELS)
    if (isFlat(px)) continue
    dhash += dHash(px)
    phash += pHash(px)
    kept.push(Math.round((times[i] ?? i * gap) * 1000) / 1000)
  }
  if (!kept.length)
    return Fingerprint.parse({
      status: 'skipped',
      reason: 'every keyframe is almost uniform (no content to match)',
      framesSeen: frames,
      tool: `${ffmpeg.label} (keyframes)`,
    })
  return Fingerprint.parse({
    status: 'done',
    kind: 'video',
    times: kept,
    dhash,
    phash,
    framesSeen: frames,
    tool: keyframesTool(ffmpeg.label, gap),
  })
}

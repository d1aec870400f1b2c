/**
 * webmIndex.ts: a clip ffmpeg wrote to a pipe (no seek index, no duration)
 * comes back with both, its packets unchanged; what cannot be rewritten comes
 * back as it was.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tracksOf, withSeekIndex } from '@main/services/evidence/webmIndex'
import { hasFfmpeg } from '../../../helpers/media'
import { useTempDirs } from '../../../helpers/tmp'

const tempDir = useTempDirs()

const CUES = Buffer.from('1c53bb6b', 'hex')

/** ffprobe on bytes given on its standard input (no file). */
const probe = (bytes: Buffer, args: string[]) =>
  execFileSync('ffprobe', ['-v', 'error', ...args, '-of', 'csv=p=0', '-i', 'pipe:0'], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
  }).toString()

/** A 4-second VP9 + Opus WebM as ffmpeg writes it to a pipe. */
const pipedClip = () =>
  execFileSync(
    'ffmpeg',
    [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=4:size=160x120:rate=25',
      '-f', 'lavfi', '-i', 'sine=duration=4', '-c:v', 'libvpx-vp9', '-b:v', '300k', '-deadline', 'realtime',
      '-c:a', 'libopus', '-f', 'webm', '-',
    ], // prettier-ignore
    { maxBuffer: 64 * 1024 * 1024 },
  )

describe('a clip written to a pipe, given its seek index', () => {
  it.skipIf(!hasFfmpeg)("counts each track's packets as ffprobe does (what the rewrite is compared by)", async () => {
    const piped = pipedClip()
    const counted = probe(piped, ['-count_packets', '-show_entries', 'stream=codec_type,nb_read_packets'])
    const expected = counted
      .trim()
      .split('\n')
      .map((l) => l.split(','))
      .map(([type, n]) => [type, Number(n)])
    expect(expected.map(([, n]) => n as number).every((n) => n > 20)).toBe(true)
    expect(JSON.parse(await tracksOf(piped))).toEqual(expected)
  })

  it.skipIf(!hasFfmpeg)('gains Cues and a duration, with the same video packets and the same sound', async () => {
    const piped = pipedClip()
    expect(piped.includes(CUES)).toBe(false)
    expect(probe(piped, ['-show_entries', 'format=duration']).trim()).toBe('N/A')

    const { bytes: indexed, indexed: rewritten } = await withSeekIndex(piped)
    expect(rewritten).toBe(true)
    expect(indexed.includes(CUES)).toBe(true)
    expect(Number(probe(indexed, ['-show_entries', 'format=duration']))).toBeCloseTo(4, 1)
    const video = ['-select_streams', 'v', '-show_entries', 'packet=pts_time,flags,size']
    expect(probe(indexed, video)).toBe(probe(piped, video))
    // The sound decodes to the same samples at the same times (the last packet's end padding aside).
    const sound = (b: Buffer) =>
      execFileSync('ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-map', '0:a', '-f', 'framemd5', '-'], { input: b })
        .toString()
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
    const [before, after] = [sound(piped), sound(indexed)]
    expect(after.length).toBe(before.length)
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1))
  })

  it.skipIf(!hasFfmpeg)(
    'keeps the clip as ffmpeg wrote it when the rewrite would lose a track (sound that ended before the cut)',
    async () => {
      const dir = await tempDir()
      const src = join(dir, 'short-sound.mp4')
      execFileSync('ffmpeg', [
        '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=6:size=160x120:rate=25', '-f', 'lavfi',
        '-i', 'sine=duration=2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', src,
      ]) // prettier-ignore
      const piped = execFileSync(
        'ffmpeg',
        [
          '-v', 'error', '-ss', '4', '-i', src, '-t', '2', '-c:v', 'libvpx-vp9', '-deadline', 'realtime',
          '-c:a', 'libopus', '-f', 'webm', '-',
        ], // prettier-ignore
        { maxBuffer: 64 * 1024 * 1024 },
      )
      const streams = ['-show_entries', 'stream=codec_name']
      expect(probe(piped, streams).trim().split('\n')).toEqual(['vp9', 'opus'])
      const out = await withSeekIndex(piped)
      expect(out.indexed).toBe(false)
      expect(out.bytes).toBe(piped)
    },
  )

  it('returns bytes it cannot read as a WebM unchanged', async () => {
    const junk = randomBytes(5_000)
    expect(await withSeekIndex(junk)).toEqual({ bytes: junk, indexed: false })
    const cut = Buffer.from('1a45dfa3a3428682', 'hex') // an EBML header cut short
    expect(await withSeekIndex(cut)).toEqual({ bytes: cut, indexed: false })
  })
})

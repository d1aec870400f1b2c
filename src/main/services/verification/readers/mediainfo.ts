/**
 * Video and audio without ffprobe: MediaInfo compiled to WebAssembly
 * (mediainfo.js), fed by random-access reads, so a 4 GB file is never held in memory.
 */
import mediaInfoFactory, { type MediaInfo } from 'mediainfo.js'
import type { FileSource } from '../fileSource'
import { FactList, iso6709, normalizeTime } from './facts'

export const MEDIAINFO = 'mediainfo.js 0.3.8'

type Track = Record<string, unknown> & { '@type': string }

let instance: Promise<MediaInfo<'object'>> | null = null
/** One instance per process (its WebAssembly takes about 50 ms to start); analyses run one at a time. */
let queue: Promise<unknown> = Promise.resolve()

export async function readMediainfo(src: FileSource): Promise<FactList> {
  const run = queue.then(() => analyse(src))
  queue = run.catch(() => undefined)
  return run
}

async function analyse(src: FileSource): Promise<FactList> {
  instance ??= mediaInfoFactory({ format: 'object', full: true })
  const mi = await instance
  const result = await mi.analyzeData(src.size, (len, off) => src.read(off, len))
  const tracks = (result.media?.track ?? []) as unknown as Track[]
  const f = new FactList('mediainfo.js')
  const g = tracks.find((t) => t['@type'] === 'General')
  const v = tracks.find((t) => t['@type'] === 'Video')
  const a = tracks.find((t) => t['@type'] === 'Audio')
  // MediaInfo answers a file it cannot parse with no track and no format, not an error: that is no reading
  // at all. (A subtitle-only film or a picture has a format and a track of its own: it was read.)
  if (!tracks.some((t) => t['@type'] !== 'General') && !g?.Format) throw new Error('found no track and no format')
  const extra = (g?.extra ?? {}) as Record<string, unknown>
  const field = (t: Track | undefined, name: string) => (t ? t[name] : undefined)

  f.time(
    'captureTime',
    normalizeTime(extra.com_apple_quicktime_creationdate),
    'General.extra.com_apple_quicktime_creationdate',
  )
  for (const name of ['Recorded_Date', 'Encoded_Date', 'Tagged_Date']) {
    // MediaInfo writes QuickTime's UTC times as "2026-01-27 17:00:00 UTC".
    f.time('captureTime', normalizeTime(field(g, name), 'Z'), `General.${name}`)
  }
  f.add('make', extra.com_apple_quicktime_make ?? extra.com_android_manufacturer, 'General.extra make')
  f.add('model', extra.com_apple_quicktime_model ?? extra.com_android_model, 'General.extra model')
  f.add('software', extra.com_apple_quicktime_software, 'General.extra.com_apple_quicktime_software')
  f.add('encoder', field(g, 'Encoded_Application') ?? field(g, 'Encoded_Library'), 'General.Encoded_Application')
  f.add('author', field(g, 'Performer'), 'General.Performer')
  f.add('title', field(g, 'Title'), 'General.Title')
  const loc = iso6709(field(g, 'Recorded_Location') ?? extra.com_apple_quicktime_location_ISO6709 ?? extra.xyz)
  if (loc) {
    f.num('latitude', loc.latitude, 'General.Recorded_Location')
    f.num('longitude', loc.longitude, 'General.Recorded_Location')
    if (loc.altitude !== undefined) f.num('altitude', loc.altitude, 'General.Recorded_Location')
  }
  f.num('duration', field(g, 'Duration'), 'General.Duration')
  f.add('container', field(g, 'Format'), 'General.Format')
  f.num('bitRate', field(g, 'OverallBitRate'), 'General.OverallBitRate')
  if (v) {
    f.add('videoCodec', field(v, 'Format'), 'Video.Format')
    f.num('width', field(v, 'Width'), 'Video.Width')
    f.num('height', field(v, 'Height'), 'Video.Height')
    f.num('frameRate', field(v, 'FrameRate'), 'Video.FrameRate')
    const rot = Number(field(v, 'Rotation'))
    if (rot) f.num('rotation', rot, 'Video.Rotation')
  }
  if (a) {
    f.add('audioCodec', field(a, 'Format'), 'Audio.Format')
    f.num('sampleRate', field(a, 'SamplingRate'), 'Audio.SamplingRate')
    f.num('channels', field(a, 'Channels'), 'Audio.Channels')
  }
  return f
}

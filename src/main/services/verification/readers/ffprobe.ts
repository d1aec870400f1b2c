/** Video and audio: container and stream facts through ffprobe (reads the header and index, seeks past the rest). */
import { inputOptions, runTool, toolProblem, type Tool } from '../tools'
import { FactList, iso6709, normalizeTime, ratio } from './facts'

type Tags = Record<string, string>
interface Stream {
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  r_frame_rate?: string
  avg_frame_rate?: string
  sample_rate?: string
  channels?: number
  duration?: string
  tags?: Tags
  side_data_list?: { rotation?: number }[]
  /** attached_pic: 1 for a cover picture carried beside the sound, not a picture track. */
  disposition?: { attached_pic?: number }
}
interface Probe {
  format?: { format_name?: string; format_long_name?: string; duration?: string; bit_rate?: string; tags?: Tags }
  streams?: Stream[]
}

/** Tags differ in case between containers (creation_time, CREATION_TIME, com.apple.quicktime.make …). */
function tag(tags: Tags | undefined, ...names: string[]): [string, string] | undefined {
  if (!tags) return undefined
  const lower = Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), [k, v] as [string, string]]))
  for (const n of names) if (lower[n]) return lower[n]
  return undefined
}

export async function readFfprobe(input: string, tool: Tool, signal?: AbortSignal): Promise<FactList> {
  const r = await runTool(
    tool.path,
    [
      '-v',
      'error',
      '-hide_banner',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      ...inputOptions(input),
      input,
    ],
    { timeoutMs: 60_000, maxStdout: 8 * 1024 * 1024, signal },
  )
  if (r.code !== 0) throw new Error(toolProblem(r.stderr, `ffprobe exited with ${r.code}`))
  const p = JSON.parse(r.stdout.toString('utf8')) as Probe
  const f = new FactList('ffprobe')
  const fmt = p.format ?? {}
  const ft = fmt.tags
  // A cover picture is marked as such; a camera's Motion-JPEG footage is a video all the same.
  const video = p.streams?.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1)
  const audio = p.streams?.find((s) => s.codec_type === 'audio')

  // Apple writes the local time with its offset; creation_time is UTC by the QuickTime spec.
  const apple = tag(ft, 'com.apple.quicktime.creationdate')
  if (apple) f.time('captureTime', normalizeTime(apple[1]), `format.tags.${apple[0]}`)
  const created = tag(ft, 'creation_time', 'date') ?? tag(video?.tags, 'creation_time')
  if (created) {
    // A QuickTime creation_time with no zone is UTC by definition.
    f.time('captureTime', normalizeTime(created[1], 'Z'), `format.tags.${created[0]}`)
  }
  const make = tag(ft, 'com.apple.quicktime.make', 'make', 'com.android.manufacturer')
  if (make) f.add('make', make[1], `format.tags.${make[0]}`)
  const model = tag(ft, 'com.apple.quicktime.model', 'model', 'com.android.model')
  if (model) f.add('model', model[1], `format.tags.${model[0]}`)
  const sw = tag(ft, 'com.apple.quicktime.software', 'software', 'com.android.version')
  if (sw) f.add('software', sw[1], `format.tags.${sw[0]}`)
  const enc = tag(ft, 'encoder', 'encoded_by', 'encoding_tool') ?? tag(video?.tags, 'encoder')
  if (enc) f.add('encoder', enc[1], `format.tags.${enc[0]}`)
  const author = tag(ft, 'artist', 'author', 'com.apple.quicktime.author')
  if (author) f.add('author', author[1], `format.tags.${author[0]}`)
  const title = tag(ft, 'title', 'com.apple.quicktime.title')
  if (title) f.add('title', title[1], `format.tags.${title[0]}`)
  const loc = tag(ft, 'com.apple.quicktime.location.iso6709', 'location', 'location-eng')
  const pos = loc && iso6709(loc[1])
  if (loc && pos) {
    f.num('latitude', pos.latitude, `format.tags.${loc[0]}`)
    f.num('longitude', pos.longitude, `format.tags.${loc[0]}`)
    if (pos.altitude !== undefined) f.num('altitude', pos.altitude, `format.tags.${loc[0]}`)
  }
  f.num('duration', fmt.duration, 'format.duration')
  f.add('container', fmt.format_long_name ?? fmt.format_name, 'format.format_long_name')
  f.num('bitRate', fmt.bit_rate, 'format.bit_rate')
  if (video) {
    f.add('videoCodec', video.codec_name, 'streams[video].codec_name')
    f.num('width', video.width, 'streams[video].width')
    f.num('height', video.height, 'streams[video].height')
    f.num('frameRate', ratio(video.avg_frame_rate) || ratio(video.r_frame_rate), 'streams[video].avg_frame_rate')
    const rot = video.side_data_list?.find((s) => typeof s.rotation === 'number')?.rotation ?? video.tags?.rotate
    if (rot !== undefined && Number(rot) !== 0) f.num('rotation', rot, 'streams[video] rotation')
  }
  if (audio) {
    f.add('audioCodec', audio.codec_name, 'streams[audio].codec_name')
    f.num('sampleRate', audio.sample_rate, 'streams[audio].sample_rate')
    f.num('channels', audio.channels, 'streams[audio].channels')
  }
  return f
}

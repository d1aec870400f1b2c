/**
 * The external programs the readers use when the machine has them: ffprobe
 * (media metadata) and ffmpeg (video keyframes). Found on PATH once per process
 * (or named by CASEFILE_FFPROBE / CASEFILE_FFMPEG); without them the readers
 * fall back to mediainfo.js, and video keyframes are not hashed.
 */
import { execFile, spawn } from 'node:child_process'
import { access, constants } from 'node:fs/promises'
import { delimiter, join } from 'node:path'

export interface Tool {
  path: string
  /** "ffprobe 5.1.9" */
  label: string
}

/** The tools to use; null: not available (tests set this to force the fallbacks). */
export interface Tools {
  ffprobe: Tool | null
  ffmpeg: Tool | null
}

async function onPath(name: string): Promise<string | null> {
  const exts = process.platform === 'win32' ? ['.exe', ''] : ['']
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    for (const ext of exts) {
      const p = join(dir, name + ext)
      if (
        await access(p, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return p
    }
  }
  return null
}

function versionOf(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['-version'], { timeout: 10_000 }, (err, stdout) => {
      if (err) return resolve(null)
      const m = /version\s+(\S+)/.exec(stdout)
      resolve(m ? m[1].replace(/-.*$/, '') : 'unknown')
    })
  })
}

async function find(name: 'ffprobe' | 'ffmpeg', envVar: string): Promise<Tool | null> {
  const path = process.env[envVar] || (await onPath(name))
  if (!path) return null
  const version = await versionOf(path)
  return version ? { path, label: `${name} ${version}` } : null
}

let found: Promise<Tools> | null = null

/** ffprobe and ffmpeg as this machine has them (looked up once). */
export function findTools(): Promise<Tools> {
  found ??= Promise.all([find('ffprobe', 'CASEFILE_FFPROBE'), find('ffmpeg', 'CASEFILE_FFMPEG')]).then(
    ([ffprobe, ffmpeg]) => ({ ffprobe, ffmpeg }),
  )
  return found
}

/**
 * The environment ffprobe and ffmpeg run in: this process's, without a proxy. ffmpeg's HTTP sends every
 * request through http_proxy when one is set, and a loopback URL (a sealed file lent) must never leave
 * this machine or show its secret path to anyone.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (/^(http|https|ftp|all)_proxy$/i.test(name)) delete env[name]
  return { ...env, no_proxy: '*', NO_PROXY: '*' }
}

export interface RunResult {
  code: number | null
  stdout: Buffer
  stderr: string
}

/**
 * Runs a program to the end, collecting its output (stdout up to `maxStdout`
 * bytes: past that it is stopped). Stopped after `timeoutMs` or on `signal`.
 * Never throws for the program's own failure: the caller reads `code`.
 */
export function runTool(
  path: string,
  args: string[],
  opts: { timeoutMs: number; maxStdout: number; signal?: AbortSignal; onStderr?: (chunk: string) => void },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env: toolEnv() })
    const out: Buffer[] = []
    let size = 0
    let stderr = ''
    let killedFor = ''
    const kill = (why: string) => {
      if (!killedFor) killedFor = why
      child.kill('SIGKILL')
    }
    const timer = setTimeout(() => kill(`stopped after ${Math.round(opts.timeoutMs / 1000)} s`), opts.timeoutMs)
    const onAbort = () => kill('cancelled')
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.on('data', (d: Buffer) => {
      size += d.length
      if (size > opts.maxStdout) kill('too much output')
      else out.push(d)
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (d: string) => {
      if (opts.onStderr) opts.onStderr(d)
      else if (stderr.length < 64_000) stderr += d
    })
    child.on('error', (e) => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (killedFor) return reject(new Error(`${path.split(/[\\/]/).pop()} ${killedFor}`))
      resolve({ code, stdout: Buffer.concat(out), stderr })
    })
  })
}

/**
 * The containers ffprobe and ffmpeg may read evidence as: video and audio containers, elementary streams
 * and single pictures, never a demuxer that opens what the file names (HLS, DASH, concat, SDP, RTSP, IMF,
 * image sequences). A manifest stored as evidence would otherwise make them read other files of this
 * machine (a DASH BaseURL of file:/…) or, from a loopback URL, fetch any address.
 */
export const MEDIA_DEMUXERS = [
  ...['mov', 'matroska', 'webm', 'avi', 'mpegts', 'mpeg', 'mpegvideo', 'ogg', 'flv', 'asf', 'mxf', 'nut', 'dv', 'rm'],
  ...['wtv', 'ivf', 'obu', 'm4v', 'h261', 'h263', 'h264', 'hevc', 'vc1', 'mjpeg', 'gif', 'yuv4mpegpipe'],
  ...['mp3', 'aac', 'loas', 'wav', 'w64', 'flac', 'amr', 'amrnb', 'amrwb', 'ac3', 'eac3', 'caf', 'aiff', 'au', 'dts'],
  ...['wv', 'ape', 'tta', 'mpc', 'mpc8', 'truehd', 'mlp', 'voc', 'gsm'],
  ...['jpeg_pipe', 'png_pipe', 'webp_pipe', 'bmp_pipe', 'tiff_pipe', 'gif_pipe'],
].join(',')

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\//

/**
 * What ffprobe and ffmpeg are told before their input: read it only as one of MEDIA_DEMUXERS, and only
 * through the file protocol (a path) or over HTTP (a loopback URL, a sealed file lent by
 * evidence/plainLoopback.ts). A playlist is refused before it names anything.
 */
export const inputOptions = (input: string): string[] => [
  ...['-protocol_whitelist', LOOPBACK.test(input) ? 'http,tcp' : 'file'],
  ...['-format_whitelist', MEDIA_DEMUXERS],
]

/** The container a tool refused to read (not on MEDIA_DEMUXERS), as its stderr names it. */
export const refusedFormat = (stderr: string): string | undefined =>
  /Format not on whitelist/.test(stderr) ? /\[(\w+) @/.exec(stderr)?.[1] : undefined

/** A tool's stderr as one line a person can act on: a refused container said as such, else the last line. */
export function toolProblem(stderr: string, fallback: string): string {
  const refused = refusedFormat(stderr)
  if (refused) return `not a video or audio container ffmpeg may read (it reads as "${refused}")`
  return stderr.trim().split('\n').pop() || fallback
}

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
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
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

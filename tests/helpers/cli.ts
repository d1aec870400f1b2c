import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real command line (bin/casefile.mjs) as a child process. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const bin = join(__dirname, '..', '..', 'bin', 'casefile.mjs')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? join(__dirname, '..', '..'),
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

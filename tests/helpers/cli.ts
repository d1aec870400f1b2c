import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the command line from its sources (tests/helpers/cliFromSources.mjs) as a
 * child process; `bin: true` runs bin/casefile.mjs as a user would (the bundle
 * when dist/cli holds one).
 */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; bin?: boolean } = {},
): Promise<CliResult> {
  const bin = opts.bin ? join(__dirname, '..', '..', 'bin', 'casefile.mjs') : join(__dirname, 'cliFromSources.mjs')
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

/**
 * Runs the command line in this process (`main(argv, io)` of src/main/cli.ts):
 * the same code as a real run, without a process start per command.
 */
export async function runMain(args: string[]): Promise<CliResult> {
  const { main } = await import('@main/cli')
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, stdout: out.length ? `${out.join('\n')}\n` : '', stderr: err.length ? `${err.join('\n')}\n` : '' }
}

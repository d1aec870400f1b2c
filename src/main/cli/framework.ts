import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ZodError } from 'zod'
import { AppError, describeZodError, messageOf } from '@shared/ipc/result'
import { openWorkspace, type Services } from '@main/services/index'
import { unlockFor } from './passphrase'

/** Bad usage: exit 2. */
export class UsageError extends Error {}

/** The command ran and found something wrong (check, verify): exit 1 with this one line. */
export class CommandFailed extends Error {}

/**
 * How a command opens the workspace: writable (taking the lock), read-only, or
 * writable unless another process holds it, then read-only (a report that would
 * also record its result where it can).
 */
export type OpenMode = { readOnly?: boolean | 'when-locked' }

type Options = NonNullable<ParseArgsConfig['options']>

export interface CliIO {
  out: (line: string) => void
  err: (line: string) => void
}

export interface CommandRun {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
  json: boolean
  io: CliIO
  workspaceDir: string
  /** Opens the workspace (taking its lock unless read-only) for the length of `fn`. */
  withWorkspace<T>(fn: (s: Services) => Promise<T>, opts?: OpenMode): Promise<T>
}

export interface Command {
  /** One or two words: "cases", "case new". */
  name: string
  usage: string
  summary: string
  options?: Options
  /** Positional arguments: exact count, or [min, max]. */
  positionals?: number | [number, number]
  /** The command prints the workspace's problems itself (check, repair): no warnings added. */
  reportsProblems?: boolean
  run(ctx: CommandRun): Promise<void>
}

/** Where the desktop app keeps its default workspace, so the CLI finds the same one. */
export function defaultWorkspaceDir(): string {
  const home = homedir()
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(base, 'Casefile', 'Workspace')
}

export const COMMON_OPTIONS: Options = {
  workspace: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
}

export function requireString(values: CommandRun['values'], name: string): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`)
  return v
}

export function optionalString(values: CommandRun['values'], name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

/** Prints an array of rows as aligned columns. */
export function table(rows: string[][], io: CliIO): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  for (const r of rows) io.out(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
}

export async function runCommand(cmd: Command, argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, ...cmd.options },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    io.out(`usage: casefile ${cmd.usage}\n\n${cmd.summary}`)
    return 0
  }
  const [min, max] = Array.isArray(cmd.positionals) ? cmd.positionals : [cmd.positionals ?? 0, cmd.positionals ?? 0]
  if (positionals.length < min || positionals.length > max) {
    throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument(s): casefile ${cmd.usage}`)
  }
  const workspaceDir = typeof values.workspace === 'string' ? values.workspace : defaultWorkspaceDir()
  await cmd.run({
    values: values as CommandRun['values'],
    positionals,
    json: !!values.json,
    io,
    workspaceDir,
    async withWorkspace(fn, opts) {
      // An encrypted workspace opens with CASEFILE_PASSPHRASE or a prompt; a plain one asks nothing.
      const unlock = await unlockFor(workspaceDir)
      const open = async (readOnly: boolean) => {
        const s = await openWorkspace(workspaceDir, { app: 'the Casefile command line', readOnly, unlock })
        try {
          const out = await fn(s)
          // What the command met besides its result (a damaged briefing it skipped, an index it rebuilt)
          // is said on stderr, so stdout stays the result. Files set aside earlier are check's to list.
          if (!cmd.reportsProblems)
            for (const p of s.workspace.problems())
              if (p.kind !== 'quarantined') io.err(`casefile: warning: ${p.message.replace(/\s+/g, ' ').trim()}`)
          return out
        } finally {
          await s.close()
        }
      }
      if (opts?.readOnly !== 'when-locked') return open(!!opts?.readOnly)
      try {
        return await open(false)
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'LOCKED') throw e
        return open(true)
      }
    },
  })
  return 0
}

/** One line a person can act on: a zod failure as its fields and reasons, never its JSON. */
export function oneLine(e: unknown): string {
  const text = e instanceof ZodError ? `invalid input: ${describeZodError(e)}` : messageOf(e)
  return text.replace(/\s+/g, ' ').trim()
}

import { readdir, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { isValidTimeZone, LANGUAGES, resolveLocalTime } from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import { invalidInputText, wordIssues } from '@shared/i18n/invalidInput'
import { diskError } from '@shared/i18n/appError'
import { openWorkspace, type Services } from '@main/services/index'
import { readTextFile as readPersonText } from '@main/storage/safeRead'
import { unlockFor } from './passphrase'
import { cliLanguage, errorText, helpText, placeholders, t, type HelpText } from './language'
import type { CatalogueKey } from '@shared/i18n'
import { inlineDeep } from './printable'

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

/** One option of a command: how node's parseArgs reads it, and how help shows it. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
  default?: string | boolean
  /** The value's placeholder in usage lines, in English capitals (language.ts words it): `--title TITLE`. */
  value?: string
  /** One line for `help COMMAND`: a catalogue key, or a function wording one with values. */
  describe?: HelpText
  /** Bad usage (exit 2) when absent. */
  required?: boolean
}

export type Options = Record<string, OptionSpec>

export interface CliIO {
  out: (line: string) => void
  err: (line: string) => void
}

export type Values = Record<string, string | boolean | string[] | undefined>

export interface CommandRun {
  values: Values
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
  /** Other names for the same command ("case list" for "cases"). */
  aliases?: string[]
  /** The heading `help` lists it under (a key of its group headings in cli.ts); the name's first word when absent. */
  group?: string
  /** Positional arguments as usage shows them, placeholders in English capitals: "CASE", "ITEM", "[CASE]". */
  args?: string
  /** A hand-written usage line (without "casefile "), placeholders as in args; built from args and options when absent. */
  usage?: string
  /** A catalogue key, or a function wording one with values. */
  summary: HelpText
  options?: Options
  /** Positional arguments: exact count, or [min, max]. */
  positionals?: number | [number, number]
  /** The command prints the workspace's problems itself (check, repair): no warnings added. */
  reportsProblems?: boolean
  /** Command lines `help COMMAND` shows (without "casefile "): as written, or with sample text (`example`). */
  examples?: (string | (() => string))[]
  run(ctx: CommandRun): Promise<void>
}

/** Where the desktop app keeps its default workspace, so the CLI finds the same one. */
export function defaultWorkspaceDir(): string {
  if (process.env.CASEFILE_WORKSPACE) return process.env.CASEFILE_WORKSPACE
  const home = homedir()
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(base, 'Casefile', 'Workspace')
}

/**
 * An example command line whose sample values (a title, a text, a file name) are worded from the catalogue,
 * each `${key}` a cliHelp:example.* message, quoted when it needs it: Spanish help shows Spanish sample text,
 * the command and option names staying as typed.
 * example`note add ECU-USA-2026-001 --title ${'cliHelp:example.noteTitle'}`
 */
export function example(words: TemplateStringsArray, ...samples: CatalogueKey[]): () => string {
  return () => words.reduce((line, w, i) => `${line}${w}${i < samples.length ? shellWord(t(samples[i])) : ''}`, '')
}

/** A sample value as a shell word: in double quotes when it holds a space or a character the shell reads. */
const shellWord = (text: string) =>
  /^[\p{L}\p{N}_./:,+%@-]+$/u.test(text) ? text : `"${text.replace(/["\\$`]/g, '\\$&')}"`

export const COMMON_OPTIONS: Options = {
  workspace: {
    type: 'string',
    value: 'DIR',
    describe: 'cli:COMMON_OPTIONS.opt.workspace',
  },
  json: { type: 'boolean', default: false, describe: 'cli:COMMON_OPTIONS.opt.json' },
  lang: { type: 'string', value: 'es|en', describe: 'cli:COMMON_OPTIONS.opt.lang' },
  help: { type: 'boolean', short: 'h', default: false, describe: 'cli:COMMON_OPTIONS.opt.help' },
}

// ---- reading option values: each turns a bad value into one line and exit 2 ----

export function requireString(values: Values, name: string): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(t('cli:required', { name }))
  return v
}

export function optionalString(values: Values, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

/** A repeatable option's values (`--tag a --tag b`), commas also separating (`--tag a,b`); undefined when absent. */
export function optionalList(values: Values, name: string): string[] | undefined {
  const v = values[name]
  if (v === undefined) return undefined
  const all = (Array.isArray(v) ? v : [String(v)]).flatMap((x) => x.split(','))
  return all.map((x) => x.trim()).filter(Boolean)
}

/**
 * One of a fixed set of words, forgiving of case and of hyphens for spaces
 * (`--kind web-page` is "web page"); undefined when absent.
 */
export function optionalChoice<T extends string>(values: Values, name: string, choices: readonly T[]): T | undefined {
  const v = optionalString(values, name)
  if (v === undefined) return undefined
  return choiceOf(v, choices, `--${name}`)
}

export function choiceOf<T extends string>(text: string, choices: readonly T[], what: string): T {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[-_\s]+/g, ' ')
  const found = choices.find((c) => norm(c) === norm(text))
  if (found === undefined)
    throw new UsageError(
      t('cli:mustOne', { what, mapList: choices.map((c) => (c.includes(' ') ? `"${c}"` : c)).join(', ') }),
    )
  return found
}

/** A whole number in [min, max]; undefined when absent. */
export function optionalInt(values: Values, name: string, min: number, max: number): number | undefined {
  const v = optionalString(values, name)
  if (v === undefined) return undefined
  const n = Number(v)
  if (!/^\s*-?\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(t('cli:mustWholeNumber', { name, min, max }))
  return n
}

/** An IANA zone from --tz (or `name`); undefined when absent. */
export function optionalZone(values: Values, name = 'tz'): string | undefined {
  const tz = optionalString(values, name)
  if (tz !== undefined && !isValidTimeZone(tz)) throw new UsageError(t('cli:ianaTimeZoneExample', { name, tz }))
  return tz
}

/**
 * A date-time read as wall-clock time in `tz` ("2026-01-27T11:00", "2026-01-27"), or an instant with an offset.
 * A time the clocks skipped or repeated there is said on stderr (when `io` is given), never silently moved.
 */
export function dateTimeOf(text: string, tz: string, what: string, io?: CliIO): string {
  const resolved = resolveLocalTime(text, tz)
  if (!resolved) throw new UsageError(t('cli:dateTimeExample', { what, text }))
  if (resolved.note && resolved.adjusted)
    io?.err(t('cli:note', { note: t(`cli:dst.${resolved.adjusted}`, resolved.noteValues) }))
  return resolved.instant
}

/**
 * The text of a file named by an option (`--text-file F`), exactly as written
 * but for a BOM: the storage layer's reader, which refuses FIFOs, devices,
 * invalid UTF-8 and binary data in one line (a FIFO would otherwise hang the
 * command while it holds the workspace lock).
 */
export const readTextFile = readPersonText

/** Prints an array of rows as aligned columns. */
/** A table of records, one per line: a cell's own line breaks are shown as \u escapes, never as new rows. */
export function table(cells: string[][], io: CliIO): void {
  const rows = inlineDeep(cells)
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  for (const r of rows)
    io.out(
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}

// ---- usage and help ----

function optionUsage(name: string, o: OptionSpec): string {
  const flag = o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`
  const shown = o.multiple ? `${flag}…` : flag
  return o.required ? shown : `[${shown}]`
}

/** The command's usage line (without "casefile "), its placeholders worded. */
export function usageOf(cmd: Command): string {
  const opts = Object.entries(cmd.options ?? {}).map(([n, o]) => optionUsage(n, o))
  return placeholders(
    cmd.usage ?? [cmd.name, cmd.args, ...opts, '[--workspace DIR]', '[--json]'].filter(Boolean).join(' '),
  )
}

/** What `casefile help COMMAND` and `casefile COMMAND --help` print. */
export function commandHelp(cmd: Command): string[] {
  const lines = [`${t('cli:help.usage')} casefile ${usageOf(cmd)}`, '', helpText(cmd.summary)]
  if (cmd.aliases?.length)
    lines.push('', t('cli:help.also', { list: cmd.aliases.map((a) => `casefile ${a}`).join(', ') }))
  const options = { ...cmd.options, ...COMMON_OPTIONS }
  const rows = Object.entries(options).map(([n, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${n}${o.type === 'string' ? ` ${placeholders(o.value ?? 'VALUE')}` : ''}`
    const notes = [o.required ? t('cli:help.required') : '', o.multiple ? t('cli:help.repeatable') : '']
      .filter(Boolean)
      .join(', ')
    return [flag, `${helpText(o.describe)}${notes ? ` (${notes})` : ''}`]
  })
  const width = Math.max(...rows.map((r) => r[0].length))
  lines.push('', t('cli:help.options'), ...rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`.trimEnd()))
  if (cmd.examples?.length)
    lines.push(
      '',
      t('cli:help.examples'),
      ...cmd.examples.map((e) => `  casefile ${typeof e === 'function' ? e() : e}`),
    )
  return lines
}

// ---- running one command ----

/** node:util's parse errors as one line a person can act on. */
function usageMessage(e: unknown, cmd: Command): string | null {
  const code = (e as { code?: string }).code
  if (!code?.startsWith('ERR_PARSE_ARGS')) return null
  const m = messageOf(e)
  const opt = /'(-{1,2}[^' ]+)/.exec(m)?.[1]
  const hint = t('cli:usage.hint', { command: cmd.name })
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli:usage.unknownOption', { option: opt ?? '', hint })
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /argument missing|ambiguous/.test(m)
      ? t('cli:usage.needsValue', { option: opt ?? '--', hint })
      : /does not take an argument/.test(m)
        ? t('cli:usage.takesNoValue', { option: opt ?? '--', hint })
        : `${m}${hint}`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t('cli:usage.unexpected', { hint })
  return m
}

export async function runCommand(cmd: Command, argv: string[], io: CliIO): Promise<number> {
  const config = Object.fromEntries(
    Object.entries({ ...COMMON_OPTIONS, ...cmd.options }).map(([n, o]) => [
      n,
      {
        type: o.type,
        ...(o.multiple ? { multiple: true } : {}),
        ...(o.short ? { short: o.short } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  )
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true })
  } catch (e) {
    const m = usageMessage(e, cmd)
    throw m ? new UsageError(m) : e
  }
  const values = parsed.values as Values
  const positionals = parsed.positionals
  if (values.lang !== undefined) choiceOf(String(values.lang), LANGUAGES, '--lang')
  if (values.help) {
    for (const l of commandHelp(cmd)) io.out(l)
    return 0
  }
  const [min, max] = Array.isArray(cmd.positionals) ? cmd.positionals : [cmd.positionals ?? 0, cmd.positionals ?? 0]
  if (positionals.length < min || positionals.length > max) {
    const wanted = min === max ? t('cli:argCount', { count: min }) : t('cli:argRange', { min, max })
    throw new UsageError(
      t('cli:expectedCasefile', { wanted, name: cmd.name, value: cmd.args ? ` ${placeholders(cmd.args)}` : '' }),
    )
  }
  for (const [n, o] of Object.entries(cmd.options ?? {}))
    if (o.required && (values[n] === undefined || (typeof values[n] === 'string' && !String(values[n]).trim())))
      throw new UsageError(t('cli:requiredCasefile', { n, usageOf: usageOf(cmd) }))
  const workspaceDir = typeof values.workspace === 'string' ? values.workspace : defaultWorkspaceDir()
  if (!workspaceDir.trim()) throw new UsageError(t('cli:workspaceNeedsFolder'))
  const kind = await stat(workspaceDir).then(
    (st) => (st.isDirectory() ? 'folder' : 'other'),
    () => 'missing',
  )
  if (kind === 'other') throw new AppError('NOT_FOUND', t('cli:fileWorkspaceFolder', { workspaceDir }))
  await cmd.run({
    values,
    positionals,
    json: !!values.json,
    io,
    workspaceDir,
    async withWorkspace(fn, opts) {
      // An encrypted workspace opens with CASEFILE_PASSPHRASE or a prompt; a plain one asks nothing.
      const unlock = await unlockFor(workspaceDir)
      const open = async (readOnly: boolean) => {
        if (!readOnly) await assertNotForeign(workspaceDir)
        const s = await openWorkspace(workspaceDir, { app: 'the Casefile command line', readOnly, unlock })
        try {
          const out = await fn(s)
          // What the command met besides its result (a damaged briefing it skipped, an index it rebuilt)
          // is said on stderr, so stdout stays the result. Files set aside earlier are check's to list.
          if (!cmd.reportsProblems)
            for (const p of s.workspace.problems())
              if (p.kind !== 'quarantined')
                io.err(t('cli:casefileWarning', { replace: errorText(p).replace(/\s+/g, ' ').trim() }))
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

/** What a folder Casefile made (or began to make) holds; a folder with none of it is someone else's. */
const WORKSPACE_NAMES = new Set([
  'workspace.json',
  'cases',
  'blobs',
  'statutes.json',
  'audit.log.jsonl',
  'audit.head.json',
  'backups',
  'quarantine',
  'cache',
  '.casefile.lock',
  'journal',
  'trash',
  'bundles',
  'keys.json',
])

/**
 * A writing command creates a workspace in a new or empty folder, never among
 * someone else's files: `--workspace ..` or a typo must not scatter
 * workspace.json, cases/ and backups/ through a home or project folder.
 */
async function assertNotForeign(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  if (names.length && !names.some((n) => WORKSPACE_NAMES.has(n)))
    throw new AppError('NOT_FOUND', t('cli:casefileWorkspaceHoldsOther', { dir }))
}

/** Anything thrown, as the one line stderr gets: zod's issues described, never dumped as JSON. */
export function oneLine(e: unknown): string {
  const issues = (e as { issues?: unknown }).issues
  const text =
    Array.isArray(issues) && e instanceof Error
      ? t('cli:invalidInput', {
          reason: wordIssues(invalidInputText(e as Error & { issues: object[] }).values?.issues, cliLanguage()),
        })
      : errorText(diskError(e) ?? e)
  return text.replace(/\s+/g, ' ').trim()
}

import { LANGUAGES } from '@shared/domain/language'
import type { CatalogueKey } from '@shared/i18n'
import { AppError } from '@shared/ipc/result'
import { actorCommands } from './cli/commands/actors'
import { analysisCommands } from './cli/commands/analysis'
import { annotationCommands } from './cli/commands/annotations'
import { briefingCommands } from './cli/commands/briefings'
import { bundleCommands } from './cli/commands/bundles'
import { checkCommands } from './cli/commands/check'
import { casesCommands } from './cli/commands/cases'
import { eventCommands } from './cli/commands/events'
import { encryptionCommands } from './cli/commands/encryption'
import { evidenceCommands } from './cli/commands/evidence'
import { exportCommands } from './cli/commands/export'
import { noteCommands } from './cli/commands/notes'
import { searchCommands } from './cli/commands/search'
import { statuteCommands } from './cli/commands/statutes'
import { trashCommands } from './cli/commands/trash'
import { workspaceCommands } from './cli/commands/workspace'
import {
  closeMarks,
  cliLanguageOf,
  helpText,
  placeholders,
  setCliLanguage,
  setCommandHints,
  t,
  takeLang,
} from './cli/language'
import { printable } from './cli/printable'
import { commandHints, givenWorkspace, leadingOptions, withoutCommonOptions } from './cli/workspaceHints'
import {
  type CliIO,
  type Command,
  CommandFailed,
  commandHelp,
  oneLine,
  runCommand,
  UsageError,
  usageOf,
} from './cli/framework'

/** Every command, in the order `help` lists them; areas add theirs in cli/commands/<area>.ts. */
export const COMMANDS: Command[] = [
  ...casesCommands,
  ...actorCommands,
  ...eventCommands,
  ...evidenceCommands,
  ...annotationCommands,
  ...analysisCommands,
  ...noteCommands,
  ...statuteCommands,
  ...briefingCommands,
  ...exportCommands,
  ...searchCommands,
  ...bundleCommands,
  ...trashCommands,
  ...checkCommands,
  ...workspaceCommands,
  ...encryptionCommands,
]

/** The headings `help` lists the commands under, by group (a command's `group`, else its name's first word). */
const GROUP_HEADINGS = {
  case: 'cliHelp:group.case',
  actor: 'cliHelp:group.actor',
  event: 'cliHelp:group.event',
  evidence: 'cliHelp:group.evidence',
  annotation: 'cliHelp:group.annotation',
  issue: 'cliHelp:group.issue',
  note: 'cliHelp:group.note',
  statute: 'cliHelp:group.statute',
  briefing: 'cliHelp:group.briefing',
  export: 'cliHelp:group.export',
  search: 'cliHelp:group.search',
  bundle: 'cliHelp:group.bundle',
  keys: 'cliHelp:group.keys',
  workspace: 'cliHelp:group.workspace',
  encryption: 'cliHelp:group.encryption',
} as const satisfies Record<string, CatalogueKey>

const groupOf = (c: Command) => c.group ?? c.name.split(' ')[0]

/** A group's heading; a group without one is a mistake in the command table, not something to print. */
function headingOf(group: string): string {
  if (!Object.hasOwn(GROUP_HEADINGS, group)) throw new Error(`No help heading for the command group "${group}"`)
  return t(GROUP_HEADINGS[group as keyof typeof GROUP_HEADINGS])
}

const namesOf = (c: Command) => [c.name, ...(c.aliases ?? [])]

/** The command `words` start with (its longest name first, so "case new" wins over a one-word name). */
export function find(words: string[]): { cmd: Command; used: number } | null {
  let best: { cmd: Command; used: number } | null = null
  for (const cmd of COMMANDS)
    for (const name of namesOf(cmd)) {
      const parts = name.split(' ')
      if (parts.every((w, i) => words[i] === w) && (!best || parts.length > best.used))
        best = { cmd, used: parts.length }
    }
  return best
}

const firstOf = (name: string) => name.split(' ')[0]

/** The commands whose name starts with `noun` ("actor" lists actor add, actor list ...). */
const commandsOf = (noun: string) => COMMANDS.filter((c) => namesOf(c).some((n) => firstOf(n) === noun))

/** A help text's first sentence, for the one-line lists. */
const firstSentence = (text: string) => text.split(/(?<=[a-z)]\.)\s/)[0]

/** A one-line summary for the overview: cut at a word, with an ellipsis, when it would wrap. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:]+$/, '')}…`
}

function overview(io: CliIO): void {
  io.out(t('cli:casefileOfflineCaseFiles'))
  io.out('')
  io.out(t('cli:usageCasefileNounVerb'))
  io.out(t('cli:everyCommandTakesWorkspace'))
  io.out(t('cli:jsonExitStatusDone'))
  io.out(t('cli:caseCaseIdReference'))
  const groups = new Map<string, Command[]>()
  for (const c of COMMANDS) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c])
  const headOf = (c: Command) => placeholders(`${c.name} ${c.args ?? ''}`.trim())
  const width = Math.min(44, Math.max(...COMMANDS.map((c) => headOf(c).length)))
  for (const [group, cmds] of groups) {
    io.out('')
    io.out(`${headingOf(group)}:`)
    for (const c of cmds) {
      const head = headOf(c)
      const first = closeMarks(shorten(firstSentence(helpText(c.summary)), 96 - width))
      io.out(head.length > width ? `  ${head}\n  ${''.padEnd(width)}  ${first}` : `  ${head.padEnd(width)}  ${first}`)
    }
  }
  io.out('')
  io.out(t('cli:casefileHelpCommandCasefile'))
}

/**
 * The first word typed, as an error may repeat it: an option by its name only. What follows a word may be
 * its value, and a value typed there (a passphrase, with a space, an `=` or run together as `-pSECRET`) is
 * never echoed back to the terminal or a log.
 */
function firstWord(argv: string[]): string {
  const w = argv[0] ?? ''
  return w.startsWith('--') ? w.split('=')[0] : w.startsWith('-') ? w.slice(0, 2) : w
}

/** `help`, `help COMMAND`, `help NOUN`; exit 2 when it names nothing (options included: help takes none). */
function help(words: string[], io: CliIO): number {
  if (!words.length) {
    overview(io)
    return 0
  }
  const hit = find(words)
  if (hit && hit.used === words.length) {
    for (const l of commandHelp(hit.cmd)) io.out(l)
    return 0
  }
  const family = commandsOf(words[0])
  if (family.length && words.length === 1) {
    for (const c of family) {
      io.out(`casefile ${usageOf(c)}`)
      io.out(`    ${closeMarks(firstSentence(helpText(c.summary)))}`)
    }
    return 0
  }
  // Named up to the first option, which is named alone: what follows it may be a value (a passphrase).
  const option = words.findIndex((w) => w.startsWith('-'))
  const named = option === -1 ? words : words.slice(0, option)
  io.err(t('cli:casefileHelpNoCommand', { wordList: named.join(' ') || firstWord(words) }))
  return 2
}

/** Runs the CLI; returns the exit code: 0 success, 1 failure, 2 bad usage. */
export async function main(
  argv: string[],
  raw: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  const io: CliIO = { out: (l) => raw.out(printable(l)), err: (l) => raw.err(printable(l)) }
  // A command a message names runs where this one ran: with its --workspace (not in help, whose synopses
  // already show [--workspace DIR]).
  const dir = givenWorkspace(argv)
  const typed = argv.slice(0, (argv.indexOf('--') + 1 || argv.length + 1) - 1)
  const asHelp = typed.includes('--help') || typed.includes('-h') || typed[0] === 'help'
  setCommandHints(
    dir === undefined || !dir.trim() || asHelp ? null : commandHints(dir, COMMANDS.flatMap(namesOf).map(firstOf)),
  )
  // The language comes first, so every line (a usage error included) is in it; --lang may stand anywhere.
  const taken = takeLang(argv)
  setCliLanguage(cliLanguageOf(argv))
  if (taken.lang !== undefined && !(LANGUAGES as readonly string[]).includes(taken.lang)) {
    io.err(`casefile: ${t('cli:badLang')}`)
    return 2
  }
  // `casefile --workspace DIR repair`, as the hints write it: the options are read after the command's words.
  const leading = leadingOptions(taken.argv)
  argv = leading.argv
  if (!argv.length) {
    overview(io)
    return 2
  }
  // Help names commands, not workspaces: a --workspace or --json typed with it (anywhere) changes nothing.
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h')
    return help(withoutCommonOptions(argv.slice(1)), io)
  if (argv[0] === '--workspace') {
    io.err(`casefile: ${t('cli:workspaceNeedsFolder')}`)
    return 2
  }
  if (argv[0] === '--version' || argv[0] === 'version') {
    io.out(t('cli:casefile2', { CLI_BUILD }))
    return 0
  }
  const hit = find(argv)
  if (!hit) {
    const verbs = COMMANDS.flatMap(namesOf)
      .map((n) => n.split(' '))
      .filter((w) => w.length > 1 && w[0] === argv[0])
      .map((w) => w.slice(1).join(' '))
    if (verbs.length) {
      const verb = argv[1] && !argv[1].startsWith('-') ? ` "${argv[1]}"` : ''
      io.err(t('cli:casefileUnknownVerbTry', { argv: argv[0], verb, verbList: verbs.join(', ') }))
    } else {
      io.err(t('cli:casefileUnknownCommandRun', { wordList: firstWord(argv) }))
    }
    return 2
  }
  const { cmd, used } = hit
  try {
    return await runCommand(cmd, [...leading.options, ...argv.slice(used)], io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(t('cli:casefile3', { name: cmd.name, reason: oneLine(e) }))
      return 2
    }
    if (!(e instanceof AppError) && !(e instanceof CommandFailed) && process.env.CASEFILE_DEBUG) console.error(e)
    io.err(t('cli:casefile3', { name: cmd.name, reason: oneLine(e) }))
    return 1
  }
}

/** The bundle build defines it ("0.1.0 (bundle)"); run from the sources through tsx it is absent. */
declare const __CASEFILE_BUILD__: string | undefined
const CLI_BUILD = typeof __CASEFILE_BUILD__ === 'string' ? __CASEFILE_BUILD__ : '(from sources)'

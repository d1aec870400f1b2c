import { AppError } from '@shared/ipc/result'
import { checkCommands } from './cli/commands/check'
import { casesCommands } from './cli/commands/cases'
import { encryptionCommands } from './cli/commands/encryption'
import { evidenceCommands } from './cli/commands/evidence'
import { exportCommands } from './cli/commands/export'
import { searchCommands } from './cli/commands/search'
import { statuteCommands } from './cli/commands/statutes'
import { type CliIO, type Command, CommandFailed, oneLine, runCommand, UsageError } from './cli/framework'

/** Every command; areas add theirs in cli/commands/<area>.ts. */
export const COMMANDS: Command[] = [
  ...casesCommands,
  ...evidenceCommands,
  ...searchCommands,
  ...statuteCommands,
  ...exportCommands,
  ...checkCommands,
  ...encryptionCommands,
]

function help(io: CliIO) {
  io.out('Casefile — offline case-file workspace (command line)\n')
  io.out('usage: casefile <command> [options]   (every command takes --workspace DIR and --json)\n')
  for (const c of COMMANDS) io.out(`  ${c.usage}\n      ${c.summary}`)
}

/** Runs the CLI; returns the exit code: 0 success, 1 failure, 2 bad usage. */
export async function main(
  argv: string[],
  io: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  if (!argv.length || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    help(io)
    return argv.length ? 0 : 2
  }
  // Longest name first, so "case new" wins over a one-word command.
  const cmd = [...COMMANDS]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((w, i) => argv[i] === w))
  if (!cmd) {
    io.err(`casefile: unknown command "${argv.slice(0, 2).join(' ')}"; run casefile help`)
    return 2
  }
  try {
    return await runCommand(cmd, argv.slice(cmd.name.split(' ').length), io)
  } catch (e) {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (usage) {
      io.err(`casefile ${cmd.name}: ${oneLine(e)}`)
      return 2
    }
    if (!(e instanceof AppError) && !(e instanceof CommandFailed) && process.env.CASEFILE_DEBUG) console.error(e)
    io.err(`casefile ${cmd.name}: ${oneLine(e)}`)
    return 1
  }
}

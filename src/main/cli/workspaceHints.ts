/**
 * A message that names a command ("run casefile repair", "casefile trash forget ENTRY") is copied and
 * run as it stands. When this run was given `--workspace DIR`, the copied command without it would run
 * against the default workspace: a repair, a restore or a forced removal in the wrong place. So every
 * command a line names gets the same workspace, placed right after `casefile`, where main accepts it
 * (`casefile --workspace=DIR repair`; with `=`, so a folder whose name starts with '-' is not read as an option).
 */

/** The `--workspace` value this run was given on its command line (the last one counts); none after `--`. */
export function givenWorkspace(argv: readonly string[]): string | undefined {
  let dir: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') break
    if (a === '--workspace' && i + 1 < argv.length) dir = argv[++i]
    else if (a.startsWith('--workspace=')) dir = a.slice('--workspace='.length)
  }
  return dir
}

/**
 * `--workspace DIR` (or `--workspace=DIR`) typed before the command: moved after the command's words,
 * where its options are read. Anything else is returned as it came.
 */
export function leadingWorkspace(argv: readonly string[]): { argv: string[]; option: string[] } {
  if (argv[0] === '--workspace' && argv.length > 1) return { argv: argv.slice(2), option: argv.slice(0, 2) }
  if (argv[0]?.startsWith('--workspace=')) return { argv: argv.slice(1), option: argv.slice(0, 1) }
  return { argv: [...argv], option: [] }
}

/**
 * One word the shell passes through unchanged: quoted when it holds anything but a path's usual characters
 * (a space, a quote, `$`, a backquote, a newline ...).
 */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w./:@%+=,\\-]+$/.test(word) && !(platform !== 'win32' && word.includes('\\'))) return word
  // cmd.exe and PowerShell both take a double-quoted path (a path cannot hold a double quote there).
  if (platform === 'win32') return `"${word}"`
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * What rewrites a printed line: `casefile <command>` becomes `casefile --workspace=DIR <command>` for every
 * command word in `commandWords` after a space, a quote or a bracket (a path or a sentence that merely contains
 * "casefile" is left alone).
 */
export function withWorkspace(
  dir: string,
  commandWords: readonly string[],
  platform: NodeJS.Platform = process.platform,
): (line: string) => string {
  const words = [...new Set(commandWords)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  // Not at the start of a line: there "casefile NAME:" is who speaks, not a command to run.
  const named = new RegExp(`([\\s("'\`])casefile (?=(?:${words.join('|')})(?:[\\s.,;:)"'\`]|$))`, 'g')
  const option = `casefile --workspace=${shellWord(dir, platform)} `
  return (line) => line.replace(named, (_, before: string) => before + option)
}

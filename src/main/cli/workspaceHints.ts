/**
 * A message that names a command ("run casefile repair", "casefile trash forget ENTRY") is copied and
 * run as it stands. When this run was given `--workspace DIR`, the copied command without it would run
 * against the default workspace: a repair, a restore or a forced removal in the wrong place. So every
 * command a catalogue message names gets the same workspace, right after `casefile`, where main accepts
 * it: `casefile --workspace=/abs/DIR repair` (absolute, so it holds from any folder; with `=`, so a folder
 * whose name starts with '-' is not read as an option).
 *
 * Only the messages' own words are rewritten, never what people typed: the edit is made to a message's
 * ICU source before its values (a title, a note, a path) are put in (`sayEdited` in shared/i18n).
 */
import { resolve } from 'node:path'

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
 * `--workspace DIR` (or `--workspace=DIR`) and `--json` typed before the command: moved after the command's
 * words, where its options are read. A `--workspace` with nothing after it stays, to be refused by name.
 */
export function leadingOptions(argv: readonly string[]): { argv: string[]; options: string[] } {
  const options: string[] = []
  let i = 0
  for (;;) {
    const a = argv[i]
    if (a === '--workspace' && i + 1 < argv.length) {
      options.push(a, argv[i + 1])
      i += 2
    } else if (a?.startsWith('--workspace=') || a === '--json') {
      options.push(a)
      i += 1
    } else break
  }
  return { argv: argv.slice(i), options }
}

/** The words with every `--workspace DIR`, `--workspace=DIR` and `--json` taken out (what help is asked about). */
export function withoutCommonOptions(words: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--workspace') i++
    else if (!words[i].startsWith('--workspace=') && words[i] !== '--json') out.push(words[i])
  }
  return out
}

// What a terminal would not show as it is (printable.ts prints these as \uXXXX): quoted by their codes instead.
// eslint-disable-next-line no-control-regex
const UNSHOWN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/

/**
 * One word the shell gives back as it is, or null when there is no safe way to write it for this platform.
 * POSIX: bare when it holds only a path's usual characters; else single-quoted; a word with characters a
 * terminal does not show is written with their codes (`$'\r'`, bash, zsh and ksh). Windows: bare, or
 * double-quoted when nothing in it means something inside double quotes to cmd.exe or PowerShell (`%`, `!`,
 * `$`, a backquote, a double quote, a trailing backslash); else null.
 */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32') {
    if (/^[\w.:\\/-]+$/.test(word)) return word
    if (/["%!$`]/.test(word) || word.endsWith('\\') || UNSHOWN.test(word)) return null
    return `"${word}"`
  }
  if (/^[\w./:@%+=,-]+$/.test(word)) return word
  if (!UNSHOWN.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`
  const coded = [...word]
    .map((c) => {
      if (c === '\\' || c === "'") return `\\${c}`
      if (!UNSHOWN.test(c)) return c
      const code = c.codePointAt(0)!
      return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
    })
    .join('')
  return `$'${coded}'`
}

/** The value the edited messages say the option with: a value, so no ICU syntax in a folder's name matters. */
export const WORKSPACE_OPTION = 'casefileWorkspaceOption'

/**
 * How the messages name commands with the workspace: `edit` changes a message's ICU source, `casefile <command>`
 * becoming `casefile {casefileWorkspaceOption} <command>` for every command word in `commandWords` after a space,
 * a quote or a bracket (a line's start is not one: "casefile NAME:" there says who speaks), and `values` holds
 * `--workspace=DIR`. Null when the folder cannot be written safely for this platform's shell: the messages then
 * stay as they are.
 */
export function commandHints(
  dir: string,
  commandWords: readonly string[],
  platform: NodeJS.Platform = process.platform,
): { edit: (source: string) => string; values: Record<string, string> } | null {
  const word = shellWord(platform === process.platform ? resolve(dir) : dir, platform)
  if (word === null) return null
  const words = [...new Set(commandWords)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const named = new RegExp(`([\\s("'\`{])casefile (?=(?:${words.join('|')})(?:[\\s.,;:)"'\`}]|$))`, 'g')
  return {
    edit: (source) => source.replace(named, (_, before: string) => `${before}casefile {${WORKSPACE_OPTION}} `),
    values: { [WORKSPACE_OPTION]: `--workspace=${word}` },
  }
}

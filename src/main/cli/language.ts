/**
 * The command line's language: `--lang es|en`, else CASEFILE_LANG, else the
 * terminal's locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else
 * English. Every line the command line prints is worded from the catalogue in it.
 */
import { z } from 'zod'
import { LANGUAGES, type Language } from '@shared/domain/language'
import { localMessage } from '@shared/i18n/appError'
import { languageOf, say, type CatalogueKey, type TextValues } from '@shared/i18n'

let current: Language = 'en'
/** CASEFILE_LANG=qps: English with every catalogue word in ⟦ ⟧, so a test can see which words bypass it. */
let pseudo = false
const mark = (text: string) => (pseudo ? `⟦${text}⟧` : text)

/**
 * `--lang X` / `--lang=X` taken out of the arguments, wherever they stand (before the command words too),
 * up to a `--`: what follows it is left as it is (positional words). An option's value that starts with
 * dashes is given as `--text=--lang`, as the argument parser asks, and is never taken for the language.
 */
export function takeLang(argv: readonly string[]): { argv: string[]; lang?: string } {
  const rest: string[] = []
  let lang: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (a === '--lang' && i + 1 < argv.length) lang = argv[++i]
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length)
    else rest.push(a)
  }
  return { argv: rest, lang }
}

/** The language `argv` and `env` ask for. */
export function cliLanguageOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  const { lang } = takeLang(argv)
  // A bad value is refused in the environment's language (main says so).
  if (lang !== undefined && (LANGUAGES as readonly string[]).includes(lang)) return lang as Language
  const named = env.CASEFILE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG
  return named && named !== 'C' && named !== 'POSIX' ? languageOf(named) : 'en'
}

/** Sets the language for the rest of this run, zod's validation messages included. */
export function setCliLanguage(lang: Language): void {
  current = lang
  pseudo = process.env.CASEFILE_LANG === 'qps'
  z.config(lang === 'es' ? z.locales.es() : z.locales.en())
}

export const cliLanguage = (): Language => current

/** One message of the catalogue in the command line's language: `t('cli:caseCreated', { ref })`. */
export const t = (key: CatalogueKey, values?: TextValues): string => mark(say(current, key, values))

/**
 * A help text: a catalogue key (`cliCases:new.summary`) worded, or a function that words one with
 * values (a list of choices); any other text as it is.
 */
export type HelpText = string | (() => string)
export const helpText = (text: HelpText | undefined): string =>
  typeof text === 'function'
    ? text()
    : text && /^[a-zA-Z]+:[\w.-]+$/.test(text)
      ? mark(say(current, text as CatalogueKey))
      : (text ?? '')

/** An error's message in the command line's language. */
export const errorText = (e: unknown): string => {
  const worded = localMessage(e, current)
  return (e as { text?: unknown } | null)?.text ? mark(worded) : worded
}

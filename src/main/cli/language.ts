/**
 * The command line's language: `--lang es|en`, else CASEFILE_LANG, else the
 * terminal's locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else
 * English. Every line the command line prints is worded from the catalogue in it.
 */
import { z } from 'zod'
import { LANGUAGES, type Language } from '@shared/domain/language'
import { localMessage } from '@shared/i18n/appError'
import { languageOf, say, sayEdited, type CatalogueKey, type Sayer, type TextValues } from '@shared/i18n'
import { zodLocale } from '@shared/i18n/zodLocale'

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
  z.config(zodLocale(lang))
}

export const cliLanguage = (): Language => current

/** How the messages name other commands (workspaceHints.ts: with this run's --workspace); null: as written. */
let hints: { edit: (source: string) => string; values: Record<string, string> } | null = null
export function setCommandHints(next: typeof hints): void {
  hints = next
}

/** Every message of this run is worded through here. */
const sayHere: Sayer = (lang, key, values) =>
  hints ? sayEdited(lang, key, { ...values, ...hints.values }, hints.edit) : say(lang, key, values)

/** One message of the catalogue in the command line's language: `t('cli:caseCreated', { ref })`. */
export const t = (key: CatalogueKey, values?: TextValues): string => mark(sayHere(current, key, values))

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

/**
 * The placeholders of usage lines and help (`CASE`, `--at WHEN`), by the English word a command writes in
 * its `args`, an option's `value` or a hand-written `usage`: each is worded from the catalogue, so Spanish
 * help reads `EXPEDIENTE`, `--at CUÁNDO`. A word of capitals (with a file's extension: `FILE.pdf`), or
 * capitals joined by commas (`LAT,LON`), is a placeholder; single letters (`--reliability A-F`), lower-case
 * words (command and option names, `es|en`) and digits are written as they are.
 */
export const PLACEHOLDERS = {
  ACTOR: 'cliHelp:placeholder.actor',
  ANNOTATION: 'cliHelp:placeholder.annotation',
  BRIEFING: 'cliHelp:placeholder.briefing',
  CASE: 'cliHelp:placeholder.case',
  EVENT: 'cliHelp:placeholder.event',
  ISSUE: 'cliHelp:placeholder.issue',
  ITEM: 'cliHelp:placeholder.item',
  NOTE: 'cliHelp:placeholder.note',
  STATUTE: 'cliHelp:placeholder.statute',
  ENTRY: 'cliHelp:placeholder.entry',
  ID: 'cliHelp:placeholder.id',
  FILE: 'cliHelp:placeholder.file',
  'FILE.pdf': 'cliHelp:placeholder.filePdf',
  'FILE.casefile': 'cliHelp:placeholder.fileCasefile',
  PATH: 'cliHelp:placeholder.path',
  DIR: 'cliHelp:placeholder.dir',
  URL: 'cliHelp:placeholder.url',
  QUERY: 'cliHelp:placeholder.query',
  WORDS: 'cliHelp:placeholder.words',
  KEY: 'cliHelp:placeholder.key',
  VALUE: 'cliHelp:placeholder.value',
  FINGERPRINT: 'cliHelp:placeholder.fingerprint',
  MODE: 'cliHelp:placeholder.mode',
  TEXT: 'cliHelp:placeholder.text',
  TITLE: 'cliHelp:placeholder.title',
  NAME: 'cliHelp:placeholder.name',
  WHO: 'cliHelp:placeholder.who',
  WHEN: 'cliHelp:placeholder.when',
  TIME: 'cliHelp:placeholder.time',
  ZONE: 'cliHelp:placeholder.zone',
  PLACE: 'cliHelp:placeholder.place',
  'LAT,LON': 'cliHelp:placeholder.latLon',
  'X,Y,W,H': 'cliHelp:placeholder.region',
  PAGE: 'cliHelp:placeholder.page',
  TAG: 'cliHelp:placeholder.tag',
  KIND: 'cliHelp:placeholder.kind',
  STATUS: 'cliHelp:placeholder.status',
  REFERENCE: 'cliHelp:placeholder.reference',
  CLASSIFICATION: 'cliHelp:placeholder.classification',
  JURISDICTION: 'cliHelp:placeholder.jurisdiction',
  ROLE: 'cliHelp:placeholder.role',
  AFFILIATION: 'cliHelp:placeholder.affiliation',
  PRECISION: 'cliHelp:placeholder.precision',
  SOURCE: 'cliHelp:placeholder.source',
  QUESTION: 'cliHelp:placeholder.question',
  FORMAT: 'cliHelp:placeholder.format',
  TEMPLATE: 'cliHelp:placeholder.template',
  LANGUAGE: 'cliHelp:placeholder.language',
  INSTRUMENT: 'cliHelp:placeholder.instrument',
  ARTICLE: 'cliHelp:placeholder.article',
  PARAGRAPH: 'cliHelp:placeholder.paragraph',
  HEADING: 'cliHelp:placeholder.heading',
  ABBREVIATION: 'cliHelp:placeholder.abbreviation',
  YEAR: 'cliHelp:placeholder.year',
} as const satisfies Record<string, CatalogueKey>

const PLACEHOLDER_WORD = /(?<![\w.-])(?:[A-Z][A-Z\d]*(?:,[A-Z][A-Z\d]*)+|[A-Z][A-Z\d]+(?:\.[a-z]+)?)(?![\w-])/g

/** The placeholders `text` (a usage line, `args`, an option's value) writes, in English. */
export const placeholderWords = (text: string): string[] => text.match(PLACEHOLDER_WORD) ?? []

/** `text` with its placeholders worded in the command line's language: `event add CASE` → `event add EXPEDIENTE`. */
export const placeholders = (text: string): string =>
  text.replace(PLACEHOLDER_WORD, (word) =>
    Object.hasOwn(PLACEHOLDERS, word) ? t(PLACEHOLDERS[word as keyof typeof PLACEHOLDERS]) : word,
  )

/**
 * A part cut from a worded text (its first sentence, shortened to fit a line): in the pseudo-language, the
 * marks the cut left open are closed again, so the part still shows which words came from the catalogue.
 */
export function closeMarks(text: string): string {
  if (!pseudo) return text
  let open = 0
  for (const c of text) open = c === '⟦' ? open + 1 : c === '⟧' ? Math.max(0, open - 1) : open
  return text + '⟧'.repeat(open)
}

/** An error's message in the command line's language. */
export const errorText = (e: unknown): string => {
  const worded = localMessage(e, current, sayHere)
  return (e as { text?: unknown } | null)?.text ? mark(worded) : worded
}

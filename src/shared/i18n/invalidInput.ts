/**
 * A failed zod parse carried across IPC as data, so each adapter words it in its
 * user's language: the window in Spanish says "Demasiado grande…", the command
 * line in English "Too big…". zod's own locales word each issue; the catalogue
 * gives the sentence around them (errRecords:invalidInput).
 */
import type { MessageRef } from '../ipc/result'
import type { Language } from '../domain/language'
import { catalogue, messageSource, say, type CatalogueKey, type Sayer, type TextValues } from './index'
import { zodLocale } from './zodLocale'
import { z } from 'zod'

export const INVALID_INPUT = 'errRecords:invalidInput'

/** At most this many issues are carried (a person reads the first few), each list within them cut to LIST. */
const ISSUES = 3
const LIST = 20

type Issue = { code?: unknown; path?: unknown; message?: unknown } & Record<string, unknown>

/**
 * What a value is, for "expected number, received text": carried instead of the value (which may be the
 * very text the user typed, or a secret), and turned back into an empty value of that kind to be worded.
 */
const KINDS: Record<string, unknown> = { null: null, array: [], nan: NaN, number: 0, string: '', boolean: false }
const kindOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && Number.isNaN(v)
        ? 'nan'
        : v instanceof Date
          ? 'date'
          : typeof v
const ALL_KINDS = [...['undefined', 'string', 'number', 'boolean', 'null', 'array', 'object', 'nan', 'bigint'], 'date']
const standIn = (kind: unknown): unknown =>
  typeof kind !== 'string'
    ? undefined
    : kind in KINDS
      ? KINDS[kind]
      : kind === 'bigint'
        ? 0n
        : kind === 'date'
          ? new Date(0)
          : kind === 'object'
            ? {}
            : undefined

const locales = { en: zodLocale('en'), es: zodLocale('es') }
/** zod's own English, which a process that never set its language (z.config) words issues in: known as zod's too. */
const zodEnglish = z.locales.en()

/** The schemas' own English messages (`z.string().min(1, 'a case needs a title')`), by their words. */
const SCHEMA_MESSAGES = new Map(
  Object.entries(catalogue.en.errRecords)
    .filter(([key]) => key.startsWith('schema.'))
    .map(([key, text]) => [text as string, `errRecords:${key}`]),
)

/** zod's own words for an issue in `lang`, or undefined when it has none. */
function zodWords(issue: Issue, lang: Language | 'zod'): string | undefined {
  try {
    const w = (lang === 'zod' ? zodEnglish : locales[lang]).localeError(issue as never)
    return typeof w === 'string' ? w : w?.message
  } catch {
    return undefined
  }
}

/**
 * The parts of an issue its wording uses: plain values only, lists cut short, the input replaced by its kind.
 * A message the schema gave itself (not zod's words in either language) is marked `own`: worded from its
 * catalogue twin when it has one, else kept as it is.
 */
function carried(issue: Issue): Issue {
  const out: Issue = {}
  for (const [k, v] of Object.entries(issue)) {
    if (k === 'input' || k === 'inst' || k === 'errors') continue
    if (Array.isArray(v)) out[k] = v.slice(0, LIST).map((x) => (typeof x === 'object' && x !== null ? String(x) : x))
    else if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v
  }
  // A check that names its catalogue message (params.key, which only custom checks can carry) or whose words
  // are a catalogue message (errRecords:schema.*, a built-in check's own words) is worded from it.
  const params = issue.params as { key?: unknown; values?: unknown } | undefined
  const known = typeof issue.message === 'string' ? SCHEMA_MESSAGES.get(issue.message) : undefined
  if (typeof params?.key === 'string' || known) {
    out.key = typeof params?.key === 'string' ? params.key : known
    out.keyValues = JSON.stringify(params?.values ?? {})
  }
  // zod keeps the input only when asked (reportInput): without it, the kind its words named is found again.
  const kinds = 'input' in issue ? [kindOf(issue.input)] : ALL_KINDS
  const said = (kind: string) =>
    (['en', 'es', 'zod'] as const).some((lang) => zodWords({ ...issue, input: standIn(kind) }, lang) === issue.message)
  const kind = issue.code === 'custom' ? undefined : kinds.find(said)
  if (kind === undefined) out.own = true
  else out.inputKind = kind
  return out
}

/** The catalogue reference a failed parse travels as (its English words: `invalidInput`'s message). */
export function invalidInputText(e: { issues: readonly object[] }): MessageRef {
  const issues = e.issues.slice(0, ISSUES).map((i) => carried(i as Issue))
  return { key: INVALID_INPUT, values: { issues: JSON.stringify(issues) } }
}

/** A check's carried values: plain values only. */
function catalogueValues(text: unknown): TextValues {
  try {
    const v = JSON.parse(String(text)) as unknown
    if (typeof v !== 'object' || v === null) return {}
    return Object.fromEntries(
      Object.entries(v).filter(([, x]) => x === null || ['string', 'number', 'boolean'].includes(typeof x)),
    ) as TextValues
  } catch {
    return {}
  }
}

/** The carried issues worded in `lang`: "path: problem; …". A custom check's own words are kept as they are. */
export function wordIssues(carriedIssues: unknown, lang: Language): string {
  let issues: Issue[]
  try {
    const parsed = JSON.parse(String(carriedIssues)) as unknown
    issues = Array.isArray(parsed) ? (parsed.filter((i) => typeof i === 'object' && i !== null) as Issue[]) : []
  } catch {
    issues = []
  }
  return issues
    .map((i) => {
      const own = typeof i.message === 'string' ? i.message : ''
      const worded =
        typeof i.key === 'string' && /^errRecords:[\w.]+$/.test(i.key)
          ? say(lang, i.key as CatalogueKey, catalogueValues(i.keyValues))
          : i.own
            ? own
            : (zodWords({ ...i, input: standIn(i.inputKind) }, lang) ?? own)
      const path = Array.isArray(i.path) ? i.path.map(String).join('.') : ''
      return path ? `${path}: ${worded}` : worded
    })
    .join('; ')
}

/**
 * The values to word a catalogue reference with in `lang`: a failed parse's issues in that language. Only
 * sentences about a failed parse have an {issues} place (a test holds the catalogue to that).
 */
export function localValues(text: MessageRef, lang: Language, depth = 0, sayer: Sayer = say): MessageRef['values'] {
  const values =
    text.values && 'issues' in text.values
      ? { ...text.values, issues: wordIssues(text.values.issues, lang) }
      : text.values
  if (!values || depth >= MAX_NESTING) return values
  let out = values
  // Another catalogue message said inside this one (`nestedText`): worded in `lang` too. Only a place of this
  // message (`reason$key`, not `reason$inner$key`, which its inner message words), so each value is visited once
  // per level whatever the values say.
  for (const [name, key] of Object.entries(values)) {
    if (!name.endsWith(NESTED_KEY) || name.indexOf('$') !== name.length - NESTED_KEY.length) continue
    if (typeof key !== 'string' || !inCatalogue(key)) continue
    const prefix = name.slice(0, -NESTED_KEY.length) + '$'
    const inner = Object.fromEntries(
      Object.entries(values)
        .filter(([n]) => n.startsWith(prefix) && n !== name)
        .map(([n, v]) => [n.slice(prefix.length), v]),
    )
    const worded = sayer(lang, key, localValues({ key, values: inner }, lang, depth + 1, sayer))
    // ICU gives its source back when values it needs are missing: the English as it stands says more than that.
    if (worded.includes('{') && worded === rawMessage(lang, key)) continue
    out = { ...out, [prefix.slice(0, -1)]: worded }
  }
  return out
}

const NESTED_KEY = '$key'
/** Deeper than any sentence we write (a reason inside a reason inside a refusal); values come over IPC. */
const MAX_NESTING = 4

const rawMessage = messageSource

/** Whether `key` names a message of the catalogue: values come over IPC, whatever they say. */
const inCatalogue = (key: string): key is CatalogueKey => rawMessage('en', key) !== undefined

/**
 * Values that say the catalogue message `ref` at the place {name} of another: in English as they stand,
 * and with its key and values alongside (flat, as every message's values are), so the window and the
 * command line word the reason in their language too, not only the sentence around it.
 */
export function nestedText(name: string, ref: MessageRef | string): TextValues {
  if (typeof ref === 'string') return { [name]: ref }
  const out: TextValues = { [name]: say('en', ref.key as CatalogueKey, localValues(ref, 'en')) }
  out[name + NESTED_KEY] = ref.key
  for (const [k, v] of Object.entries(ref.values ?? {})) out[`${name}$${k}`] = v
  return out
}

/** A failed parse said inside another sentence with an {issues} place (a labelled import row). */
export function invalidInputIn(
  key: CatalogueKey,
  e: { issues: readonly object[] },
  values: TextValues,
): { message: string; text: MessageRef } {
  const text = { key, values: { ...values, issues: invalidInputText(e).values!.issues } }
  return { message: say('en', key, localValues(text, 'en')), text }
}

/** A failed parse as an error's English message and the reference each adapter words it from. */
export function invalidInput(e: { issues: readonly object[] }): { message: string; text: MessageRef } {
  const text = invalidInputText(e)
  return { message: say('en', INVALID_INPUT, localValues(text, 'en')), text }
}

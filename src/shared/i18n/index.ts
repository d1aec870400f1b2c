/**
 * The one catalogue of the app's words, in Spanish and English: ICU messages
 * (plurals, selects) through i18next, one JSON file per language and area under
 * locales/. The window, the memo and the command line all read it.
 */
import i18next, { type i18n } from 'i18next'
import ICU from 'i18next-icu'
import { IntlMessageFormat } from 'intl-messageformat'
import type { Language } from '../domain/language'
import enBundles from './locales/en/bundles.json'
import esBundles from './locales/es/bundles.json'
import enCli from './locales/en/cli.json'
import esCli from './locales/es/cli.json'
import enCliEvidence from './locales/en/cliEvidence.json'
import esCliEvidence from './locales/es/cliEvidence.json'
import enCliCases from './locales/en/cliCases.json'
import esCliCases from './locales/es/cliCases.json'
import enCliDocs from './locales/en/cliDocs.json'
import esCliDocs from './locales/es/cliDocs.json'
import enCliHelp from './locales/en/cliHelp.json'
import esCliHelp from './locales/es/cliHelp.json'
import enErrStorage from './locales/en/errStorage.json'
import esErrStorage from './locales/es/errStorage.json'
import enErrRecords from './locales/en/errRecords.json'
import esErrRecords from './locales/es/errRecords.json'
import enErrMedia from './locales/en/errMedia.json'
import esErrMedia from './locales/es/errMedia.json'
import enErrBundles from './locales/en/errBundles.json'
import esErrBundles from './locales/es/errBundles.json'
import enExamination from './locales/en/examination.json'
import enMemo from './locales/en/memo.json'
import enReport from './locales/en/report.json'
import enTemplates from './locales/en/templates.json'
import esExamination from './locales/es/examination.json'
import esMemo from './locales/es/memo.json'
import esReport from './locales/es/report.json'
import esTemplates from './locales/es/templates.json'
import enBriefings from './locales/en/briefings.json'
import enEvidence from './locales/en/evidence.json'
import enUi from './locales/en/ui.json'
import esBriefings from './locales/es/briefings.json'
import esEvidence from './locales/es/evidence.json'
import esUi from './locales/es/ui.json'

export const catalogue = {
  en: {
    ui: enUi,
    briefings: enBriefings,
    evidence: enEvidence,
    memo: enMemo,
    templates: enTemplates,
    report: enReport,
    examination: enExamination,
    bundles: enBundles,
    cli: enCli,
    cliEvidence: enCliEvidence,
    cliCases: enCliCases,
    cliDocs: enCliDocs,
    cliHelp: enCliHelp,
    errStorage: enErrStorage,
    errRecords: enErrRecords,
    errMedia: enErrMedia,
    errBundles: enErrBundles,
  },
  es: {
    ui: esUi,
    briefings: esBriefings,
    evidence: esEvidence,
    memo: esMemo,
    templates: esTemplates,
    report: esReport,
    examination: esExamination,
    bundles: esBundles,
    cli: esCli,
    cliEvidence: esCliEvidence,
    cliCases: esCliCases,
    cliDocs: esCliDocs,
    cliHelp: esCliHelp,
    errStorage: esErrStorage,
    errRecords: esErrRecords,
    errMedia: esErrMedia,
    errBundles: esErrBundles,
  },
} as const
export type Namespace = keyof (typeof catalogue)['en']
export type MessageKey<N extends Namespace> = keyof (typeof catalogue)['en'][N] & string

export { formatBytes, formatDate, formatDateTime, formatNumber } from './format'

/** The language a system locale ("es-EC", "en-US") stands for; English for any other. */
export const languageOf = (locale: string | undefined): Language =>
  locale?.toLowerCase().startsWith('es') ? 'es' : 'en'

/**
 * A pseudo-language for tests: every message of English wrapped in ⟦ ⟧, so a
 * screen shown in it proves which of its words came from the catalogue.
 */
export function pseudoCatalogue(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(catalogue.en).map(([ns, msgs]) => [
      ns,
      Object.fromEntries(Object.entries(msgs as Record<string, string>).map(([k, v]) => [k, `⟦${v}⟧`])),
    ]),
  )
}

const instances = new Map<Language, i18n>()

function instance(lang: Language): i18n {
  let inst = instances.get(lang)
  if (!inst) {
    inst = i18next.createInstance()
    void inst.use(ICU).init({
      lng: lang,
      fallbackLng: 'en',
      resources: catalogue as unknown as Record<string, Record<string, Record<string, string>>>,
      ns: Object.keys(catalogue.en),
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    })
    instances.set(lang, inst)
  }
  return inst
}

export type Translate<N extends Namespace> = (key: MessageKey<N>, values?: Record<string, unknown>) => string

/** A translator for one language and area: `t('to')`, `t('pageOf', { page: 1, pages: 3 })`. */
export function translator<N extends Namespace>(lang: Language, ns: N): Translate<N> {
  const t = instance(lang).getFixedT(lang, ns)
  return (key, values) => t(key, values) as string
}

/** Any message of the catalogue named with its area: `'cli:caseCreated'`, `'errStorage:locked'`. */
export type CatalogueKey = { [N in Namespace]: `${N}:${MessageKey<N>}` }[Namespace]

export type TextValues = Record<string, string | number | boolean | null | undefined>

/**
 * One message in one language, named by its area and key: what the command line
 * prints and what an error carries across IPC to be worded in the window's language.
 */
export function say(lang: Language, key: CatalogueKey, values?: TextValues): string {
  return instance(lang).t(key, values as Record<string, unknown>) as string
}

/** How a message is worded: `say`, or a variant of it (the command line's `sayEdited`). */
export type Sayer = (lang: Language, key: CatalogueKey, values?: TextValues) => string

/** A message's ICU source in `lang`; undefined for anything that is not `area:name` of the catalogue. */
export function messageSource(lang: Language, key: string): string | undefined {
  const [area, name, ...rest] = key.split(':')
  const messages = (catalogue[lang] as Record<string, Record<string, string>>)[area ?? '']
  return !rest.length && messages && Object.hasOwn(messages, name ?? '') ? messages[name!] : undefined
}

const editedFormats = new Map<string, IntlMessageFormat>()

/**
 * `say` with the message's ICU source changed first by `edit` (its own words only: the values are said
 * as they are, whatever they hold). A source `edit` leaves as it was is said by `say`, as is one the
 * edit broke.
 */
export function sayEdited(
  lang: Language,
  key: CatalogueKey,
  values: TextValues | undefined,
  edit: (source: string) => string,
): string {
  const source = messageSource(lang, key) ?? messageSource('en', key)
  const changed = source === undefined ? source : edit(source)
  if (changed === undefined || changed === source) return say(lang, key, values)
  try {
    const id = `${lang}\u0000${changed}`
    let format = editedFormats.get(id)
    if (!format) {
      format = new IntlMessageFormat(changed, lang, undefined, { ignoreTag: true })
      if (editedFormats.size > 500) editedFormats.clear()
      editedFormats.set(id, format)
    }
    return String(format.format(values as Record<string, string | number | boolean>))
  } catch {
    return say(lang, key, values)
  }
}

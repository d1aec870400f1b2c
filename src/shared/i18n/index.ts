/**
 * The one catalogue of the app's words, in Spanish and English: ICU messages
 * (plurals, selects) through i18next, one JSON file per language and area under
 * locales/. The window, the memo and the command line all read it.
 */
import i18next, { type i18n } from 'i18next'
import ICU from 'i18next-icu'
import type { Language } from '../domain/language'
import enMemo from './locales/en/memo.json'
import enTemplates from './locales/en/templates.json'
import esMemo from './locales/es/memo.json'
import esTemplates from './locales/es/templates.json'

export const catalogue = {
  en: { memo: enMemo, templates: enTemplates },
  es: { memo: esMemo, templates: esTemplates },
} as const
export type Namespace = keyof (typeof catalogue)['en']
export type MessageKey<N extends Namespace> = keyof (typeof catalogue)['en'][N] & string

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

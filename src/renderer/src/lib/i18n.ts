/**
 * The window's words: the shared catalogue (src/shared/i18n) through i18next
 * with ICU messages and react-i18next. The language is the user's preference,
 * else the system's; it can change at run time.
 */
import i18next from 'i18next'
import ICU from 'i18next-icu'
import { initReactI18next, useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Language } from '@shared/domain'
import { catalogue, languageOf, pseudoCatalogue, type MessageKey, type Namespace } from '@shared/i18n'
import { zodLocale } from '@shared/i18n/zodLocale'

/** Tests show the window in a pseudo-language (every catalogue word in ⟦ ⟧) to find words that bypass it. */
const PSEUDO = 'qps'
const pseudo = () => {
  try {
    return window.localStorage.getItem('casefile.pseudoLanguage') === '1'
  } catch {
    return false
  }
}

/** The language last applied, so the next start shows it from the first frame (preferences arrive a moment later). */
const LAST_LANGUAGE_KEY = 'casefile.language'
const lastLanguage = (): Language | null => {
  try {
    const v = window.localStorage.getItem(LAST_LANGUAGE_KEY)
    return v === 'es' || v === 'en' ? v : null
  } catch {
    return null
  }
}

export const i18n = i18next.createInstance()
void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: { ...catalogue, ...(pseudo() ? { [PSEUDO]: pseudoCatalogue() } : {}) } as never,
    lng: pseudo() ? PSEUDO : (lastLanguage() ?? languageOf(navigator.language)),
    fallbackLng: 'en',
    ns: Object.keys(catalogue.en),
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  })
document.documentElement.lang = i18n.language === PSEUDO ? 'en' : i18n.language
/** zod's own messages (a form field's "too long") follow the window's language. */
const zodLanguage = (lang: string) => z.config(zodLocale(lang === 'es' ? 'es' : 'en'))
zodLanguage(i18n.language)

/** The window's language now (the pseudo-language counts as English). */
export const currentLanguage = (): Language => (i18n.language === 'es' ? 'es' : 'en')

/** Switches the window's language (null: the system's). */
export async function setLanguage(lang: Language | null | undefined): Promise<void> {
  if (pseudo()) return
  const next = lang ?? languageOf(navigator.language)
  try {
    window.localStorage.setItem(LAST_LANGUAGE_KEY, next)
  } catch {
    // Only the first frame of the next start is in the system's language.
  }
  if (i18n.language !== next) await i18n.changeLanguage(next)
  zodLanguage(next)
  document.documentElement.lang = next
}

export type T<N extends Namespace = 'ui'> = (key: MessageKey<N>, values?: Record<string, unknown>) => string

/** `const t = useT()` then `t('common.save')`; re-renders when the language changes. */
export function useT<N extends Namespace = 'ui'>(ns?: N): T<N> {
  const { t } = useTranslation(ns ?? 'ui')
  return t as unknown as T<N>
}

/** The language of the window, for the formatters; re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n: inst } = useTranslation()
  return inst.language === 'es' ? 'es' : 'en'
}

/**
 * zod's own messages in a language, for z.config and for wording an issue again
 * (invalidInput.ts). Its Spanish says a malformed string as "Inválido fecha y hora
 * ISO", "Inválido URL": the adjective before the noun and in the masculine. Those
 * are said here as Spanish puts them, "Fecha y hora ISO no válida"; every other
 * message is zod's own.
 */
import { z } from 'zod'
import type { Language } from '../domain/language'

/** zod's Spanish names of string formats that are feminine ("dirección de correo", "URL", "fecha ISO" ...). */
const FEMININE = /^(dirección|fecha|hora|duración|cadena|URL|entrada)\b/

type ErrorMap = ReturnType<typeof z.locales.en>['localeError']

function spanish(): { localeError: ErrorMap } {
  const es = z.locales.es().localeError
  return {
    localeError: (issue) => {
      const said = es(issue)
      const text = typeof said === 'string' ? said : said?.message
      const m = text && /^Inválido (.+)$/.exec(text)
      if (!m) return said
      const noun = m[1]
      return `${noun[0].toUpperCase()}${noun.slice(1)} no válid${FEMININE.test(noun) ? 'a' : 'o'}`
    },
  }
}

export const zodLocale = (lang: Language): { localeError: ErrorMap } => (lang === 'es' ? spanish() : z.locales.en())

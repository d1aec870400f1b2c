/**
 * zod's own messages in a language, for z.config and for wording an issue again
 * (invalidInput.ts). Its Spanish is not always Spanish: "Inválido fecha y hora ISO",
 * "se esperaba que texto tuviera <=300 caracteres", "se esperaba arreglo, recibido
 * número". Those are said here as Spanish puts them ("Fecha y hora ISO no válida",
 * "Demasiado largo: como máximo 300 caracteres", "se esperaba una lista, se recibió
 * un número"); every other message is zod's own.
 */
import { z } from 'zod'
import type { Language } from '../domain/language'

/** zod's Spanish names of string formats that are feminine ("dirección de correo", "URL", "fecha ISO" ...). */
const FEMININE = /^(dirección|fecha|hora|duración|cadena|URL|entrada)\b/

type ErrorMap = ReturnType<typeof z.locales.en>['localeError']

/** What a value is, as a Spanish sentence names it ("se esperaba un texto"). */
const SPANISH_KINDS: Record<string, string> = {
  string: 'un texto',
  number: 'un número',
  int: 'un número entero',
  boolean: 'verdadero o falso',
  array: 'una lista',
  object: 'un objeto',
  date: 'una fecha',
  bigint: 'un número entero',
  null: 'un valor nulo',
  nan: 'NaN',
}

type Issue = Parameters<ErrorMap>[0] & Record<string, unknown>

/** The kind of a received value, as zod's own messages tell it apart. */
const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isNaN(v) ? 'nan' : typeof v

/** Sizes and kinds in Spanish word order; zod's own "se esperaba que texto tuviera <=300 caracteres" is not Spanish. */
function spanishSentence(issue: Issue): string | undefined {
  const origin = String(issue.origin ?? '')
  const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum)
  const inclusive = issue.inclusive !== false
  if (issue.code === 'too_big') {
    if (origin === 'string') return `Demasiado largo: ${inclusive ? 'como máximo' : 'menos de'} ${n} caracteres`
    if (origin === 'array' || origin === 'set')
      return `Demasiados elementos: ${inclusive ? 'como máximo' : 'menos de'} ${n}`
    if (origin === 'number' || origin === 'int' || origin === 'bigint')
      return `Demasiado grande: ${inclusive ? 'como máximo' : 'menor que'} ${n}`
  }
  if (issue.code === 'too_small') {
    if (origin === 'string')
      return inclusive && n === 1
        ? 'No puede estar vacío'
        : `Demasiado corto: ${inclusive ? 'al menos' : 'más de'} ${n} caracteres`
    if (origin === 'array' || origin === 'set')
      return inclusive && n === 1
        ? 'No puede estar vacía'
        : `Muy pocos elementos: ${inclusive ? 'al menos' : 'más de'} ${n}`
    if (origin === 'number' || origin === 'int' || origin === 'bigint')
      return `Demasiado pequeño: ${inclusive ? 'como mínimo' : 'mayor que'} ${n}`
  }
  if (issue.code === 'invalid_type') {
    const expected = SPANISH_KINDS[String(issue.expected)]
    if (!expected) return undefined
    const received = kindOf(issue.input)
    if (received === 'undefined') return `Falta: se esperaba ${expected}`
    return `Entrada no válida: se esperaba ${expected}, se recibió ${SPANISH_KINDS[received] ?? received}`
  }
  return undefined
}

function spanish(): { localeError: ErrorMap } {
  const es = z.locales.es().localeError
  return {
    localeError: (issue) => {
      const own = spanishSentence(issue as Issue)
      if (own) return own
      const said = es(issue)
      const text = typeof said === 'string' ? said : said?.message
      const m = text && /^Inválido (.+)$/.exec(text)
      if (!m) return said
      const noun = m[1]
      return `${noun[0].toUpperCase()}${noun.slice(1)} no válid${FEMININE.test(noun) ? 'a' : 'o'}`
    },
  }
}

/** Sizes as a person says them: zod's own "Too big: expected string to have <=300 characters" reads as code. */
function englishSentence(issue: Issue): string | undefined {
  const origin = String(issue.origin ?? '')
  const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum)
  const inclusive = issue.inclusive !== false
  const plural = (word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (issue.code === 'too_big') {
    if (origin === 'string') return `Too long: ${inclusive ? 'at most' : 'fewer than'} ${plural('character')}`
    if (origin === 'array' || origin === 'set') return `Too many items: ${inclusive ? 'at most' : 'fewer than'} ${n}`
    if (origin === 'number' || origin === 'int' || origin === 'bigint')
      return `Too large: ${inclusive ? 'at most' : 'less than'} ${n}`
  }
  if (issue.code === 'too_small') {
    if (origin === 'string')
      return inclusive && n === 1
        ? 'Cannot be empty'
        : `Too short: ${inclusive ? 'at least' : 'more than'} ${plural('character')}`
    if (origin === 'array' || origin === 'set')
      return inclusive && n === 1 ? 'Cannot be empty' : `Too few items: ${inclusive ? 'at least' : 'more than'} ${n}`
    if (origin === 'number' || origin === 'int' || origin === 'bigint')
      return `Too small: ${inclusive ? 'at least' : 'more than'} ${n}`
  }
  return undefined
}

function english(): { localeError: ErrorMap } {
  const en = z.locales.en().localeError
  return { localeError: (issue) => englishSentence(issue as Issue) ?? en(issue) }
}

export const zodLocale = (lang: Language): { localeError: ErrorMap } => (lang === 'es' ? spanish() : english())

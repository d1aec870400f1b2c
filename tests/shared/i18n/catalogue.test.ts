/** The catalogue is whole in both languages, and every message is a valid ICU message with the same arguments. */
import IntlMessageFormat from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { catalogue, formatBytes, formatDate, formatDateTime, translator } from '@shared/i18n'

type Msgs = Record<string, string>
const namespaces = Object.keys(catalogue.en) as (keyof typeof catalogue.en)[]

/** The argument names of an ICU message (plural/select arguments and simple ones). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>()
  const walk = (els: unknown[]) => {
    for (const el of els as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.value && el.type !== 0 && el.type !== 7) names.add(el.value)
      for (const o of Object.values(el.options ?? {})) walk(o.value)
    }
  }
  walk(new IntlMessageFormat(message, 'en').getAst() as unknown[])
  return [...names].sort()
}

describe('the catalogue', () => {
  it.each(namespaces)('%s: every key exists in English and in Spanish', (ns) => {
    const en = Object.keys(catalogue.en[ns] as Msgs).sort()
    const es = Object.keys(catalogue.es[ns] as Msgs).sort()
    expect(
      es.filter((k) => !en.includes(k)),
      'only in Spanish',
    ).toEqual([])
    expect(
      en.filter((k) => !es.includes(k)),
      'only in English',
    ).toEqual([])
  })

  it.each(namespaces)('%s: every message parses, with the same arguments in both languages', (ns) => {
    for (const [key, message] of Object.entries(catalogue.en[ns] as Msgs)) {
      const es = (catalogue.es[ns] as Msgs)[key]
      expect(() => new IntlMessageFormat(message, 'en'), `en ${ns}.${key}`).not.toThrow()
      expect(() => new IntlMessageFormat(es, 'es'), `es ${ns}.${key}`).not.toThrow()
      expect(argumentsOf(es), `${ns}.${key}`).toEqual(argumentsOf(message))
    }
  })

  it('pluralises and formats in both languages', () => {
    expect(translator('en', 'memo')('pageOf', { page: 1, pages: 3 })).toBe('Page 1 of 3')
    expect(translator('es', 'memo')('pageOf', { page: 1, pages: 3 })).toBe('Página 1 de 3')
    expect(translator('es', 'templates')('caseFile.legalIntro', { count: 2 })).toBe(
      'Las siguientes 2 disposiciones se aplican a los hechos expuestos.',
    )
    expect(formatDate('2026-01-28T10:00:00Z', 'es')).toBe('28 de enero de 2026')
    expect(formatDate('2026-01-28T10:00:00Z', 'en')).toBe('28 January 2026')
    expect(formatDateTime('2026-01-28T16:05:00Z', 'en', 'America/Chicago', { showZone: true })).toBe(
      '28 January 2026, 10:05 (America/Chicago)',
    )
    expect(formatBytes(1_500_000, 'es')).toBe('1,5 MB')
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB')
  })
})

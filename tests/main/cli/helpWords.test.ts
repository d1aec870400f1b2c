/**
 * Help's own words in the command line's language: the placeholders of usage lines (`CASE`, `--at WHEN`) are
 * catalogue words, the same ones in usage lines, option rows, the overview and the catalogue's sentences.
 */
import { describe, expect, it } from 'vitest'
import { catalogue, say } from '@shared/i18n'
import { COMMANDS } from '@main/cli'
import { COMMON_OPTIONS } from '@main/cli/framework'
import { PLACEHOLDERS, placeholderWords } from '@main/cli/language'
import { runMain } from '../../helpers/cli'

/** Every text of a command that holds placeholders, as written in the command table. */
const written = COMMANDS.flatMap((c) => [
  c.args ?? '',
  c.usage ?? '',
  ...Object.values({ ...c.options, ...COMMON_OPTIONS }).map((o) => o.value ?? 'VALUE'),
])

/** The placeholders Spanish words differently, by their English word. */
const translated = Object.entries(PLACEHOLDERS).filter(([en, key]) => say('es', key) !== en)
const wholeWord = (word: string) => new RegExp(`(?<![\\w$])${word.replace(/[.,]/g, '\\$&')}(?![\\w])`)

describe('the placeholders of help', () => {
  it('every placeholder a command writes is a catalogue word', () => {
    const words = new Set(written.flatMap(placeholderWords))
    expect([...words].filter((w) => !Object.hasOwn(PLACEHOLDERS, w))).toEqual([])
    expect(words).toContain('CASE')
  })

  it('the Spanish catalogue names each placeholder as Spanish help prints it', () => {
    const cliNamespaces = Object.keys(catalogue.es).filter((ns) => ns.startsWith('cli'))
    const stale: string[] = []
    for (const ns of cliNamespaces)
      for (const [key, message] of Object.entries(catalogue.es[ns as keyof typeof catalogue.es]))
        for (const [en] of translated) if (wholeWord(en).test(message)) stale.push(`${ns}:${key} says ${en}`)
    expect(stale).toEqual([])
  })

  it('Spanish help, the overview and every command, prints no English placeholder', async () => {
    const printed: string[] = []
    for (const args of [['help'], ...COMMANDS.map((c) => ['help', ...c.name.split(' ')])]) {
      const r = await runMain([...args, '--lang', 'es'])
      expect(r.code, args.join(' ')).toBe(0)
      printed.push(...r.stdout.split('\n').map((line) => `${args.join(' ')}: ${line}`))
    }
    const english = printed.filter((line) => translated.some(([en]) => wholeWord(en).test(line)))
    expect(english).toEqual([])
  })
})

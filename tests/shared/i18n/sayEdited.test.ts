/**
 * sayEdited: a message worded from its ICU source as an adapter changed it (the command line's hints), with
 * the values said as they are, whatever they hold, and plurals and selects chosen as `say` chooses them.
 */
import { describe, expect, it } from 'vitest'
import { messageSource, say, sayEdited } from '@shared/i18n'

describe('sayEdited', () => {
  const edit = (s: string) => s.replace('casefile repair', 'casefile {opt} repair')

  it('says the edited words with the values untouched, in either language', () => {
    const values = { title: "see casefile repair {now} it's #1", folder: 'cases/x', backup: 'none', reason: 'ENOSPC' }
    for (const lang of ['en', 'es'] as const) {
      const plain = say(lang, 'errRecords:caseBackNotListed', values)
      const edited = sayEdited(lang, 'errRecords:caseBackNotListed', { ...values, opt: "--workspace='/a b'" }, edit)
      // The message's own "casefile repair" (its last) changes; the title's stays as typed.
      const at = plain.lastIndexOf('casefile repair')
      expect(at).toBeGreaterThan(plain.indexOf(values.title))
      expect(edited).toBe(`${plain.slice(0, at)}casefile --workspace='/a b' repair${plain.slice(at + 15)}`)
      expect(edited).toContain(values.title)
    }
    // A select's choice is still made by its value.
    const withBackup = sayEdited('en', 'errRecords:caseBackNotListed', { ...values, backup: 'b1', opt: 'X' }, edit)
    expect(withBackup).toContain('its case file put back from the backup b1')
  })

  it('is say itself when the edit changes nothing, the key is unknown, or the edit breaks the message', () => {
    const values = { relPath: 'a', quarantined: 'q', backup: 'none' }
    expect(sayEdited('es', 'errStorage:setAsideRestoreFirst', values, (s) => s)).toBe(
      say('es', 'errStorage:setAsideRestoreFirst', values),
    )
    expect(sayEdited('en', 'errStorage:setAsideRestoreFirst', values, (s) => `${s} {broken`)).toBe(
      say('en', 'errStorage:setAsideRestoreFirst', values),
    )
    expect(messageSource('en', 'errStorage:noSuchKey')).toBeUndefined()
    expect(messageSource('en', 'errStorage:setAsideRestoreFirst:extra')).toBeUndefined()
    expect(messageSource('en', 'errStorage:setAsideRestoreFirst')).toContain('{relPath}')
  })
})

/**
 * A catalogue message said inside another (a refusal and the reason for it): worded in the reader's
 * language as a whole, not a Spanish sentence ending in an English reason.
 */
import { describe, expect, it } from 'vitest'
import { say, type TextValues } from '@shared/i18n'
import { localMessage } from '@shared/i18n/appError'
import { localValues, nestedText } from '@shared/i18n/invalidInput'
import type { MessageRef } from '@shared/ipc/result'

const reason: MessageRef = {
  key: 'errStorage:whyNotLoaded',
  values: { reason: 'json', detail: 'Unexpected end of JSON input', version: 0, issues: '', path: 'none', entry: '' },
}

describe('nestedText', () => {
  it('says the inner message in English where it stands, and in the reader language when worded', () => {
    const values: TextValues = { title: 'Quay', ...nestedText('reason', reason) }
    expect(values.reason).toBe('it is not valid JSON (Unexpected end of JSON input)')
    const text = { key: 'errRecords:caseBackInTrashNoGoodBackup', values }
    expect(localMessage({ text }, 'es')).toBe(
      'El archivo de expediente de "Quay" no se pudo cargar y no tiene ninguna copia de seguridad válida, así que el expediente sigue en la papelera: no es JSON válido (Unexpected end of JSON input)',
    )
    expect(localMessage({ text }, 'en')).toMatch(/stays in the trash: it is not valid JSON \(Unexpected end/)
  })

  it('nests twice, and takes a plain reason as it is', () => {
    const inner = {
      key: 'errRecords:caseBackInTrashNoGoodBackup',
      values: { title: 'Q', ...nestedText('reason', reason) },
    }
    const outer = { key: 'errRecords:caseFolderBackFileNot', values: { title: 'Q', ...nestedText('reason', inner) } }
    expect(say('es', 'errRecords:caseFolderBackFileNot', localValues(outer, 'es'))).toContain('no es JSON válido')
    expect(nestedText('reason', 'ENOSPC: no space left on device')).toEqual({
      reason: 'ENOSPC: no space left on device',
    })
  })

  it('words no key that is not in the catalogue (values come over IPC): the English stands', () => {
    for (const key of ['errStorage:nope', 'constructor', 'errStorage:__proto__', 'errStorage:whyNotLoaded:x', '']) {
      const values = { reason: 'as it was', reason$key: key }
      expect(localValues({ key: 'errRecords:caseFolderBackFileNot', values }, 'es')).toEqual(values)
    }
  })

  it('values nested far deeper than any message: worded in bounded time, the English standing below the limit', () => {
    const values: Record<string, string> = {}
    let name = 'reason'
    for (let i = 0; i < 40; i++) {
      values[name] = 'as it was'
      values[`${name}$key`] = 'errRecords:caseFolderBackFileNot'
      values[`${name}$title`] = 'Q'
      name = `${name}$reason`
    }
    const worded = localValues({ key: 'errRecords:caseFolderBackFileNot', values }, 'es')
    expect(worded?.reason).toMatch(/^La carpeta de "Q" ha vuelto/)
    expect(JSON.stringify(worded).length).toBeLessThan(100_000)
  })

  it('a thing at a case folder place is named in Spanish too (no "file" or "symbolic link" in a Spanish sentence)', () => {
    expect(say('es', 'errStorage:caseFolderCasefileDoes', { rel: 'cases/x', value: 'link' })).toBe(
      'cases/x es un enlace simbólico, no una carpeta de expediente; Casefile no lo abre.',
    )
    expect(say('es', 'errStorage:caseFolderCasefileDoes', { rel: 'cases/x', value: 'file' })).toMatch(/es un archivo,/)
  })

  it('an inner message whose values are missing keeps the English, never ICU source', () => {
    const values = { reason: 'as it was', reason$key: 'errRecords:caseFolderBackFileNot' }
    expect(localValues({ key: 'errRecords:caseFolderBackFileNot', values }, 'es')?.reason).toBe('as it was')
  })
})

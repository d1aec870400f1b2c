/**
 * An error crosses IPC with its catalogue message (key and values), so the window
 * words it in the user's language; its `message` stays the English text.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { say, type CatalogueKey } from '@shared/i18n'
import { localMessage } from '@shared/i18n/appError'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

describe('errors across IPC', () => {
  it('carry their catalogue message, worded in Spanish or English from the same key and values', async () => {
    const root = await tempDir()
    const { dispatch, session } = await ipcHarness({ userData: join(root, 'user'), workspace: join(root, 'ws') })
    try {
      const r = await dispatch('cases:get', { caseId: 'case_nowhere' })
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('NOT_FOUND')
      expect(r.error.text).toEqual({ key: 'errRecords:noCaseId', values: { caseId: 'case_nowhere' } })
      expect(r.error.message).toBe('No case with id "case_nowhere".')
      expect(say('es', r.error.text!.key as CatalogueKey, r.error.text!.values)).toBe(
        'No hay ningún expediente con el identificador "case_nowhere".',
      )
      expect(localMessage(r.error, 'es')).toBe('No hay ningún expediente con el identificador "case_nowhere".')

      const key = await dispatch('keys:trust', { fingerprint: 'not-a-fingerprint' })
      expect(!key.ok && localMessage(key.error, 'es')).toBe(
        '"not-a-fingerprint" no es una huella digital de clave (64 dígitos hexadecimales).',
      )
    } finally {
      await session.close()
    }
  })

  it("titles native file dialogs in the window's language: the user's choice, else the system's", async () => {
    const root = await tempDir()
    const titles: string[] = []
    const { dispatch, session } = await ipcHarness(
      { userData: join(root, 'user'), workspace: join(root, 'ws') },
      {
        chooseFiles: async (title: string) => {
          titles.push(title)
          return null
        },
      },
    )
    try {
      const created = await dispatch('cases:create', { title: 'Incidente' })
      const caseId = created.ok ? (created.value as { id: string }).id : ''
      await dispatch('evidence:pickAndImport', { caseId })
      session.systemLanguage = 'es'
      await dispatch('evidence:pickAndImport', { caseId })
      await dispatch('preferences:set', { language: 'en' })
      await dispatch('evidence:pickAndImport', { caseId })
      expect(titles).toEqual(['Import evidence files', 'Importar archivos de prueba', 'Import evidence files'])
    } finally {
      await session.close()
    }
  })

  it('keeps a plain message as it is when it names no catalogue entry', () => {
    expect(localMessage(new Error('disk on fire'), 'es')).toBe('disk on fire')
  })
})

/**
 * Messages that count things say one thing in the singular and more in the plural, in both
 * languages: no "problem(s)" or "archivo(s)", and the verb agrees with its count.
 */
import { describe, expect, it } from 'vitest'
import { say, type CatalogueKey, type TextValues } from '@shared/i18n'

/** Each counting message with the values it is given, every count set to `n`. */
const COUNTED: Record<string, (n: number) => TextValues> = {
  'cli:problemFoundWorkspace': (n) => ({ problemCount: n }),
  'cli:problemRemainRepairCannot': (n) => ({ remainingCount: n }),
  'cli:hitMs': (n) => ({ hitCount: n, total: n, tookMs: 12 }),
  'cliCases:wroteCue': (n) => ({ path: 'out.vtt', format: 'VTT', cues: n }),
  'cliCases:addedAnnotation': (n) => ({ addedCount: n, item: 'ev_1' }),
  'cliDocs:wouldImportExcerptDry': (n) => ({ value: n }),
  'cliDocs:importedExcerpt': (n) => ({ addedCount: n }),
  'cliDocs:rowCouldImported': (n) => ({ problemCount: n, file: 'rows.csv' }),
  'cliDocs:wroteCaseEvidenceItem': (n) => ({
    path: 'x.casefile',
    human: '1 KB',
    caseId: 'case_1',
    evidence: n,
    blobs: n,
  }),
  'cliDocs:holdsEvidenceItemFile': (n) => ({ evidence: n, blobs: n, human: '1 KB', briefings: n, statutes: n }),
  'cliDocs:evidenceItemFileAlready': (n) => ({
    evidence: n,
    blobs: n,
    blobsAlreadyPresent: n,
    annotations: n,
    briefings: n,
    notes: n,
    statutes: n,
  }),
  'cliDocs:excerptDifferLibraryUnder': (n) => ({ statutesRenamed: n }),
  'cliEvidence:itemCouldReadAgain': (n) => ({ failed: n, itemCount: n }),
  'cliEvidence:itemRead': (n) => ({ filterCount: n }),
  'cliEvidence:verify.badBlobs': (n) => ({ bad: n, checked: n }),
  'cliEvidence:verify.unreadable': (n) => ({ count: n }),
  'errStorage:decryptedFileDoOpen': (n) => ({ badCount: n, badList: 'a.json', value: '' }),
  'errStorage:interruptedEvidenceChangeCompleted': (n) => ({ completed: n, dropped: n }),
  'cliEvidence:allBlobsMatchAudit': (n) => ({ checked: n, entries: n }),
  'errStorage:indexRebuilt': (n) => ({
    file: 'workspace.json',
    why: 'missing',
    readOnly: 'no',
    count: n,
    from: 'none',
    unreadableCount: n,
    unreadableList: 'cases/x',
  }),
}

const keys = Object.keys(COUNTED) as CatalogueKey[]
const text = (lang: 'en' | 'es', key: CatalogueKey, n: number) => say(lang, key, COUNTED[key](n))

describe('messages that count', () => {
  it.each(keys)('%s: one and two read differently, with no "(s)" or "(es)", in both languages', (key) => {
    for (const lang of ['en', 'es'] as const) {
      const [one, two] = [text(lang, key, 1), text(lang, key, 2)]
      for (const t of [one, two]) {
        expect(t, `${lang} ${key}`).not.toMatch(/\((s|es)\)/)
        expect(t, `${lang} ${key}`).not.toContain('{')
      }
      // Not only the digit differs: with 2 read as 1, the plural text is still not the singular one.
      expect(two.replace(/\b2\b/g, '1'), `${lang} ${key}`).not.toBe(one)
    }
    expect(text('en', key, 0), key).not.toMatch(/\((s|es)\)/)
  })

  it('says the count with its noun and verb agreeing, in English', () => {
    expect(text('en', 'cli:problemFoundWorkspace', 1)).toBe('1 problem found in the workspace')
    expect(text('en', 'cli:problemFoundWorkspace', 2)).toBe('2 problems found in the workspace')
    expect(text('en', 'cli:problemFoundWorkspace', 0)).toBe('0 problems found in the workspace')
    expect(text('en', 'cli:problemRemainRepairCannot', 1)).toBe('1 problem remains that repair cannot fix alone')
    expect(text('en', 'cli:problemRemainRepairCannot', 2)).toBe('2 problems remain that repair cannot fix alone')
    expect(say('en', 'cli:hitMs', { hitCount: 1, total: 1, tookMs: 3 })).toBe('1 of 1 hit in 3 ms')
    expect(say('en', 'cli:hitMs', { hitCount: 2, total: 7, tookMs: 3 })).toBe('2 of 7 hits in 3 ms')
    expect(text('en', 'cliDocs:importedExcerpt', 0)).toBe('Imported 0 excerpts.')
    expect(text('en', 'cliDocs:importedExcerpt', 1)).toBe('Imported 1 excerpt.')
    expect(text('en', 'cliDocs:rowCouldImported', 1)).toBe('1 row of rows.csv could not be imported')
    expect(text('en', 'cliDocs:rowCouldImported', 2)).toBe('2 rows of rows.csv could not be imported')
    expect(
      say('en', 'cliDocs:evidenceItemFileAlready', { ...COUNTED['cliDocs:evidenceItemFileAlready'](1), notes: 2 }),
    ).toBe('  1 evidence item, 1 file (1 already here), 1 annotation, 1 briefing, 2 notes, 1 statute excerpt')
    expect(
      say('en', 'cliDocs:holdsEvidenceItemFile', { evidence: 2, blobs: 1, human: '3 KB', briefings: 0, statutes: 1 }),
    ).toBe('  Holds:       2 evidence items, 1 file (3 KB), 0 briefings, 1 statute excerpt')
    expect(say('en', 'cliEvidence:verify.badBlobs', { bad: 1, checked: 1 })).toBe(
      '1 of 1 blob does not match its recorded SHA-256',
    )
    expect(say('en', 'cliEvidence:verify.badBlobs', { bad: 2, checked: 5 })).toBe(
      '2 of 5 blobs do not match their recorded SHA-256',
    )
    expect(text('en', 'cliEvidence:itemRead', 1)).toBe('1 item read.')
    expect(text('en', 'cliEvidence:itemRead', 3)).toBe('3 items read.')
    expect(text('en', 'cliEvidence:verify.unreadable', 1)).toBe('1 case could not be read')
    expect(text('en', 'cliEvidence:verify.unreadable', 2)).toBe('2 cases could not be read')
    expect(text('en', 'errStorage:decryptedFileDoOpen', 1)).toMatch(
      /^Not decrypted: 1 file does not open with this workspace's key \(.*\): a\.json\. No file was decrypted/,
    )
    expect(text('en', 'errStorage:decryptedFileDoOpen', 2)).toMatch(/^Not decrypted: 2 files do not open with /)
    expect(text('en', 'errStorage:interruptedEvidenceChangeCompleted', 1)).toBe(
      '1 interrupted evidence change completed (its audit entries appended); 1 dropped (its case write had never landed).',
    )
    expect(say('en', 'errStorage:interruptedEvidenceChangeCompleted', { completed: 2, dropped: 0 })).toBe(
      '2 interrupted evidence changes completed (their audit entries appended).',
    )
    expect(say('en', 'errStorage:interruptedEvidenceChangeCompleted', { completed: 0, dropped: 1 })).toBe(
      'No interrupted evidence change was completed; 1 dropped (its case write had never landed).',
    )
    // Counts in one line are grouped alike.
    expect(say('en', 'cli:hitMs', { hitCount: 1000, total: 1000, tookMs: 3 })).toBe('1,000 of 1,000 hits in 3 ms')
    expect(say('en', 'cliEvidence:verify.badBlobs', { bad: 1000, checked: 2000 })).toBe(
      '1,000 of 2,000 blobs do not match their recorded SHA-256',
    )
    expect(text('en', 'cliEvidence:allBlobsMatchAudit', 1)).toBe('The blob matches; audit log intact (1 entry).')
    expect(text('en', 'cliEvidence:allBlobsMatchAudit', 3)).toBe('All 3 blobs match; audit log intact (3 entries).')
    expect(text('en', 'errStorage:indexRebuilt', 1)).toBe(
      'workspace.json was missing: the case index was rebuilt from the 1 case folder on disk, with the default workspace name, user name and settings. 1 case folder could not be read and is not listed: cases/x. Check the case list.',
    )
    expect(text('en', 'errStorage:indexRebuilt', 2)).toContain('from the 2 case folders on disk')
    expect(text('en', 'errStorage:indexRebuilt', 2)).toContain(' 2 case folders could not be read and are not listed:')
  })

  it('says the count with its noun and verb agreeing, in Spanish', () => {
    expect(text('es', 'cli:problemFoundWorkspace', 1)).toBe('Se encontró 1 problema en el espacio de trabajo')
    expect(text('es', 'cli:problemFoundWorkspace', 2)).toBe('Se encontraron 2 problemas en el espacio de trabajo')
    expect(say('es', 'cli:hitMs', { hitCount: 1, total: 1, tookMs: 3 })).toBe('1 de 1 resultado en 3 ms')
    expect(say('es', 'cli:hitMs', { hitCount: 2, total: 7, tookMs: 3 })).toBe('2 de 7 resultados en 3 ms')
    expect(text('es', 'cliCases:addedAnnotation', 1)).toBe('Se añadió 1 anotación a ev_1.')
    expect(text('es', 'cliCases:addedAnnotation', 2)).toBe('Se añadieron 2 anotaciones a ev_1.')
    expect(text('es', 'cliDocs:importedExcerpt', 1)).toBe('Se importó 1 extracto.')
    expect(text('es', 'cliDocs:importedExcerpt', 0)).toBe('Se importaron 0 extractos.')
    expect(text('es', 'cliDocs:rowCouldImported', 1)).toBe('1 fila de rows.csv no se pudo importar')
    expect(text('es', 'cliDocs:rowCouldImported', 2)).toBe('2 filas de rows.csv no se pudieron importar')
    expect(
      say('es', 'cliDocs:evidenceItemFileAlready', { ...COUNTED['cliDocs:evidenceItemFileAlready'](2), notes: 1 }),
    ).toBe('  2 pruebas, 2 archivos (2 ya estaban aquí), 2 anotaciones, 2 informes, 1 nota, 2 extractos normativos')
    expect(text('es', 'cliDocs:excerptDifferLibraryUnder', 1)).toBe(
      '  1 extracto difiere del de la biblioteca con el mismo identificador: se añadió con un identificador nuevo',
    )
    expect(say('es', 'cliEvidence:itemCouldReadAgain', { failed: 1, itemCount: 3 })).toBe(
      '1 de 3 pruebas no se pudo volver a leer',
    )
    expect(say('es', 'cliEvidence:itemCouldReadAgain', { failed: 2, itemCount: 3 })).toBe(
      '2 de 3 pruebas no se pudieron volver a leer',
    )
    expect(text('es', 'cliEvidence:itemRead', 1)).toBe('1 prueba leída.')
    expect(text('es', 'cliEvidence:itemRead', 2)).toBe('2 pruebas leídas.')
    expect(say('es', 'cliEvidence:verify.badBlobs', { bad: 1, checked: 4 })).toBe(
      '1 de 4 archivos no coincide con su SHA-256 registrado',
    )
    expect(text('es', 'cliEvidence:verify.unreadable', 1)).toBe('1 expediente no se pudo leer')
    expect(text('es', 'cliEvidence:verify.unreadable', 2)).toBe('2 expedientes no se pudieron leer')
    expect(text('es', 'errStorage:decryptedFileDoOpen', 1)).toMatch(
      /^No se descifró: 1 archivo no se abre con la clave de este espacio de trabajo \(dañado, trasladado o colocado desde fuera\): a\.json\. /,
    )
    expect(text('es', 'errStorage:decryptedFileDoOpen', 2)).toMatch(
      /^No se descifró: 2 archivos no se abren con la clave de este espacio de trabajo \(dañados, trasladados o colocados desde fuera\): /,
    )
    expect(text('es', 'errStorage:interruptedEvidenceChangeCompleted', 1)).toBe(
      'Se completó 1 cambio de pruebas interrumpido (se añadieron sus entradas de auditoría); se descartó 1 (su escritura en el expediente nunca llegó a hacerse).',
    )
    expect(say('es', 'errStorage:interruptedEvidenceChangeCompleted', { completed: 0, dropped: 2 })).toBe(
      'No se completó ningún cambio de pruebas interrumpido; se descartaron 2 (sus escrituras en el expediente nunca llegaron a hacerse).',
    )
    expect(say('es', 'cliEvidence:itemCouldReadAgain', { failed: 1000, itemCount: 1000 })).toBe(
      '1000 de 1000 pruebas no se pudieron volver a leer',
    )
    expect(text('es', 'errStorage:indexRebuilt', 1)).toContain(' a partir de 1 carpeta de expediente del disco')
    expect(say('es', 'errStorage:interruptedEvidenceChangeCompleted', { completed: 2, dropped: 0 })).toBe(
      'Se completaron 2 cambios de pruebas interrumpidos (se añadieron sus entradas de auditoría).',
    )
  })
})

/**
 * The title each handler gives the native dialog it asks the platform for (open folder, open files, save),
 * in English, then in Spanish once the person chose Spanish through preferences:set: the exact catalogue
 * text (errRecords dialog.*), so a handler that names the wrong dialog, or ignores the language, shows.
 * Every dialog is dismissed, so none of them writes anything.
 */
import { describe, expect, it } from 'vitest'
import type { Briefing, Case, EvidenceItem } from '@shared/domain'
import { useTempDirs } from '../../helpers/tmp'
import { ipcHarness } from './harness'

const tempDir = useTempDirs()

const EN = {
  openWorkspace: 'Open or create a Casefile workspace',
  logo: 'Choose the letterhead logo (PNG or JPEG)',
  exportAnnotations: 'Export the annotations',
  importSubtitles: 'Import subtitles or an ELAN file (.vtt, .srt, .eaf)',
  importClearance: 'Import a clearance copy (Word)',
  importEvidence: 'Import evidence files',
  custodyReport: 'Save the chain-of-custody report',
  exportBundle: 'Export the case as a bundle',
  openBundle: 'Open a case bundle (.casefile)',
  exportWord: 'Export the memo as Word',
  exportPdf: 'Export the memo as PDF',
}
const ES: typeof EN = {
  openWorkspace: 'Abrir o crear un espacio de trabajo de Casefile',
  logo: 'Elegir el logotipo del membrete (PNG o JPEG)',
  exportAnnotations: 'Exportar las anotaciones',
  importSubtitles: 'Importar subtítulos o un archivo de ELAN (.vtt, .srt, .eaf)',
  importClearance: 'Importar una copia revisada (Word)',
  importEvidence: 'Importar archivos de prueba',
  custodyReport: 'Guardar el informe de cadena de custodia',
  exportBundle: 'Exportar el expediente como paquete',
  openBundle: 'Abrir un paquete de expediente (.casefile)',
  exportWord: 'Exportar el memorando a Word',
  exportPdf: 'Exportar el memorando a PDF',
}

describe('native dialog titles', () => {
  it("name each dialog, in the window's language", async () => {
    const asked: string[] = []
    let notified = 0
    const h = await ipcHarness(
      { userData: await tempDir(), workspace: await tempDir() },
      {
        chooseFolder: async (title: string) => {
          asked.push(`folder: ${title}`)
          return null
        },
        chooseFiles: async (title: string) => {
          asked.push(`files: ${title}`)
          return null
        },
        chooseSavePath: async (title: string) => {
          asked.push(`save: ${title}`)
          return null
        },
        notifyWorkspaceChanged: () => void notified++,
      },
    )
    try {
      const created = await h.dispatch('cases:create', { title: 'Consulate incident', reference: 'ECU-1' })
      const caseId = (created as { value: Case }).value.id
      const item = await h.dispatch('evidence:add', { caseId, item: { kind: 'video', title: 'Door camera' } })
      const evidenceId = (item as { value: EvidenceItem }).value.id
      const memo = await h.dispatch('briefings:create', { caseId, template: 'blank', title: 'Entry attempt' })
      const briefingId = (memo as { value: Briefing }).value.id

      /** Every channel that shows a dialog, each answered "dismissed": what each one answers then. */
      const askAll = async () => [
        await h.dispatch('workspace:choose', {}),
        await h.dispatch('settings:chooseLogo', {}),
        await h.dispatch('annotations:export', { caseId, evidenceId, format: 'vtt' }),
        await h.dispatch('annotations:import', { caseId, evidenceId }),
        await h.dispatch('briefings:importClearance', { caseId }),
        await h.dispatch('evidence:pickAndImport', { caseId }),
        await h.dispatch('reports:custody', { caseId }),
        await h.dispatch('bundles:export', { caseId }),
        await h.dispatch('bundles:inspect', {}),
        await h.dispatch('briefings:export', { caseId, briefingId, taskId: 'export-docx', format: 'docx' }),
        await h.dispatch('briefings:export', { caseId, briefingId, taskId: 'export-pdf', format: 'pdf' }),
        await h.dispatch('briefings:export', { caseId, briefingId, taskId: 'export-default' }),
      ]
      const expected = (t: typeof EN) => [
        `folder: ${t.openWorkspace}`,
        `files: ${t.logo}`,
        `save: ${t.exportAnnotations}`,
        `files: ${t.importSubtitles}`,
        `files: ${t.importClearance}`,
        `files: ${t.importEvidence}`,
        `save: ${t.custodyReport}`,
        `save: ${t.exportBundle}`,
        `files: ${t.openBundle}`,
        `save: ${t.exportWord}`,
        `save: ${t.exportPdf}`,
        `save: ${t.exportPdf}`,
      ]

      const answers = await askAll()
      expect(asked).toEqual(expected(EN))
      expect(answers.map((r) => (r.ok ? r.value : r.error.code))).toEqual([
        { opened: false },
        null,
        'CANCELLED',
        'CANCELLED',
        'CANCELLED',
        { cancelled: true, items: [] },
        'CANCELLED',
        { cancelled: true },
        { cancelled: true },
        'CANCELLED',
        'CANCELLED',
        'CANCELLED',
      ])
      expect(notified).toBe(0)

      asked.length = 0
      expect(await h.dispatch('preferences:set', { language: 'es' })).toMatchObject({ ok: true })
      await askAll()
      expect(asked).toEqual(expected(ES))

      // Back to the system's language (English here).
      asked.length = 0
      await h.dispatch('preferences:set', { language: null })
      await h.dispatch('workspace:choose', {})
      expect(asked).toEqual([`folder: ${EN.openWorkspace}`])
      expect(h.progress).toEqual([])
    } finally {
      await h.session.close()
    }
  })
})

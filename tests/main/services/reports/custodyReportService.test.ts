import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CustodyReport } from '@shared/domain'
import { openWorkspace } from '@main/services/index'
import { editCaseFileOnDisk } from '../../../helpers/storedFiles'
import { useTempDirs } from '../../../helpers/tmp'
import { pdfPages } from '../../pdf/helpers'

const tempDir = useTempDirs()
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** A case of our own on a fresh folder: a file, a URL reference, a status change and a re-hash. */
async function setup() {
  const root = await tempDir()
  // Where reports are written: outside the workspace folder, which refuses them.
  const out = await tempDir()
  const s = await openWorkspace(root)
  await s.workspace.setUserName('Marta Ruiz')
  const c = await s.cases.create({ title: 'Border post incident', reference: 'BRD-7', classification: 'CONFIDENTIAL' })
  const src = join(await tempDir(), 'patrol log.pdf')
  await writeFile(src, randomBytes(40_000))
  const file = await s.evidence.importFile(c.id, src, { title: '=HYPERLINK("x") patrol log', kind: 'document' })
  const url = await s.evidence.add(c.id, {
    title: 'Statement online',
    kind: 'web page',
    sourceUrl: 'https://example.org/s',
  })
  await s.evidence.update(c.id, url.id, { verification: { status: 'disputed', reasoning: 'Contradicted by the log.' } })
  await s.evidence.verify({ caseId: c.id })
  return { root, out, s, caseId: c.id, file, url }
}

describe('chain-of-custody report', () => {
  it('lists every exhibit with its full chain, each entry beside its audit twin, as JSON, CSV and PDF', async () => {
    const { out, s, caseId, file } = await setup()
    try {
      const before = await s.audit.list()
      const json = await s.reports.write('BRD-7', { outPath: join(out, 'custody.json') })
      const report = CustodyReport.parse(JSON.parse(await readFile(json.path, 'utf8')))
      const stored = (await s.caseDetail.get(caseId)).evidence
      expect(report.exhibits.map((e) => e.evidenceId)).toEqual(stored.map((e) => e.id))
      const audit = await s.audit.list()
      for (const [i, e] of report.exhibits.entries()) {
        expect(e.custody.map((c) => [c.at, c.actor, c.action, c.detail])).toEqual(
          stored[i].custody.map((c) => [c.at, c.actor, c.action, c.detail]),
        )
        for (const c of e.custody) {
          const twin = audit.find((a) => a.seq === c.audit?.seq)!
          expect(twin).toMatchObject({ hash: c.audit!.hash, prevHash: c.audit!.prevHash, action: c.action })
          expect(twin.target).toBe(`evidence:${caseId}/${e.evidenceId}`)
        }
      }
      const first = report.exhibits[0]
      expect(first.file).toEqual(file.file)
      expect(first.received).toMatchObject({ action: 'imported', actor: 'Marta Ruiz' })
      expect(first.latestCheck).toMatchObject({ result: 'hash verified', actor: 'Marta Ruiz' })
      expect(report.exhibits[1].verification).toBe('disputed')
      // The head as it stood when the report was made (its own entry comes after).
      expect(report.audit).toMatchObject({ ok: true, headHash: before.at(-1)!.hash, headSeq: before.at(-1)!.seq })

      const csv = await s.reports.write('BRD-7', { outPath: join(out, 'custody.csv') })
      const lines = (await readFile(csv.path, 'utf8')).trimEnd().split('\r\n')
      expect(lines[0]).toMatch(/^case_id,case_reference,exhibit,evidence_id,title,file_sha256,/)
      expect(lines).toHaveLength(1 + stored.reduce((n, e) => n + e.custody.length, 0))
      // A title a spreadsheet would run as a formula is defused.
      expect(lines[1]).toContain(`"'=HYPERLINK(""x"") patrol log"`)

      const pdf = await s.reports.write('BRD-7', { outPath: join(out, 'custody.pdf') })
      const text = pdfPages(pdf.path).join('\n').replace(/\s+/g, ' ')
      expect(text).toContain('CHAIN-OF-CUSTODY REPORT')
      expect(text).toContain(file.file!.sha256)
      for (const c of report.exhibits.flatMap((e) => e.custody)) expect(text).toContain(`#${c.audit!.seq}`)
      expect(text).toContain('CONFIDENTIAL')

      // Each report is itself on the record, with its own SHA-256.
      const made = (await s.audit.list({ target: `case:${caseId}` })).filter((a) => a.action === 'custody report')
      expect(made.map((a) => a.detail.sha256)).toEqual([
        sha(await readFile(json.path)),
        sha(await readFile(csv.path)),
        sha(await readFile(pdf.path)),
      ])
      expect(made.map((a) => a.detail.format)).toEqual(['json', 'csv', 'pdf'])
    } finally {
      await s.close()
    }
  })

  it('says which custody entry has no twin in the audit log, in Spanish when asked', async () => {
    const { root, out, s: first, caseId } = await setup()
    await first.close()
    await editCaseFileOnDisk(root, caseId, (f) => {
      f.evidence[0].custody.push({ ...f.evidence[0].custody[0], at: '2026-02-01T10:00:00.000Z', action: 'exported' })
    })
    const s = await openWorkspace(root)
    try {
      const report = await s.reports.model(caseId)
      const last = report.exhibits[0].custody.at(-1)!
      expect(last.action).toBe('exported')
      expect(last.audit).toBeUndefined()
      const pdf = await s.reports.write(caseId, { outPath: join(out, 'informe.pdf'), language: 'es' })
      const text = pdfPages(pdf.path).join('\n').replace(/\s+/g, ' ')
      expect(text).toContain('INFORME DE CADENA DE CUSTODIA')
      expect(text).toContain('no figura en el registro de auditoría')
    } finally {
      await s.close()
    }
  })

  it('refuses an unknown format and a read-only workspace, writing nothing', async () => {
    const { root, s } = await setup()
    await expect(s.reports.write('BRD-7', { outPath: join(root, 'r.txt') })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await s.close()
    const ro = await openWorkspace(root, { readOnly: true })
    try {
      await expect(ro.reports.write('BRD-7', { outPath: join(root, 'r.pdf') })).rejects.toMatchObject({
        code: 'READ_ONLY',
      })
    } finally {
      await ro.close()
    }
  })
})

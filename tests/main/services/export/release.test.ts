import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '@main/services/index'
import { unzipAll } from '../../../helpers/zipParts'
import { useTempDirs } from '../../../helpers/tmp'
import { pdfInfo, pdfPages } from '../../pdf/helpers'

const tempDir = useTempDirs()

const SECRETS = ['Inspector Ruiz Delgado', 'Marisol Quintana', 'safe-house-7.example.org', 'Informant ledger']

/** Every form a string could take in a file's bytes: plain, UTF-16 both ways, base64. */
function forms(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le')
  const be = Buffer.from(le).swap16()
  return [Buffer.from(s, 'utf8'), le, be, Buffer.from(Buffer.from(s).toString('base64'))]
}
const holds = (bytes: Buffer, s: string) =>
  forms(s).some(
    (f) => bytes.includes(f) || bytes.toString('latin1').toLowerCase().includes(f.toString('latin1').toLowerCase()),
  )

/** A case of our own: a named informant (flagged), a withheld item, and a passage marked as redacted. */
async function setup() {
  const root = await tempDir()
  const s = await openWorkspace(root)
  const c = await s.cases.create({ title: 'Border post incident', reference: 'BRD-7' })
  const informant = await s.cases.addActor(c.id, { name: 'Marisol Quintana', role: 'Witness' })
  await s.cases.updateActor(c.id, informant.id, { withhold: { reason: 'personal data' } })
  await s.cases.addEvent(c.id, {
    at: '2026-03-03T10:30:00.000Z',
    tz: 'Europe/Madrid',
    title: 'Marisol Quintana sees the gate closed',
    actorIds: [informant.id],
  })
  const src = join(await tempDir(), 'ledger.txt')
  await writeFile(src, 'ledger\n')
  const ledger = await s.evidence.importFile(c.id, src, {
    title: 'Informant ledger',
    kind: 'document',
    details: { sourceUrl: 'https://safe-house-7.example.org/l' },
  })
  await s.evidence.update(c.id, ledger.id, { withhold: { reason: 'source protection', fields: [] } })
  const b = await s.briefings.createFromTemplate(c.id, 'case file')
  const body = structuredClone(b.body)
  body.content.push({
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Our source at the gate was ' },
      {
        type: 'text',
        text: 'Inspector Ruiz Delgado',
        marks: [{ type: 'redaction', attrs: { reason: 'source protection' } }],
      },
      { type: 'text', text: ', who kept the ledger' },
      { type: 'citation', attrs: { target: 'evidence', id: ledger.id, pinpoint: '' } },
      { type: 'text', text: '.' },
    ],
  })
  await s.briefings.update(c.id, b.id, { body, header: { subject: 'What Marisol Quintana saw' } })
  return { root, s, caseId: c.id, briefingId: b.id }
}

describe('release copies', () => {
  it('hold none of the withheld strings anywhere in their bytes, and put labelled bars where they stood', async () => {
    const { s, caseId, briefingId } = await setup()
    // The copies go outside the workspace folder, as a person's exports do.
    const root = await tempDir()
    try {
      // The internal copy still says everything (the strings are really there to find).
      const internal = await s.exports.toFile({ caseId, briefingId, outPath: join(root, 'internal.pdf') })
      const internalText = pdfPages(internal.path).join('\n')
      for (const secret of SECRETS) expect(internalText.replace(/\s+/g, ' ')).toContain(secret)

      const pdf = await s.exports.toFile({ caseId, briefingId, outPath: join(root, 'release.pdf'), release: true })
      const raw = readFileSync(pdf.path)
      const decompressed = join(root, 'release.qdf.pdf')
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf.path, decompressed])
      const text = pdfPages(pdf.path).join('\n').replace(/\s+/g, ' ')
      const info = JSON.stringify(pdfInfo(pdf.path))
      for (const secret of SECRETS) {
        expect(holds(raw, secret), secret).toBe(false)
        expect(holds(readFileSync(decompressed), secret), secret).toBe(false)
        expect(text).not.toContain(secret)
        expect(info).not.toContain(secret)
      }
      expect(text).toContain('[redacted — source protection]')
      expect(text).toContain('[redacted — personal data]')

      const docx = await s.exports.toFile({ caseId, briefingId, outPath: join(root, 'release.docx'), release: true })
      const parts = await unzipAll(readFileSync(docx.path))
      for (const [name, bytes] of parts)
        for (const secret of SECRETS) expect(holds(bytes, secret), `${secret} in ${name}`).toBe(false)
      // Nor the workspace's own ids: a release copy names nothing of where it came from.
      for (const id of [caseId, briefingId])
        for (const [name, bytes] of parts) expect(holds(bytes, id), `${id} in ${name}`).toBe(false)
      const document = parts
        .get('word/document.xml')!
        .toString('utf8')
        .replace(/<[^>]+>/g, '')
      expect(document).toContain('[redacted — source protection]')

      // On the record: the export history and the audit log say what was left out and why.
      const b = await s.briefings.get(caseId, briefingId)
      expect(b.exports.filter((r) => r.release).map((r) => [r.format, r.release!.reasons.sort()])).toEqual([
        ['pdf', ['personal data', 'source protection']],
        ['docx', ['personal data', 'source protection']],
      ])
      const copies = (await s.audit.list({ target: `case:${caseId}` })).filter((a) => a.action === 'release copy')
      expect(copies.map((a) => a.detail.sha256)).toEqual([pdf.sha256, docx.sha256])
    } finally {
      await s.close()
    }
  })
})

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citationsIn } from '@shared/domain'
import type { Services } from '@main/services/index'
import { unzipAll, zipAll } from '../../helpers/zipParts'
import { DEMO_BRIEFING, DEMO_CASE, demoWorkspace, pdfPages, tempDir } from '../pdf/helpers'

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))

describe('the memo as a Word document', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let s: Services
  let out: string
  let parts: Map<string, Buffer>
  const xml = (name: string) => parts.get(name)!.toString('utf8')

  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('casefile-docx-'))
    ;({ s } = await demoWorkspace(dir))
    await s.settings.update({
      organisation: { letterhead: ['República del Ecuador', 'Ministerio de Relaciones Exteriores'] },
    })
    out = join(dir, 'memo.docx')
    const result = await s.exports.toFile({ caseId: DEMO_CASE, briefingId: DEMO_BRIEFING, outPath: out })
    expect(result.path).toBe(out)
    parts = await unzipAll(readFileSync(out))
  }, 60_000)
  afterAll(async () => {
    await s?.close()
    await cleanup?.()
  })

  it('has a real footnote for every citation, each with the caveat once, and records what each stands for', async () => {
    const b = await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)
    const cites = citationsIn(b.body)
    const refs = xml('word/document.xml').match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []
    expect(refs).toHaveLength(cites.length)
    const notes = xml('word/footnotes.xml')
    expect(notes).toContain('Unverified: this item has not been independently verified.')
    expect(notes).not.toMatch(/unverified\. Unverified/i)
    const record = b.exports.at(-1)!
    expect(record).toMatchObject({ format: 'docx', file: out, options: { draft: true } })
    expect(record.footnotes!.slice(1)).toEqual(cites)
    expect(record.body).toEqual(b.body)
  })

  it('carries the letterhead, the header block, the sections, the annex tables, the marking and the properties', () => {
    const doc = xml('word/document.xml').replace(/<[^>]+>/g, '')
    for (const text of [
      'REPÚBLICA DEL ECUADOR',
      'MEMORANDUM',
      'SUBJECT:',
      '1. Summary',
      'List of exhibits',
      'Timeline of events',
      'Statute excerpts',
    ])
      expect(doc).toContain(text)
    expect((xml('word/document.xml').match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4)
    const headers = [...parts.keys()]
      .filter((k) => /^word\/(header|footer)\d*\.xml$/.test(k))
      .map((k) => xml(k))
      .join('\n')
    expect(headers).toContain('SENSITIVE BUT UNCLASSIFIED')
    expect(xml('docProps/core.xml')).toContain('Attempted entry by a U.S. immigration officer')
    expect(xml('docProps/custom.xml')).toMatch(/Classification[\s\S]*SENSITIVE BUT UNCLASSIFIED/)
  })

  it.skipIf(!soffice)('opens cleanly in LibreOffice, footnotes at the foot of the page', () => {
    const conv = join(dir, 'conv')
    mkdirSync(conv, { recursive: true })
    const r = spawnSync(soffice!, ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', conv, out], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    })
    expect(r.status).toBe(0)
    const text = pdfPages(join(conv, 'memo.pdf')).join('\n').replace(/\s+/g, ' ')
    expect(text).toContain('MEMORANDUM')
    expect(text).toContain('Exhibit 1: Video of the exchange at the consulate door')
    expect(text).toContain('Page 1 of')
    expect(text).toContain('SENSITIVE BUT UNCLASSIFIED')
  })

  it('comes back from clearance as a new version: surviving citations, tracked changes, comments and what changed', async () => {
    // What a reviewer does in Word: inserts a sentence (tracked), deletes one (tracked), comments on a phrase,
    // and removes one citation.
    let doc = xml('word/document.xml')
    const refs = doc.match(/<w:r>(?:(?!<w:r>).)*?<w:footnoteReference w:id="(\d+)"\/><\/w:r>/g)!
    doc = doc.replace(refs[refs.length - 1], '')
    doc = doc.replace(
      /<w:r>(?:(?!<w:r>).)*?Ask the consulate[^<]*<\/w:t><\/w:r>/,
      (run) =>
        `<w:commentRangeStart w:id="7"/>${run}<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>`,
    )
    const firstHeading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
    expect(doc).toContain(firstHeading)
    doc = doc.replace(
      firstHeading,
      '<w:p><w:ins w:id="90" w:author="Legal adviser" w:date="2026-01-29T09:00:00Z"><w:r><w:t>The Legal Adviser has cleared this memo.</w:t></w:r></w:ins></w:p><w:p><w:del w:id="91" w:author="Legal adviser"><w:r><w:delText>Struck out by the reviewer.</w:delText></w:r></w:del></w:p>' +
        firstHeading,
    )
    const edited = new Map(parts)
    edited.set('word/document.xml', Buffer.from(doc))
    edited.set(
      'word/comments.xml',
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="Director, North America" w:date="2026-01-29T10:00:00Z" w:initials="DNA"><w:p><w:r><w:t>Say which footage: CCTV only?</w:t></w:r></w:p></w:comment></w:comments>',
      ),
    )
    const back = join(dir, 'memo cleared.docx')
    writeFileSync(back, await zipAll(edited))

    const before = await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)
    const version = await s.exports.importClearance('ECU-USA-2026-001', back)
    expect(version.id).not.toBe(DEMO_BRIEFING)
    expect(version.title).toMatch(/\(cleared /)
    expect(await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)).toEqual(before)
    expect(version.clearance).toMatchObject({
      fromBriefingId: DEMO_BRIEFING,
      insertions: 1,
      deletions: 1,
      citationsRemoved: 1,
      comments: [
        {
          author: 'Director, North America',
          text: 'Say which footage: CCTV only?',
          anchor: expect.stringContaining('Ask the consulate'),
        },
      ],
    })
    expect(version.clearance!.changes).toContainEqual({
      kind: 'added',
      after: 'The Legal Adviser has cleared this memo.',
    })
    const cites = citationsIn(version.body)
    expect(cites).toEqual(citationsIn(before.body).slice(0, -1))
    const text = JSON.stringify(version.body)
    expect(text).toContain('The Legal Adviser has cleared this memo.')
    expect(text).not.toContain('Struck out by the reviewer.')
    expect(text).not.toContain('MEMORANDUM')
    expect(text).not.toContain('List of exhibits')
  })

  it.skipIf(!soffice)('comes back from LibreOffice with its citations and sections', async () => {
    const conv = join(dir, 'lo')
    mkdirSync(conv, { recursive: true })
    const r = spawnSync(
      soffice!,
      ['--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', conv, out],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, HOME: dir },
      },
    )
    expect(r.status).toBe(0)
    const version = await s.exports.importClearance(DEMO_CASE, join(conv, 'memo.docx'))
    const before = await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)
    expect(citationsIn(version.body)).toEqual(citationsIn(before.body))
    expect(version.clearance!.changes).toEqual([])
  })

  it('refuses a Word file this case did not export, and a file that is not Word', async () => {
    const stray = join(dir, 'stray.docx')
    const foreign = new Map(parts)
    foreign.set('docProps/custom.xml', Buffer.from('<Properties/>'))
    writeFileSync(stray, await zipAll(foreign))
    await expect(s.exports.importClearance(DEMO_CASE, stray)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const text = join(dir, 'notes.docx')
    writeFileSync(text, 'not a zip')
    await expect(s.exports.importClearance(DEMO_CASE, text)).rejects.toMatchObject({ code: 'VALIDATION' })
    execFileSync('mkfifo', [join(dir, 'fifo.docx')])
    await expect(s.exports.importClearance(DEMO_CASE, join(dir, 'fifo.docx'))).rejects.toMatchObject({
      code: 'VALIDATION',
    })
  })
})

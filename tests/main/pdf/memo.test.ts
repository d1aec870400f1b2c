import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '@main/services/index'
import {
  DEMO_BRIEFING,
  DEMO_CASE,
  decompressed,
  demoWorkspace,
  pdfFonts,
  pdfInfo,
  pdfPages,
  qpdfCheck,
  tempDir,
} from './helpers'

describe('the PDF memo of the demo case', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let s: Services
  let fileSha: string
  let out: string
  let pages: string[]

  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir())
    ;({ s, fileSha } = await demoWorkspace(dir))
    // Cite an annotation of the video (by time code), and the imported file, from a new closing paragraph.
    const ann = await s.annotations.add(DEMO_CASE, 'evidence_video', {
      target: { type: 'time', start: 5, end: 12.5 },
      text: 'The official tells the officer the building is consular space.',
    })
    const b = await s.briefings.get(DEMO_CASE, DEMO_BRIEFING)
    const cctv = (await s.caseDetail.get(DEMO_CASE)).evidence.find((e) => e.file?.sha256 === fileSha)!
    await s.briefings.update(DEMO_CASE, DEMO_BRIEFING, {
      body: {
        ...b.body,
        content: [
          ...b.body.content,
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'At the door the official invoked the premises' },
              {
                type: 'citation',
                attrs: { target: 'annotation', id: ann.id, evidenceId: 'evidence_video', pinpoint: '' },
              },
              { type: 'text', text: '; a still of the entrance is held' },
              { type: 'citation', attrs: { target: 'evidence', id: cctv.id, pinpoint: '' } },
              { type: 'text', text: '.' },
            ],
          },
        ],
      },
    })
    out = join(dir, 'out', 'memo para el Ministro.pdf')
    const result = await s.exports.toFile({ caseId: 'ECU-USA-2026-001', outPath: out, deterministic: true })
    pages = pdfPages(out)
    expect(result.pages).toBe(pages.length)
  })
  afterAll(async () => {
    await s?.close()
    await cleanup?.()
  })

  it('marks every page with the classification at top and bottom and "Page N of M"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4)
    pages.forEach((text, i) => {
      expect(text.match(/SENSITIVE BUT UNCLASSIFIED/g)?.length, `page ${i + 1}`).toBeGreaterThanOrEqual(2)
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`)
    })
  })

  it('opens with the header block', () => {
    const first = pages[0]
    expect(first).toContain('MEMORANDUM')
    for (const label of ['TO:', 'FROM:', 'DATE:', 'SUBJECT:', 'REF:']) expect(first).toContain(label)
    expect(first).toContain('Minister of Foreign Affairs and Human Mobility')
    expect(first).toContain('Directorate for North America — desk officer')
    expect(first).toContain('28 January 2026')
    expect(first).toContain('ECU-USA-2026-001')
  })

  it('numbers the sections and lists them with the annexes in the contents', () => {
    const all = pages.join('\n')
    for (const h of ['1. Summary', '2. Legal position', '3. Actions taken', '4. Recommendations'])
      expect(all).toContain(h)
    const toc = pdfPages(out, true)[0]
    expect(toc).toContain('Contents')
    expect(toc).toMatch(/1\. Summary[ .]+1\n/)
    expect(toc).toMatch(/Annex A — List of exhibits[ .]+\d+\n/)
    expect(toc).toMatch(/Annex C — Statute excerpts[ .]+\d+\n/)
  })

  it('puts each footnote on the page of its citation, with the caveat for the unverified video', () => {
    const page = pages.find((p) => p.includes('A video of the exchange is circulating'))!
    expect(page).toBeDefined()
    const flat = page.replace(/\s+/g, ' ')
    expect(flat).toContain('Exhibit 1: Video of the exchange at the consulate door')
    expect(flat).toContain('(video)')
    // The caveat says the status once: never "unverified. Unverified: …".
    expect(flat).toContain('(video), source not recorded. Unverified: this item has not been independently verified.')
    expect(flat).not.toMatch(/unverified\. Unverified/i)
    const legal = pages.find((p) => p.includes('special duty to protect'))!.replace(/\s+/g, ' ')
    expect(legal).toContain('Vienna Convention on Consular Relations (1963), art. 31(2)')
    expect(legal).toContain('Vienna Convention on Consular Relations (1963), art. 31(3)')
    const all = pages.join('\n').replace(/\s+/g, ' ')
    expect(all).toMatch(/27 Jan 2026 \(America\/Guayaquil\): Ecuador delivers a protest note/)
  })

  it('cites annotations by exhibit and time code', () => {
    const page = pages.find((p) => p.includes('At the door the official invoked'))!.replace(/\s+/g, ' ')
    expect(page).toContain(
      'Exhibit 1 (Video of the exchange at the consulate door (circulating on social media)), 00:00:05–00:00:12.5: The official tells the officer the building is consular space.',
    )
    // Numbered by first citation: the video, the bulletin, then this still; the uncited press report comes last.
    expect(page).toMatch(
      /Exhibit 3: CCTV still of the entrance \(Cancillería copy\) \(image\), file "cctv-still.txt"\. Unverified: this item has not been independently verified\./,
    )
    const annex = pages
      .filter((p) => p.includes('List of exhibits'))
      .join(' ')
      .replace(/\s+/g, ' ')
    expect(annex).toContain('Annotations cited: 00:00:05–00:00:12.5')
  })

  it('lists the exhibits with full SHA-256 hashes and verification status', () => {
    const annex = pages.filter((p) => p.includes('List of exhibits') && p.includes('SHA-256')).join('\n')
    expect(annex).toContain(fileSha)
    expect(annex).toContain('CCTV still of the entrance (Cancillería copy)')
    expect(annex).toContain('Partially verified')
    expect(annex).toContain('https://pic.twitter.com/BDkwTKbbZT')
  })

  it('has the timeline in each event’s own zone', () => {
    const timeline = pages
      .filter((p) => p.includes('Timeline of events'))
      .join('\n')
      .replace(/\s+/g, ' ')
    expect(timeline).toContain('27 Jan 2026, ~11:00 (America/Chicago, UTC-06:00)')
    expect(timeline).toContain('America/Guayaquil')
    expect(timeline).toContain('approximate')
    expect(timeline).toContain('Sommerfeld')
  })

  it('appends the full Art. 31 excerpt', () => {
    const appendix = pages.slice(-2).join('\n').replace(/\s+/g, ' ')
    expect(appendix).toContain('VCCR art. 31 — Inviolability of the consular premises')
    expect(appendix).toContain('Consular premises shall be inviolable to the extent provided in this article.')
    expect(appendix).toContain('prompt, adequate and effective compensation shall be paid to the sending State.')
    expect(appendix).toContain('United Nations, Treaty Series, vol. 596, p. 261')
  })

  it('keeps accented names', () => {
    const all = pages.join('\n')
    expect(all).toContain('Cancillería')
    expect(all).toContain('Sommerfeld')
  })

  it('embeds every font and passes qpdf --check', () => {
    const fonts = pdfFonts(out)
    expect(fonts.length).toBeGreaterThanOrEqual(3)
    for (const f of fonts) expect(f.embedded, f.name).toBe(true)
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors')
  })

  it('carries metadata, an outline and named destinations', () => {
    const info = pdfInfo(out)
    expect(info.Title).toBe(
      'Attempted entry by a U.S. immigration officer into the Consulate of Ecuador in Minneapolis',
    )
    expect(info.Author).toBe('Directorate for North America — desk officer')
    expect(info.Creator).toBe('Casefile')
    // Packed into object and xref streams (PDF 1.5); 1.3 would mean the packer fell back.
    expect(info['PDF version']).toBe('1.5')
    expect(info.Keywords).toContain('ECU-USA-2026-001')
    expect(info.Subject).toContain('Attempted ICE entry')
    const raw = decompressed(out, dir).toString('latin1')
    expect(raw).toMatch(/\/Outlines \d+ 0 R/)
    expect(raw.match(/\/Title [<(]/g)?.length).toBeGreaterThanOrEqual(9) // outline items: contents, 4 sections, 3 annexes, 1 excerpt
    expect(raw).toContain('/Dests')
  })
})

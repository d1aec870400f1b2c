import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '@main/services/index'
import { DEMO_BRIEFING, DEMO_CASE, decompressed, demoWorkspace, pdfPages, qpdfCheck, tempDir } from './helpers'

const INJECTION = ') /JS (app.alert(1)) >> /OpenAction << /S /JavaScript /JS (app.alert(2)) >>'
const RLO = 'Invoice \u202Egnp.exe\u202C and \u2067isolate\u2069 done'
const EMOJI = 'Flag 🇪🇨, family 👨‍👩‍👧‍👦, smile 😀️ end'
const LONG_WORD = 'A'.repeat(20_000)

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })
const para = (...content: unknown[]) => ({ type: 'paragraph', content })

describe('hostile case text', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let s: Services
  let out: string
  let raw: string
  let pages: string[]

  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir())
    ;({ s } = await demoWorkspace(dir))
    await s.cases.update(DEMO_CASE, { title: `Case ${INJECTION}`, tags: ['x) /Launch (calc'] })
    await s.cases.addEvent(DEMO_CASE, { at: '2026-01-27T18:00:00.000Z', tz: 'America/Chicago', title: `Event ${RLO}` })
    const first = (await s.caseDetail.get(DEMO_CASE)).evidence[0]
    // As long a javascript: "source" as an item may hold (4,000 characters).
    await s.evidence.update(DEMO_CASE, first.id, {
      title: `Video ${INJECTION}`,
      sourceUrl: `javascript:app.alert(3)//${'x'.repeat(3975)}`,
    })
    await s.briefings.update(DEMO_CASE, DEMO_BRIEFING, {
      header: { subject: `Subject ${INJECTION}`, from: `Desk ${RLO}` },
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [text(`Heading ${INJECTION}`)] },
          para(text(`Plain ${INJECTION}`)),
          para(
            text('click me', [{ type: 'link', attrs: { href: 'javascript:app.alert(4)' } }]),
            text(' and '),
            text('this', [{ type: 'link', attrs: { href: 'https://example.org/a?b=(c)' } }]),
          ),
          para(text(RLO)),
          para(text(EMOJI), { type: 'citation', attrs: { target: 'evidence', id: 'evidence_video', pinpoint: '' } }),
          para(text(`Before ${LONG_WORD} after`)),
          { type: 'mystery', content: [text('unknown node text kept')] },
        ],
      },
    })
    out = join(dir, 'hostile.pdf')
    await s.exports.toFile({ caseId: DEMO_CASE, outPath: out, draft: true })
    raw = decompressed(out, dir).toString('latin1')
    pages = pdfPages(out)
  }, 60_000)
  afterAll(async () => {
    await s?.close()
    await cleanup?.()
  })

  it('is a valid PDF', () => {
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors')
  })

  it('has no script, launch or open actions in its bytes, even decompressed', () => {
    for (const bad of [
      '/JavaScript',
      '/JS',
      '/Launch',
      '/OpenAction',
      '/AA',
      '/SubmitForm',
      '/ImportData',
      '/RichMedia',
      '/EmbeddedFile',
    ]) {
      expect(raw.includes(bad), bad).toBe(false)
    }
    expect(raw.toLowerCase()).not.toContain('javascript:')
    expect(raw).not.toContain('app.alert')
  })

  it('draws the PDF syntax as plain text', () => {
    const all = pages.join('\n').replace(/\s+/g, ' ')
    expect(all).toContain('Plain ) /JS (app.alert(1)) >> /OpenAction << /S /JavaScript /JS (app.alert(2)) >>')
    expect(all).toContain('click me and this')
    expect(all).toContain('unknown node text kept')
  })

  it('links only http(s) targets', () => {
    // qpdf's QDF output rewrites our hex URI strings as literals; accept either form.
    const uris = [...raw.matchAll(/\/URI (?:<([0-9a-fA-F]+)>|\(((?:\\.|[^\\)])*)\))/g)].map((m) =>
      m[1] ? Buffer.from(m[1], 'hex').toString('latin1') : m[2].replace(/\\(.)/g, '$1'),
    )
    expect(uris).toEqual(['https://example.org/a?b=(c)'])
    expect(raw.match(/\/S \/URI/g)?.length).toBe(1)
  })

  it('strips bidi overrides and isolates', () => {
    const all = pages.join('\n')
    expect(all).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(all).toContain('Invoice gnp.exe and isolate done')
  })

  it('draws emoji as a fallback glyph', () => {
    const all = pages.join('\n')
    // Missing glyphs (flags, ZWJ families) collapse to one □; DejaVu has a plain glyph for 😀 itself.
    expect(all).toMatch(/Flag □, family □, smile (□|😀) end/u)
  })

  it('hard-breaks a 20,000-character word across lines', () => {
    const as = pages.join('').replace(/[^A]/g, '')
    expect(as.length).toBeGreaterThanOrEqual(20_000)
    expect(pages.join('\n')).toContain('after')
  })
})

/**
 * The signature block (or the "Drafted by" / "Cleared by" lines alone) never
 * stands alone on the memo's last page: the closing paragraph's last lines go
 * with it. Bodies of every length around a page break are tried.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderBriefingPdf, type MemoInput } from '@main/pdf/index'
import { demoMemo, pdfPages, tempDir } from './helpers'

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** One short paragraph per filler line, then a closing paragraph of several lines (under a heading). */
function memo(
  fillerLines: number,
  closingSentences: number,
  header: Record<string, string>,
  closingHeading?: string,
): MemoInput {
  const content = [
    ...Array.from({ length: fillerLines }, (_, i) => para(`Filler paragraph ${i + 1}.`)),
    ...(closingHeading
      ? [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: closingHeading }] }]
      : []),
    para(Array.from({ length: closingSentences }, (_, i) => `Closing sentence ${i + 1} of the memo.`).join(' ')),
  ]
  return demoMemo({ header, body: { type: 'doc', content } })
}

describe('the signature block', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => ({ dir, cleanup } = await tempDir()))
  afterAll(async () => cleanup?.())

  for (const [what, header, marker] of [
    ['drafting and clearance lines alone', { drafter: 'J. Pérez', clearance: 'M. Ortiz' }, 'Drafted by'],
    ['a signatory', { signatoryName: 'Ana Ruiz', signatoryTitle: 'Director', drafter: 'J. Pérez' }, 'Ana Ruiz'],
  ] as const)
    it(`with ${what}: always on a page with the end of the body`, async () => {
      let broke = 0
      // Each filler paragraph is one line; a page holds a few dozen: the sweep crosses a page break.
      for (let filler = 28; filler <= 52; filler++) {
        const { buffer } = await renderBriefingPdf(memo(filler, 14, header), { deterministic: true })
        const file = join(dir, `sig-${filler}.pdf`)
        writeFileSync(file, buffer)
        const pages = pdfPages(file)
        const signed = pages.findIndex((p) => p.includes(marker))
        expect(signed, `filler ${filler}`).toBeGreaterThanOrEqual(0)
        expect(pages[signed], `filler ${filler}: the signature's page holds the closing lines`).toMatch(
          /Closing sentence \d+ of the memo/,
        )
        if (signed > 0 && !pages[signed].includes('Filler paragraph')) broke++
      }
      // The sweep did meet the case that matters: the closing lines carried over to a new page.
      expect(broke).toBeGreaterThan(0)
    })

  it('takes the heading of a short closing paragraph along with it, never leaving the heading at a page foot', async () => {
    let broke = 0
    for (let filler = 28; filler <= 52; filler++) {
      const input = memo(filler, 1, { signatoryName: 'Ana Ruiz', signatoryTitle: 'Director' }, 'Recommendation')
      const { buffer } = await renderBriefingPdf(input, { deterministic: true })
      const file = join(dir, `heading-${filler}.pdf`)
      writeFileSync(file, buffer)
      const pages = pdfPages(file)
      const signed = pages.findIndex((p) => p.includes('Ana Ruiz'))
      expect(pages[signed], `filler ${filler}`).toMatch(/Closing sentence 1 of the memo/)
      expect(pages[signed], `filler ${filler}: the heading is on the signature's page`).toMatch(/Recommendation/)
      if (signed > 0 && !pages[signed].includes('Filler paragraph')) broke++
    }
    expect(broke).toBeGreaterThan(0)
  })
})

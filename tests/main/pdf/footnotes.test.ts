import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import { renderBriefingPdf, type MemoInput } from '@main/pdf/index'
import { Briefing, EvidenceItem, StatuteExcerpt, TimelineEvent } from '@shared/domain'
import { pdfPages, qpdfCheck, tempDir } from './helpers'

const at = '2026-01-28T00:00:00.000Z'

/** The demo case, with a body of our choosing; rendered straight through renderBriefingPdf. */
function demoInput(content: unknown[]): MemoInput {
  const statutes = demo.statutes.map((s) => StatuteExcerpt.parse({ ...s, createdAt: at, updatedAt: at }))
  return {
    briefing: Briefing.parse({ ...demo.briefings[0], body: { type: 'doc', content }, createdAt: at, updatedAt: at }),
    detail: {
      case: { ...demo.case, status: 'open', createdAt: at, updatedAt: at },
      actors: [],
      events: demo.events.map((e) => TimelineEvent.parse(e)),
      evidence: demo.evidence.map((e) => EvidenceItem.parse({ ...e, createdAt: at, updatedAt: at })),
      notes: [],
      issues: [],
      statutes,
      briefings: [],
    },
    statutes,
    annotations: [],
  }
}

const cite = { type: 'citation', attrs: { target: 'evidence', id: 'evidence_video', pinpoint: '' } }
const para = (...content: unknown[]) => ({ type: 'paragraph', content })

describe('footnotes', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => ({ dir, cleanup } = await tempDir()))
  afterAll(async () => cleanup?.())

  it('continue on the next page when a line cites more than a page can hold', async () => {
    const input = demoInput([
      para({ type: 'text', text: 'Crowded line' }, ...Array.from({ length: 60 }, () => cite), {
        type: 'text',
        text: ' ends.',
      }),
      para({ type: 'text', text: 'A following paragraph. '.repeat(20) }),
    ])
    const { buffer, pages } = await renderBriefingPdf(input, { deterministic: true })
    const file = join(dir, 'crowded.pdf')
    writeFileSync(file, buffer)
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors')
    const texts = pdfPages(file)
    expect(texts).toHaveLength(pages)
    // Every note appears once, in order, spread over the first pages.
    const numbers = texts
      .slice(0, 3)
      .flatMap((t) => [...t.matchAll(/^\s*(\d+) Exhibit 1: Video/gm)].map((m) => Number(m[1])))
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    expect(texts[0]).toContain('Crowded')
  })

  it('land on the page of their citation', async () => {
    const filler = (n: number) => para({ type: 'text', text: `Filler paragraph ${n}. `.repeat(12) })
    const content = Array.from({ length: 30 }, (_, i) =>
      i % 4 === 3 ? para({ type: 'text', text: `Marker ${i}` }, cite) : filler(i),
    )
    const { buffer } = await renderBriefingPdf(demoInput(content), { deterministic: true })
    const file = join(dir, 'spread.pdf')
    writeFileSync(file, buffer)
    const texts = pdfPages(file)
    let note = 0
    for (let i = 3; i < 30; i += 4) {
      note++
      const page = texts.find((t) => t.includes(`Marker ${i}`))!
      expect(page, `Marker ${i}`).toMatch(new RegExp(`^\\s*${note} Exhibit 1: Video`, 'm'))
    }
  })
})

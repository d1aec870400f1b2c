/**
 * Briefing + case -> the PDF memo a ministry would send. Pure Node and pdfkit:
 * the window, the CLI, tests and benchmarks all call this.
 */
import { appError } from '@shared/i18n/appError'
import { translator } from '@shared/i18n'
import { citationsIn } from '@shared/domain'
import { stringifyDeep } from '@shared/domain/json'
import { exhibitsAnnex, timelineAnnex } from './annexes'
import { appendixOrder } from '@main/memo/citations'
import { statuteAppendix } from './appendix'
import { renderBody } from './body'
import { numberExhibits } from '@main/memo/citations'
import { annexLetters, type AnnexLetters } from '@main/memo/parts'
import { RenderContext } from './context'
import { DETERMINISTIC_DATE, openPdf } from './document'
import { buildOutline, drawFurniture } from './furniture'
import type { ReleaseRules } from '@main/memo/release'
import type { MemoInput } from '@main/memo/input'
import { layoutSignature, renderHeader } from './header'
import { buildBlocks } from '@main/memo/model'
import { fillToc, reserveToc, type TocEntry } from './toc'

export type { MemoInput } from '@main/memo/input'

export interface RenderOptions {
  draft?: boolean
  /** Fixed dates and document id, so equal input gives byte-identical output. */
  deterministic?: boolean
  /** The export time written into the PDF's dates when not deterministic. */
  generatedAt?: Date
  onProgress?: (done: number, total: number, label: string) => void
  signal?: AbortSignal
  /** A release copy: withheld text never reaches the file, and the metadata says nothing of the case. */
  release?: ReleaseRules
}

export { DETERMINISTIC_DATE }

const UNDRAWN = new Set(['exports', 'custody', 'createdAt', 'updatedAt', 'briefings'])

const cancelled = () => appError('CANCELLED', 'errRecords:exportCancelled')

export async function renderBriefingPdf(
  input: MemoInput,
  opts: RenderOptions = {},
): Promise<{ buffer: Buffer; pages: number }> {
  const { briefing, detail } = input
  const header = briefing.header
  const kase = detail.case
  const date = opts.deterministic ? DETERMINISTIC_DATE : (opts.generatedAt ?? new Date())
  const classification = header.classification?.trim() || kase.classification || 'UNCLASSIFIED'
  const subject = header.subject || briefing.title

  const release = opts.release
  const { doc, fonts, fontNames, finish } = openPdf(
    release
      ? {
          title: translator(briefing.language, 'memo')('memorandum'),
          author: 'Casefile',
          subject: '',
          keywords: classification,
        }
      : {
          title: subject,
          author: header.from || 'Casefile',
          subject: `${kase.reference ? `${kase.reference}: ` : ''}${kase.title}`,
          keywords: [classification, kase.reference, ...kase.tags].filter(Boolean).join(', '),
        },
    {
      date,
      deterministic: opts.deterministic,
      // What the memo shows: timestamps, custody and the export list are not drawn, so they do not count.
      identity: stringifyDeep([input, !!opts.draft, release?.reasons ?? null], { dropKeys: UNDRAWN }),
    },
  )

  const cites = citationsIn(briefing.body)
  const citeCtx = {
    evidence: detail.evidence,
    events: detail.events,
    statutes: input.statutes,
    annotations: input.annotations,
  }
  const exhibits = numberExhibits(citeCtx, cites)
  const excerpts = appendixOrder(input.statutes, cites)
  const t = translator(briefing.language, 'memo')
  const letters = annexLetters({
    exhibits: detail.evidence.length > 0,
    timeline: detail.events.length > 0,
    statutes: excerpts.length > 0,
  })
  const annexNames: [keyof AnnexLetters, string][] = [
    ['exhibits', t('exhibitsTitle')],
    ['timeline', t('timelineTitle')],
    ['statutes', t('statutesTitle')],
  ]

  const r = new RenderContext(
    doc,
    fonts,
    fontNames,
    citeCtx,
    exhibits,
    letters,
    briefing.language,
    opts.signal,
    release,
  )
  const blocks = buildBlocks(briefing.body)

  // Progress steps: each top-level block, every 25 annex rows, each statute excerpt, and three closing passes.
  const rowSteps = (n: number) => Math.floor(n / 25)
  const total = blocks.length + rowSteps(detail.evidence.length) + rowSteps(detail.events.length) + excerpts.length + 3
  let done = 0
  const step = (label: string) => {
    done++
    opts.onProgress?.(Math.min(done, total), total, label)
    if (opts.signal?.aborted) throw cancelled()
  }
  let lastYield = Date.now()
  const progress = async (label: string) => {
    step(label)
    // Let a cancel (or the UI) in every so often without paying for it on every block.
    if (Date.now() - lastYield > 40) {
      await new Promise((res) => setImmediate(res))
      lastYield = Date.now()
    }
  }
  const everyRows = (label: string) => (i: number) => {
    if ((i + 1) % 25 === 0) step(label)
  }

  renderHeader(r, header, kase, !!opts.draft, input.letterhead ?? { lines: [] })
  const toc: TocEntry[] = [
    ...blocks.flatMap((b) =>
      b.kind === 'heading' && b.depth <= 2 ? [{ depth: b.depth, label: `${b.number} ${b.title}` }] : [],
    ),
    ...annexNames
      .filter(([key]) => letters[key])
      .map(([key, name]) => ({ depth: 1, label: t('annexEntry', { letter: letters[key]!, title: name }) })),
  ]
  const reserved = toc.length ? reserveToc(r, toc) : []
  const signature = layoutSignature(r, header)
  await renderBody(r, blocks, progress, signature?.height)
  signature?.draw()

  if (letters.exhibits) exhibitsAnnex(r, letters.exhibits, everyRows('Annex: exhibits'), input.images)
  await progress('Exhibits')
  if (letters.timeline) timelineAnnex(r, letters.timeline, detail.events, everyRows('Annex: timeline'))
  await progress('Timeline')
  if (letters.statutes) statuteAppendix(r, letters.statutes, excerpts, cites, () => step('Annex: statute excerpts'))
  r.flow.finish()

  fillToc(r, reserved)
  drawFurniture(r, {
    classification,
    footerLeft: [header.reference || kase.reference, subject].filter(Boolean).join(' · '),
    draft: !!opts.draft,
  })
  buildOutline(r)
  await progress('Pages numbered')
  const pages = doc.bufferedPageRange().count
  r.content.flush()
  const buffer = await finish()
  opts.onProgress?.(total, total, 'Done')
  return { buffer, pages }
}

/**
 * Briefing + case -> the PDF memo a ministry would send. Pure Node and pdfkit:
 * the window, the CLI, tests and benchmarks all call this.
 */
import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import { translator } from '@shared/i18n'
import { citationsIn, type Annotation, type Briefing, type CaseDetail, type StatuteExcerpt } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { exhibitsAnnex, timelineAnnex } from './annexes'
import { appendixOrder, statuteAppendix } from './appendix'
import { renderBody } from './body'
import { numberExhibits } from './citations'
import { RenderContext, type AnnexLetters } from './context'
import { loadFonts, type FontKey, type LoadedFont } from './fonts'
import { buildOutline, drawFurniture } from './furniture'
import { renderHeader, renderSignature, type Letterhead } from './header'
import { buildBlocks } from './model'
import { packPdf } from './pack'
import { pdfText } from './safety'
import { fillToc, reserveToc, type TocEntry } from './toc'

export interface MemoInput {
  briefing: Briefing
  detail: CaseDetail
  /** Library excerpts the case links or the briefing cites. */
  statutes: StatuteExcerpt[]
  /** Annotations the briefing may cite (others are ignored). */
  annotations: Annotation[]
  /** The organisation's letterhead lines and logo; none prints no letterhead. */
  letterhead?: Letterhead
}

export interface RenderOptions {
  draft?: boolean
  /** Fixed dates and document id, so equal input gives byte-identical output. */
  deterministic?: boolean
  /** The export time written into the PDF's dates when not deterministic. */
  generatedAt?: Date
  onProgress?: (done: number, total: number, label: string) => void
  signal?: AbortSignal
}

/** The dates a deterministic export carries: fixed, so they cannot make two runs differ. */
export const DETERMINISTIC_DATE = new Date('2000-01-01T00:00:00.000Z')

const UNDRAWN = new Set(['exports', 'custody', 'createdAt', 'updatedAt', 'briefings'])
const dropUndrawn = (key: string, value: unknown) => (UNDRAWN.has(key) ? undefined : value)

const cancelled = () => new AppError('CANCELLED', 'The export was cancelled.')

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

  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    compress: true,
    info: {
      Title: pdfText(subject) as never,
      Author: pdfText(header.from || 'Casefile') as never,
      Subject: pdfText(`${kase.reference ? `${kase.reference}: ` : ''}${kase.title}`) as never,
      Keywords: pdfText([classification, kase.reference, ...kase.tags].filter(Boolean).join(', ')) as never,
      Creator: pdfText('Casefile') as never,
      Producer: pdfText('Casefile (PDFKit)') as never,
      CreationDate: date,
      ModDate: date,
    },
  })
  const docInternals = doc as unknown as { _id: Uint8Array }
  if (opts.deterministic) {
    // pdfkit derives /ID from the info dictionary; make it a digest of what the memo shows instead, so it
    // stays fixed across exports (which change timestamps, custody and the export list, none of them drawn)
    // and still differs between different memos.
    const digest = createHash('sha256')
      .update(JSON.stringify([input, !!opts.draft], dropUndrawn))
      .digest()
    docInternals._id = new Uint8Array(digest.subarray(0, 16))
  }

  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })

  const fonts = loadFonts()
  const fontNames = {} as Record<FontKey, string>
  for (const [key, f] of Object.entries(fonts) as [FontKey, LoadedFont][]) {
    doc.registerFont(key, f.font as never)
    fontNames[key] = key
  }

  const cites = citationsIn(briefing.body)
  const citeCtx = {
    evidence: detail.evidence,
    events: detail.events,
    statutes: input.statutes,
    annotations: input.annotations,
  }
  const exhibits = numberExhibits(citeCtx, cites)
  const excerpts = appendixOrder(input.statutes, cites)
  const letters: AnnexLetters = {}
  const t = translator(briefing.language, 'memo')
  const annexNames: [keyof AnnexLetters, boolean, string][] = [
    ['exhibits', detail.evidence.length > 0, t('exhibitsTitle')],
    ['timeline', detail.events.length > 0, t('timelineTitle')],
    ['statutes', excerpts.length > 0, t('statutesTitle')],
  ]
  let code = 65
  for (const [key, present] of annexNames) if (present) letters[key] = String.fromCharCode(code++)

  const r = new RenderContext(doc, fonts, fontNames, citeCtx, exhibits, letters, briefing.language, opts.signal)
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
      .map(([key, , name]) => ({ depth: 1, label: t('annexEntry', { letter: letters[key]!, title: name }) })),
  ]
  const reserved = toc.length ? reserveToc(r, toc) : []
  await renderBody(r, blocks, progress)
  renderSignature(r, header)

  if (letters.exhibits) exhibitsAnnex(r, letters.exhibits, everyRows('Annex: exhibits'))
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
  doc.end()
  await ended
  opts.onProgress?.(total, total, 'Done')
  const plain = Buffer.concat(chunks)
  let buffer: Buffer
  try {
    buffer = packPdf(plain)
  } catch {
    // Packing only saves space; pdfkit's own file is valid, so a surprise in its layout must not fail the
    // export. The tests check the version (1.5) so such a surprise does not go unnoticed.
    buffer = plain
  }
  return { buffer, pages }
}

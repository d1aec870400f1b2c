/**
 * The memo as a Word document for the clearance circuit: the same letterhead,
 * header block, numbered sections, lists and quotes as the PDF, real Word
 * footnotes for citations (with the verification caveat), the exhibit list,
 * timeline and statute annex as tables, the marking in page header and footer,
 * and document properties. Data in, bytes out.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import { citationsIn, formatTarget, fullCitation, RELIABILITY_LABELS, type CitationAttrs } from '@shared/domain'
import { translator, type Translate } from '@shared/i18n'
import { appendixOrder, eventTime, FootnoteWriter, numberExhibits, type CitationContext } from '@main/memo/citations'
import { buildBlocks, type Block, type Inline } from '@main/memo/model'
import type { MemoInput } from '@main/memo/input'
import { annexLetters, headerRows } from '@main/memo/parts'
import { redactionLabel, type ReleaseRules } from '@main/memo/release'
import { BODY_END, BODY_START, NOTE_MARK } from './clearance'

const FONT = 'DejaVu Sans'
const MUTED = '555555'
const BANNER = '7A0000'

export interface DocxOptions {
  draft: boolean
  /** Ties the file to its export record, so an edited copy can come back as a new version. */
  exportId: string
  /** A release copy: what is withheld never reaches the file. */
  release?: ReleaseRules
}

export interface RenderedDocx {
  buffer: Buffer
  /** The citation each footnote stands for, by footnote number (1-based; index 0 unused). */
  footnotes: (CitationAttrs | null)[]
}

const run = (text: string, o: IRunOptions = {}) => new TextRun({ text, font: FONT, ...o })
const para = (children: ParagraphChild[], o: Record<string, unknown> = {}) => new Paragraph({ children, ...o })
const cell = (children: Paragraph[], o: Record<string, unknown> = {}) =>
  new TableCell({ children: children.length ? children : [para([])], ...o })
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }

export async function renderBriefingDocx(input: MemoInput, opts: DocxOptions): Promise<RenderedDocx> {
  const { briefing, detail } = input
  const lang = briefing.language
  const t = translator(lang, 'memo')
  const header = briefing.header
  const kase = detail.case
  const release = opts.release
  const BAR = { color: 'FFFFFF', bold: true, shading: { type: ShadingType.SOLID, color: '000000', fill: '000000' } }
  /** Case text as runs: in a release copy each withheld string is a labelled bar, never the text. */
  const textRuns = (text: string, o: IRunOptions = {}): TextRun[] =>
    release
      ? release
          .split(text)
          .map((p) =>
            run(p.withheld === undefined ? p.text : ` ${p.text} `, p.withheld === undefined ? o : { ...o, ...BAR }),
          )
      : [run(text, o)]
  const small = (text: string, o: IRunOptions = {}) => para(textRuns(text, { size: 15, ...o }))
  const cites = citationsIn(briefing.body)
  const citeCtx: CitationContext = {
    evidence: detail.evidence,
    events: detail.events,
    statutes: input.statutes,
    annotations: input.annotations,
  }
  const exhibits = numberExhibits(citeCtx, cites)
  const excerpts = appendixOrder(input.statutes, cites)
  const letters = annexLetters({
    exhibits: detail.evidence.length > 0,
    timeline: detail.events.length > 0,
    statutes: excerpts.length > 0,
  })

  const footnotes: Record<number, { children: Paragraph[] }> = {}
  const notes = new FootnoteWriter(citeCtx, exhibits, t, lang, letters)
  const noteAttrs: (CitationAttrs | null)[] = [null]
  const cite = (attrs: CitationAttrs) => {
    const n = noteAttrs.length
    noteAttrs.push(attrs)
    const text = notes.text(attrs, n)
    // The bookmark names the citation, so it is found again even if a word processor renumbers the notes.
    footnotes[n] = {
      children: [para([new Bookmark({ id: `${NOTE_MARK}${n}`, children: [] }), ...textRuns(text, { size: 16 })])],
    }
    return new FootnoteReferenceRun(n)
  }

  const inlineRuns = (inline: Inline[], extra: IRunOptions = {}): ParagraphChild[] => {
    const out: ParagraphChild[] = []
    for (const i of inline) {
      if (i.kind === 'cite') out.push(cite(i.attrs))
      else if (i.kind === 'break') out.push(run('', { break: 1 }))
      else if (i.redaction !== undefined && release)
        // The passage itself never reaches the file: a labelled bar stands in its place.
        out.push(run(` ${redactionLabel(i.redaction, t)} `, BAR))
      else
        out.push(
          ...textRuns(i.text, {
            ...extra,
            bold: i.bold || extra.bold,
            italics: i.italic || extra.italics,
            underline: i.underline ? {} : undefined,
            strike: i.strike,
            font: i.mono ? 'DejaVu Sans Mono' : FONT,
          }),
        )
    }
    return out
  }

  const lists = { n: 0 }
  const blocks = (list: Block[], level = 0, quote = false): Paragraph[] =>
    list.flatMap((b): Paragraph[] => {
      switch (b.kind) {
        case 'heading':
          return [
            para([run(`${b.number} `), ...inlineRuns(b.inline)], {
              style: quote ? 'CfQuote' : undefined,
              heading:
                b.depth === 1
                  ? HeadingLevel.HEADING_1
                  : b.depth === 2
                    ? HeadingLevel.HEADING_2
                    : HeadingLevel.HEADING_3,
            }),
          ]
        case 'paragraph':
          return [para(inlineRuns(b.inline), { spacing: { after: 120 }, style: quote ? 'CfQuote' : undefined })]
        case 'list': {
          const instance = ++lists.n
          return b.items.flatMap((item) =>
            item.flatMap((inner, k) =>
              inner.kind === 'paragraph' && k === 0
                ? [
                    para(inlineRuns(inner.inline), {
                      style: quote ? 'CfQuote' : undefined,
                      numbering: {
                        reference: b.ordered ? 'cf-ordered' : 'cf-bullet',
                        level: Math.min(level, 2),
                        instance,
                      },
                    }),
                  ]
                : blocks([inner], level + 1, quote),
            ),
          )
        }
        case 'quote':
          return blocks(b.blocks, level, true)
        case 'code':
          return [
            para(textRuns(b.text, { font: 'DejaVu Sans Mono', size: 18 }), { style: quote ? 'CfQuote' : undefined }),
          ]
        case 'rule':
          return [para([], { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999' } } })]
      }
    })

  // Letterhead, title and number.
  const top: (Paragraph | Table)[] = []
  if (input.letterhead?.logo && !release)
    top.push(
      para(
        [
          new ImageRun({
            type: logoType(input.letterhead.logo),
            data: input.letterhead.logo,
            transformation: { width: 60, height: 60 },
          }),
        ],
        {
          alignment: AlignmentType.CENTER,
        },
      ),
    )
  input.letterhead?.lines
    .filter((l) => l.trim())
    .forEach((line, i) =>
      top.push(
        para([run(line.toUpperCase(), { bold: i < 2, size: i === 0 ? 22 : i === 1 ? 20 : 18 })], {
          alignment: AlignmentType.CENTER,
        }),
      ),
    )
  if (top.length) top.push(para([]))
  const number = header.number.trim()
  top.push(
    para(
      [
        run(t('memorandum'), { bold: true, size: 34 }),
        ...(number ? [run(`\t${t('number', { number })}`, { bold: true, size: 20 })] : []),
        ...(!number && opts.draft ? [run(`\t${t('draftTag')}`, { bold: true, size: 16, color: BANNER })] : []),
      ],
      {
        tabStops: [{ type: 'right', position: 9000 }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '111111' } },
      },
    ),
  )
  const rows = headerRows(header, kase, t)
  top.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: rows.map(
        ([label, value, strong]) =>
          new TableRow({
            children: [
              cell([para([run(label, { bold: true, size: 18, color: MUTED })])], {
                width: { size: 18, type: WidthType.PERCENTAGE },
              }),
              cell([para(textRuns(value || '—', { bold: strong, size: 20 }))], {
                width: { size: 82, type: WidthType.PERCENTAGE },
              }),
            ],
          }),
      ),
    }),
  )
  // The body sits between two bookmarks, so an edited copy coming back from clearance can be read without its furniture.
  top.push(
    para([new Bookmark({ id: BODY_START, children: [] })], {
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '111111' } },
    }),
  )

  const body = blocks(buildBlocks(briefing.body))

  // Signature and credits.
  const close: Paragraph[] = [para([new Bookmark({ id: BODY_END, children: [] })])]
  if (header.signatoryName.trim() || header.signatoryTitle.trim()) {
    close.push(para([]), para([]), para([run('______________________________')], { alignment: AlignmentType.RIGHT }))
    if (header.signatoryName.trim())
      close.push(para(textRuns(header.signatoryName, { bold: true }), { alignment: AlignmentType.RIGHT }))
    if (header.signatoryTitle.trim())
      close.push(para(textRuns(header.signatoryTitle), { alignment: AlignmentType.RIGHT }))
  }
  if (header.drafter.trim())
    close.push(para(textRuns(t('drafted', { names: header.drafter.trim() }), { size: 16, color: MUTED })))
  if (header.clearance.trim())
    close.push(para(textRuns(t('cleared', { names: header.clearance.trim() }), { size: 16, color: MUTED })))

  const annexes: (Paragraph | Table)[] = []
  const annexTitle = (letter: string, title: string, intro: string) => {
    annexes.push(
      para([run(t('annexHeading', { letter }), { bold: true, size: 18, color: MUTED })], { pageBreakBefore: true }),
    )
    annexes.push(para([run(title)], { heading: HeadingLevel.HEADING_1 }))
    annexes.push(para([run(intro, { italics: true, size: 17, color: MUTED })]))
  }
  const headRow = (titles: string[]) =>
    new TableRow({
      tableHeader: true,
      children: titles.map((title) =>
        cell([para([run(title, { bold: true, color: 'FFFFFF', size: 16 })])], {
          shading: { type: ShadingType.SOLID, color: '333333', fill: '333333' },
        }),
      ),
    })

  if (letters.exhibits) {
    const items = exhibits.order
    const cited = exhibits.cited
    const intro = cited === items.length ? 'exhibitsIntro' : cited === 0 ? 'exhibitsIntroNone' : 'exhibitsIntroSome'
    annexTitle(letters.exhibits, t('exhibitsTitle'), t(intro, { total: items.length, cited }))
    annexes.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [560, 5200, 1300, 2578],
        rows: [
          headRow([t('colNo'), t('colExhibit'), t('colKind'), t('colVerification')]),
          ...items.map((e, i) => {
            const withheld = release?.withheldItem(e.id)
            const what = withheld
              ? [para([run(` ${redactionLabel(withheld, t)} `, { ...BAR, size: 15 })])]
              : [
                  small(e.title, { bold: true }),
                  ...(e.sourceUrl ? [small(e.sourceUrl, { color: MUTED })] : []),
                  ...(e.file
                    ? [
                        small(
                          t('fileLine', {
                            name: e.file.originalName,
                            type: e.file.mediaType,
                            size: `${e.file.size} B`,
                          }),
                          { color: MUTED },
                        ),
                      ]
                    : []),
                  ...((exhibits.citedAnnotations.get(e.id) ?? []).length
                    ? [
                        small(
                          t('annotationsCited', {
                            list: exhibits.citedAnnotations
                              .get(e.id)!
                              .map((a) => formatTarget(a.target, lang))
                              .join('; '),
                          }),
                          { italics: true },
                        ),
                      ]
                    : []),
                  para([
                    run(t('sha256'), { bold: true, size: 13, color: MUTED }),
                    run(e.file ? e.file.sha256 : t('noFile'), { size: 13, font: e.file ? 'DejaVu Sans Mono' : FONT }),
                  ]),
                ]
            const grade =
              e.sourceReliability || e.informationCredibility
                ? [
                    small(
                      t('grade', { grade: `${e.sourceReliability ?? '?'}${e.informationCredibility ?? '?'}` }) +
                        (e.sourceReliability ? ` (${RELIABILITY_LABELS[e.sourceReliability].slice(4)})` : ''),
                      { color: MUTED },
                    ),
                  ]
                : []
            return new TableRow({
              children: [
                cell([small(String(i + 1), { bold: true })]),
                cell(what),
                cell([small(t(`kind.${e.kind}`))]),
                cell([
                  small(t(`status.${e.verification.status}`), {
                    bold: true,
                    color: e.verification.status === 'verified' ? '111111' : BANNER,
                  }),
                  ...grade,
                ]),
              ],
            })
          }),
        ],
      }),
    )
  }
  if (letters.timeline) {
    annexTitle(letters.timeline, t('timelineTitle'), t('timelineIntro', { count: detail.events.length }))
    annexes.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [2600, 1200, 5838],
        rows: [
          headRow([t('colWhen'), t('colPrecision'), t('colEvent')]),
          ...detail.events.map((ev) => {
            const refs = ev.evidenceIds.map((id) => exhibits.number.get(id)).filter((n): n is number => n !== undefined)
            return new TableRow({
              children: [
                cell([small(eventTime(ev, lang))]),
                cell([small(t(`precision.${ev.precision}`))]),
                cell([
                  small(ev.title, { bold: true }),
                  ...(ev.location ? [small(ev.location, { italics: true, color: MUTED })] : []),
                  ...(ev.description ? [small(ev.description)] : []),
                  ...(refs.length
                    ? [
                        small(t('exhibitsRef', { count: refs.length, list: refs.sort((a, b) => a - b).join(', ') }), {
                          color: MUTED,
                        }),
                      ]
                    : []),
                ]),
              ],
            })
          }),
        ],
      }),
    )
  }
  if (letters.statutes) {
    annexTitle(letters.statutes, t('statutesTitle'), t('statutesIntro'))
    annexes.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: excerpts.map(
          (s, i) =>
            new TableRow({
              children: [
                cell([
                  para(
                    textRuns(`${letters.statutes}.${i + 1}  ${fullCitation(s)}${s.heading ? ` — ${s.heading}` : ''}`, {
                      bold: true,
                      size: 19,
                    }),
                  ),
                  ...s.text
                    .split(/\n+/)
                    .filter((l) => l.trim())
                    .map((l) => para(textRuns(l, { size: 18 }))),
                  ...(s.source ? [small(t('source', { source: s.source }), { color: MUTED })] : []),
                ]),
              ],
            }),
        ),
      }),
    )
  }

  const classification = (header.classification?.trim() || kase.classification || 'UNCLASSIFIED').toUpperCase()
  const banner = (extra: ParagraphChild[] = []) =>
    para([run(classification, { bold: true, color: BANNER, size: 18 }), ...extra], { alignment: AlignmentType.CENTER })
  const doc = new Document({
    // A release copy carries no author, subject or keywords that could name what was withheld.
    title: release ? t('memorandum') : header.subject || briefing.title,
    subject: release ? '' : `${kase.reference ? `${kase.reference}: ` : ''}${kase.title}`,
    creator: release ? 'Casefile' : header.from || 'Casefile',
    lastModifiedBy: 'Casefile',
    keywords: release ? classification : [classification, kase.reference].filter(Boolean).join('; '),
    description: release ? '' : briefing.title,
    // The ids let an edited clearance copy find its export; a release copy leaves the workspace for good
    // and names nothing of it.
    customProperties: release
      ? [{ name: 'Classification', value: classification }]
      : [
          { name: 'Classification', value: classification },
          { name: 'CasefileExport', value: opts.exportId },
          { name: 'CasefileBriefing', value: briefing.id },
          { name: 'CasefileCase', value: kase.id },
        ],
    styles: {
      default: { document: { run: { font: FONT, size: 20 } } },
      paragraphStyles: [
        ...[1, 2, 3].map((level) => ({
          id: `Heading${level}`,
          name: `Heading ${level}`,
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT, bold: true, color: '111111', size: level === 1 ? 26 : level === 2 ? 22 : 20 },
          paragraph: { spacing: { before: level === 1 ? 280 : 200, after: 100 }, keepNext: true },
        })),
        {
          id: 'CfQuote',
          name: 'Casefile Quote',
          basedOn: 'Normal',
          run: { italics: true, color: '333333' },
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'B8B8B8', space: 6 } },
          },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'cf-ordered',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
            text: level === 1 ? `%${level + 1})` : `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 340 } } },
          })),
        },
        {
          reference: 'cf-bullet',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: level === 1 ? '–' : '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 340 } } },
          })),
        },
      ],
    },
    footnotes,
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              banner(opts.draft ? [run(`   ${t('watermark')}`, { bold: true, color: '9A9A9A', size: 18 })] : []),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              para(
                [
                  ...textRuns(`${header.reference || kase.reference}\t`, { size: 14, color: MUTED }),
                  new TextRun({
                    font: FONT,
                    size: 14,
                    children: [`${t('pageWord')} `, PageNumber.CURRENT, ` ${t('ofWord')} `, PageNumber.TOTAL_PAGES],
                  }),
                ],
                { tabStops: [{ type: 'right', position: 9000 }] },
              ),
              banner(),
            ],
          }),
        },
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: [...top, ...body, ...close, ...annexes],
      },
    ],
  })
  return { buffer: await Packer.toBuffer(doc), footnotes: noteAttrs }
}

function logoType(bytes: Buffer): 'png' | 'jpg' {
  return bytes[0] === 0x89 && bytes[1] === 0x50 ? 'png' : 'jpg'
}

export type { Translate }

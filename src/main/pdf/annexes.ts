/** Annex tables: the exhibit list and the case timeline. */
import { formatTarget, RELIABILITY_LABELS, type EvidenceItem, type TimelineEvent } from '@shared/domain'
import { eventTime } from '@main/memo/citations'
import { redactionLabel } from '@main/memo/release'
import type { RenderContext } from './context'
import { COLORS, GEOM } from './layout'
import { drawTable, type Cell, type Row } from './table'
import { single, wrap } from './text'

/** New page, annex title, outline/contents mark and a one-line introduction. */
export function annexTitle(r: RenderContext, letter: string, title: string, intro: string) {
  const { flow } = r
  if (!flow.atTop) flow.newPage()
  r.mark(1, r.t('annexEntry', { letter, title }))
  flow.drawLine(
    single(r.run(r.t('annexHeading', { letter }), 'bold', 9, { color: COLORS.muted })),
    GEOM.left,
    flow.y,
    12,
  )
  flow.y += 13
  flow.drawLine(single(r.run(title, 'bold', 13)), GEOM.left, flow.y, 18)
  flow.y += 22
  flow.drawLines(wrap([r.run(intro, 'italic', 8.5, { color: COLORS.muted })], GEOM.width), {
    x: GEOM.left,
    lineHeight: 12,
  })
  flow.y += 8
}

const SIZE = 7.6
const LEADING = 9.6

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function exhibitsAnnex(
  r: RenderContext,
  letter: string,
  tick: (row: number) => void,
  images: Record<string, Buffer> = {},
) {
  const { t } = r
  const items = r.exhibits.order
  const { cited } = r.exhibits
  const intro = cited === items.length ? 'exhibitsIntro' : cited === 0 ? 'exhibitsIntroNone' : 'exhibitsIntroSome'
  annexTitle(r, letter, t('exhibitsTitle'), t(intro, { total: items.length, cited }))
  const cols = [
    { title: t('colNo'), width: 26 },
    { title: t('colExhibit'), width: 250 },
    { title: t('colKind'), width: 62 },
    { title: t('colVerification'), width: GEOM.width - 26 - 250 - 62 },
  ]
  const rows: Row[] = items.map((e: EvidenceItem, i) => {
    const withheld = r.release?.withheldItem(e.id)
    const exhibit: Cell =
      withheld !== undefined ? [[r.bar(redactionLabel(withheld, t), SIZE)]] : [r.runs(e.title, 'bold', SIZE)]
    if (e.sourceUrl && withheld === undefined)
      exhibit.push(r.runs(e.sourceUrl, 'regular', SIZE - 0.6, { color: COLORS.muted }))
    if (e.file && withheld === undefined)
      exhibit.push([
        ...r.runs(
          t('fileLine', { name: e.file.originalName, type: e.file.mediaType, size: size(e.file.size) }),
          'regular',
          SIZE - 0.6,
          { color: COLORS.muted },
        ),
      ])
    if (!e.sourceUrl && !e.file && e.capturedBy && withheld === undefined)
      exhibit.push(r.runs(t('capturedBy', { name: e.capturedBy }), 'regular', SIZE - 0.6, { color: COLORS.muted }))
    const anns = r.exhibits.citedAnnotations.get(e.id) ?? []
    if (anns.length) {
      exhibit.push([
        r.run(
          t('annotationsCited', { list: anns.map((a) => formatTarget(a.target, r.lang)).join('; ') }),
          'italic',
          SIZE - 0.4,
        ),
      ])
    }
    // The hash spans the row on one line so it can be read and copied whole.
    const label = r.run(t('sha256'), 'bold', SIZE - 0.8, { color: COLORS.muted })
    const hash: Cell = e.file
      ? [[label, r.run(e.file.sha256, 'mono', 7)]]
      : [[label, r.run(t('noFile'), 'italic', SIZE - 0.6, { color: COLORS.muted })]]
    const status = e.verification.status
    const verification: Cell = [
      [r.run(t(`status.${status}`), 'bold', SIZE, { color: status === 'verified' ? COLORS.text : COLORS.banner })],
    ]
    if (e.sourceReliability || e.informationCredibility) {
      const grade = t('grade', { grade: `${e.sourceReliability ?? '?'}${e.informationCredibility ?? '?'}` })
      const rel = e.sourceReliability ? ` (${RELIABILITY_LABELS[e.sourceReliability].slice(4)})` : ''
      verification.push([r.run(`${grade}${rel}`, 'regular', SIZE - 0.6, { color: COLORS.muted })])
    }
    return {
      cells: [
        [[r.run(String(i + 1), 'bold', SIZE)]],
        exhibit,
        [[r.run(t(`kind.${e.kind}`), 'regular', SIZE)]],
        verification,
      ],
      span: hash,
    }
  })
  drawTable(r, cols, rows, { size: SIZE, leading: LEADING, maxLines: 14, onRow: tick })
  exhibitImages(r, images)
}

const FIGURE_HEIGHT = 230

/** The images the memo cites (stills), each under its exhibit number, title and SHA-256, after the list. */
function exhibitImages(r: RenderContext, images: Record<string, Buffer>) {
  const { flow, doc, t } = r
  for (const e of r.exhibits.order) {
    const bytes = images[e.id]
    if (!bytes || !e.file || r.release?.withheldItem(e.id) !== undefined) continue
    let size: { width: number; height: number }
    try {
      const img = (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage(bytes)
      size = { width: img.width, height: img.height }
    } catch {
      continue // an image pdfkit cannot read costs the figure, never the memo
    }
    const scale = Math.min(GEOM.width / size.width, FIGURE_HEIGHT / size.height, 1.5)
    const w = size.width * scale
    const h = size.height * scale
    const caption = wrap(
      r.runs(`${t('fnExhibitShort', { n: r.exhibits.number.get(e.id), title: e.title })}`, 'bold', 8.5),
      GEOM.width,
    )
    flow.space(14)
    flow.ensure(caption.length * 12 + h + 24)
    flow.drawLines(caption, { x: GEOM.left, lineHeight: 12 })
    doc.image(bytes, GEOM.left, flow.y + 2, { width: w, height: h })
    flow.resetState()
    flow.y += h + 6
    flow.drawLine(
      single(r.run(`SHA-256 ${e.file.sha256}`, 'mono', 6.8, { color: COLORS.muted })),
      GEOM.left,
      flow.y,
      10,
    )
    flow.y += 12
  }
}

export function timelineAnnex(r: RenderContext, letter: string, events: TimelineEvent[], tick: (row: number) => void) {
  const { t } = r
  annexTitle(r, letter, t('timelineTitle'), t('timelineIntro', { count: events.length }))
  const cols = [
    { title: t('colWhen'), width: 146 },
    { title: t('colPrecision'), width: 58 },
    { title: t('colEvent'), width: GEOM.width - 146 - 58 },
  ]
  const rows: Row[] = events.map((ev) => {
    const event: Cell = [r.runs(ev.title, 'bold', SIZE)]
    if (ev.location) event.push(r.runs(ev.location, 'italic', SIZE - 0.4, { color: COLORS.muted }))
    if (ev.description) event.push(r.runs(ev.description, 'regular', SIZE - 0.4))
    const exhibits = ev.evidenceIds.map((id) => r.exhibits.number.get(id)).filter((n): n is number => n !== undefined)
    if (exhibits.length) {
      event.push([
        r.run(
          t('exhibitsRef', { count: exhibits.length, list: exhibits.sort((a, b) => a - b).join(', ') }),
          'regular',
          SIZE - 0.6,
          { color: COLORS.muted },
        ),
      ])
    }
    return {
      cells: [
        [[r.run(eventTime(ev, r.lang), 'regular', SIZE)]],
        [[r.run(t(`precision.${ev.precision}`), 'regular', SIZE)]],
        event,
      ],
    }
  })
  drawTable(r, cols, rows, { size: SIZE, leading: LEADING, maxLines: 16, onRow: tick })
}

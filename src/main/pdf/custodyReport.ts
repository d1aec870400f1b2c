/**
 * The chain-of-custody report as a PDF: for each exhibit its file facts and
 * every custody entry beside the audit-log entry that proves it. Data in, bytes
 * out, like the memo; the reports service assembles the data.
 */
import type { CustodyReport, CustodyReportExhibit } from '@shared/domain'
import { translator, type Translate } from '@shared/i18n'
import { RenderContext } from './context'
import { DETERMINISTIC_DATE, openPdf } from './document'
import { buildOutline, drawFurniture } from './furniture'
import { COLORS, GEOM } from './layout'
import { drawTable, type Cell, type Row } from './table'
import { single, wrap } from './text'

const SIZE = 7.6
const LEADING = 9.6
const LABEL = 92

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')

export async function renderCustodyReportPdf(
  report: CustodyReport,
  opts: { deterministic?: boolean } = {},
): Promise<{ buffer: Buffer; pages: number }> {
  const t = translator(report.language, 'report')
  const { doc, fonts, fontNames, finish } = openPdf(
    {
      title: `${t('title')}: ${report.case.title}`,
      author: report.generatedBy || 'Casefile',
      subject: `${report.case.reference ? `${report.case.reference}: ` : ''}${report.case.title}`,
      keywords: [report.case.classification, report.case.reference, 'chain of custody'].filter(Boolean).join(', '),
    },
    {
      date: opts.deterministic ? DETERMINISTIC_DATE : new Date(report.generatedAt),
      deterministic: opts.deterministic,
      identity: JSON.stringify({ ...report, generatedAt: '' }),
    },
  )
  const empty = { order: [], cited: 0, number: new Map(), citedAnnotations: new Map() }
  const r = new RenderContext(
    doc,
    fonts,
    fontNames,
    { evidence: [], events: [], statutes: [], annotations: [] },
    empty,
    {},
    report.language,
  )
  const { flow } = r
  const action = (a: string) => {
    const key = `action.${a}` as Parameters<typeof t>[0]
    const said = t(key)
    return said === key ? a : said
  }

  flow.drawLine(single(r.run(t('title'), 'bold', 16)), GEOM.left, flow.y, 22)
  flow.y += 26
  flow.rule(GEOM.left, GEOM.right, flow.y, 1.6, COLORS.text)
  flow.y += 10
  const facts: [string, string, ('regular' | 'mono')?][] = [
    [t('case'), report.case.title],
    [t('reference'), report.case.reference || t('none')],
    [t('workspace'), report.workspace],
    [t('generated'), utc(report.generatedAt)],
    [t('generatedBy'), report.generatedBy],
    [
      t('auditChain'),
      report.audit.ok
        ? t('auditOk', { entries: report.audit.entries })
        : t('auditBroken', { entries: report.audit.entries, reason: report.audit.reason ?? '' }),
    ],
    [`${t('auditHead', { seq: report.audit.headSeq })}`, report.audit.headHash, 'mono'],
  ]
  for (const [label, value, face] of facts) {
    const lab = wrap([r.run(label, 'bold', 8.5, { color: COLORS.muted })], LABEL + 60)
    const lines = wrap([r.run(value, face ?? 'regular', face === 'mono' ? 7.5 : 9.5)], GEOM.width - LABEL - 64)
    flow.ensure(Math.max(lab.length, lines.length) * 13)
    const top = flow.y
    flow.drawLines(lab, { x: GEOM.left, lineHeight: 13 })
    const afterLabel = flow.y
    flow.y = top
    flow.drawLines(lines, { x: GEOM.left + LABEL + 64, lineHeight: 13 })
    flow.y = Math.max(flow.y, afterLabel) + 2
  }
  flow.y += 4
  flow.rule(GEOM.left, GEOM.right, flow.y, 0.8, COLORS.text)
  flow.y += 12
  flow.drawLines(wrap([r.run(t('intro', { count: report.exhibits.length }), 'italic', 8.5)], GEOM.width), {
    x: GEOM.left,
    lineHeight: 12,
  })
  flow.y += 10

  for (const e of report.exhibits) exhibit(r, e, t, action)
  r.flow.finish()
  drawFurniture(r, {
    classification: report.case.classification,
    footerLeft: [report.case.reference, t('title')].filter(Boolean).join(' · '),
    draft: false,
  })
  buildOutline(r)
  const pages = doc.bufferedPageRange().count
  r.content.flush()
  return { buffer: await finish(), pages }
}

function exhibit(r: RenderContext, e: CustodyReportExhibit, t: Translate<'report'>, action: (a: string) => string) {
  const { flow } = r
  const memo = translator(r.lang, 'memo')
  const heading = `${t('exhibit', { n: e.number })} — ${e.title}`
  const title = wrap([r.run(heading, 'bold', 11)], GEOM.width)
  flow.ensure(title.length * 15 + 80)
  r.mark(1, heading)
  flow.drawLines(title, { x: GEOM.left, lineHeight: 15 })
  flow.y += 4
  const rows: [string, string, ('regular' | 'mono')?][] = [
    [t('kind'), memo(`kind.${e.kind}`)],
    ...(e.sourceUrl ? [[t('source'), e.sourceUrl] as [string, string]] : []),
    [
      t('file'),
      e.file
        ? t('fileValue', { name: e.file.originalName, type: e.file.mediaType, size: size(e.file.size) })
        : t('noFile'),
    ],
    ...(e.file ? [[t('sha256'), e.file.sha256, 'mono'] as [string, string, 'mono']] : []),
    [t('verification'), memo(`status.${e.verification}`)],
    [
      t('received'),
      e.received
        ? t('receivedValue', { at: utc(e.received.at), action: action(e.received.action), actor: e.received.actor })
        : t('none'),
    ],
    ...(e.file
      ? [
          [
            t('latestCheck'),
            e.latestCheck
              ? t('latestCheckValue', {
                  at: utc(e.latestCheck.at),
                  result: e.latestCheck.result === 'hash verified' ? 'verified' : 'mismatch',
                  actor: e.latestCheck.actor,
                })
              : t('neverChecked'),
          ] as [string, string],
        ]
      : []),
  ]
  for (const [label, value, face] of rows) {
    const lines = wrap([r.run(value, face ?? 'regular', face === 'mono' ? 7.2 : 8.5)], GEOM.width - LABEL)
    flow.ensure(lines.length * 11.5)
    flow.drawLine(single(r.run(label, 'bold', 8, { color: COLORS.muted })), GEOM.left, flow.y, 11.5)
    flow.drawLines(lines, { x: GEOM.left + LABEL, lineHeight: 11.5 })
  }
  flow.y += 6
  const cols = [
    { title: t('colNo'), width: 20 },
    { title: t('colWhen'), width: 92 },
    { title: t('colWho'), width: 70 },
    { title: t('colAction'), width: GEOM.width - 20 - 92 - 70 - 112 },
    { title: t('colAudit'), width: 112 },
  ]
  const rows2: Row[] = e.custody.map((c, i) => {
    const what: Cell = [[r.run(action(c.action), 'bold', SIZE)]]
    if (c.detail) what.push([r.run(c.detail, 'regular', SIZE - 0.4)])
    // The file's own hash is printed above; an entry names a hash here only when it differs (a mismatch).
    if (c.sha256 && c.sha256 !== e.file?.sha256)
      what.push([r.run(`SHA-256 ${c.sha256}`, 'mono', 6.4, { color: COLORS.muted })])
    const audit: Cell = c.audit
      ? [[r.run(`#${c.audit.seq}`, 'bold', SIZE)], [r.run(c.audit.hash, 'mono', 6.2, { color: COLORS.muted })]]
      : [[r.run(t('auditMissing'), 'italic', SIZE, { color: COLORS.banner })]]
    return {
      cells: [
        [[r.run(String(i + 1), 'regular', SIZE)]],
        [[r.run(utc(c.at), 'regular', SIZE)]],
        [[r.run(c.actor, 'regular', SIZE)]],
        what,
        audit,
      ],
    }
  })
  drawTable(r, cols, rows2, { size: SIZE, leading: LEADING, maxLines: 12 })
  flow.space(16)
}

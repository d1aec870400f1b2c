import { cliLanguage, t } from '../language'
import { citationLabel, formatEventTime, richTextToPlain, type CaseDetail } from '@shared/domain'
import type { CliIO } from '../framework'

const wrap = (text: string, indent = '    ', width = 96): string[] => {
  const out: string[] = []
  for (const para of text.split('\n')) {
    let line = ''
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && (indent + line + ' ' + word).length > width) {
        out.push(indent + line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    out.push(indent + line)
  }
  return out
}

/** The human form of `casefile show`. */
export function printCase(d: CaseDetail, io: CliIO): void {
  const c = d.case
  io.out(`${c.title}`)
  io.out(
    t('cli:referenceStatusClassification', {
      value: c.reference || '—',
      status: c.status,
      classification: c.classification,
    }),
  )
  io.out(t('cli:idUpdated', { id: c.id, updatedAt: c.updatedAt }))
  if (c.jurisdictions.length) io.out(t('cli:jurisdictions', { jurisdictionList: c.jurisdictions.join(', ') }))
  if (c.tags.length) io.out(t('cli:tags', { tagList: c.tags.join(', ') }))
  if (c.summary) {
    io.out('')
    io.out(t('cli:summary'))
    wrap(c.summary, '  ').forEach((l) => io.out(l))
  }

  io.out('')
  io.out(t('cli:actors', { actorCount: d.actors.length }))
  for (const a of d.actors)
    io.out(`  - ${a.name}${a.role ? ` — ${a.role}` : ''}${a.affiliation ? ` [${a.affiliation}]` : ''}  (${a.id})`)

  io.out('')
  io.out(t('cli:timeline', { eventCount: d.events.length }))
  for (const e of d.events) {
    io.out(`  - ${formatEventTime(e, cliLanguage())}  [${e.precision}]  (${e.id})`)
    io.out(`    ${e.title}`)
    const who = e.actorIds.map((id) => d.actors.find((a) => a.id === id)?.name ?? id)
    if (who.length) io.out(t('cli:actors2', { whoList: who.join('; ') }))
    if (e.evidenceIds.length) io.out(t('cli:evidence', { evidenceIdList: e.evidenceIds.join(', ') }))
  }

  io.out('')
  io.out(t('cli:evidence2', { evidenceCount: d.evidence.length }))
  for (const ev of d.evidence) {
    io.out(`  - [${ev.kind}] ${ev.title}  (${ev.id})`)
    io.out(
      t('cli:verification', {
        status: ev.verification.status,
        value: ev.verification.reasoning ? ` — ${ev.verification.reasoning}` : '',
      }),
    )
    if (ev.sourceReliability || ev.informationCredibility)
      io.out(t('cli:grading', { value: ev.sourceReliability ?? '?', value2: ev.informationCredibility ?? '?' }))
    if (ev.sourceUrl) io.out(t('cli:source', { sourceUrl: ev.sourceUrl }))
    if (ev.file)
      io.out(
        t('cli:fileBytesSha', {
          originalName: ev.file.originalName,
          size: ev.file.size,
          mediaType: ev.file.mediaType,
          sha256: ev.file.sha256,
        }),
      )
    if (ev.custody.length)
      io.out(t('cli:custody', { mapList: ev.custody.map((x) => `${x.at} ${x.action} by ${x.actor}`).join('; ') }))
  }

  io.out('')
  io.out(t('cli:notes', { noteCount: d.notes.length }))
  for (const n of d.notes) {
    io.out(`  - ${n.title || t('cli:untitled')}  (${n.id})`)
    wrap(richTextToPlain(n.body), '      ').forEach((l) => io.out(l))
  }

  io.out('')
  io.out(t('cli:statuteExcerpts', { statuteCount: d.statutes.length }))
  if (d.statutesNotShown?.length)
    io.out(t('cli:statutesNotShown', { count: d.statutesNotShown.length, list: d.statutesNotShown.join(', ') }))
  for (const s of d.statutes) {
    io.out(
      `  - ${citationLabel(s)}${s.heading ? ` — ${s.heading}` : ''}${s.year ? ` (${s.instrument}, ${s.year})` : ` (${s.instrument})`}  (${s.id})`,
    )
    wrap(s.text, '      ').forEach((l) => io.out(l))
    if (s.source) io.out(t('cli:source2', { source: s.source }))
  }

  io.out('')
  io.out(t('cli:briefings', { briefingCount: d.briefings.length }))
  for (const b of d.briefings) io.out(`  - ${b.title} [${b.status}] (${b.id})`)
}

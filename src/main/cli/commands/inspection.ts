/**
 * What `evidence inspect`, `duplicates` and `reread` print, worded from the
 * catalogue the window's Examination tab uses (warnings from their codes and
 * numbers, Content Credentials, fingerprints, near-duplicates, the sun), so the
 * terminal reads the same words as the window in the same language.
 */
import { formatFactValue, type DuplicateMatch, type ItemInspection, type RereadOutcome } from '@shared/domain'
import { formatNumber, type MessageKey } from '@shared/i18n'
import { timeCode, toolText, warningText, type ExaminationT } from '@shared/i18n/examinationWords'
import { type CliIO, table } from '../framework'
import { cliLanguage, t } from '../language'

const ex: ExaminationT = (key, values) => t(`examination:${key}`, values as Record<string, string | number>)
const num = (n: number) => formatNumber(n, cliLanguage())
const deg = (n: number) => num(Math.round(n * 10) / 10)
const span = (s?: { start: number; end: number }) => (s ? `${timeCode(s.start)}–${timeCode(s.end)}` : '')
const holds = (v: boolean | null) => ex(v === null ? 'c2pa.undecided' : v ? 'c2pa.yes' : 'c2pa.no')

/** One near-duplicate, as the Examination tab words it. */
export function matchText(m: DuplicateMatch): string {
  const key: MessageKey<'examination'> =
    m.how === 'frame' && !m.there ? 'duplicates.framePicture' : `duplicates.${m.how}`
  return ex(key, { title: m.title, there: span(m.there), here: span(m.here), frames: m.frames })
}

export function printInspection(r: ItemInspection, io: CliIO): void {
  io.out(`${r.title} (${r.evidenceId}) [${r.kind}]${r.sha256 ? `  SHA-256 ${r.sha256}` : ''}`)
  const a = r.analysis
  if (!a) io.out(ex(!r.sha256 ? 'note.noFile' : r.examining ? 'note.examining' : 'note.notExamined'))
  if (a) {
    const m = a.metadata
    const status = ex(`metaStatus.${m.status}`)
    io.out(
      m.readers.length
        ? t('cliEvidence:inspect.metadata', { status, readers: m.readers.join(', '), at: a.analysedAt })
        : t('cliEvidence:inspect.metadataNoReader', { status, at: a.analysedAt }),
    )
    if (m.facts.length)
      table(
        m.facts.map((f) => [`  ${ex(`fact.${f.name}`)}`, formatFactValue(f), `${f.source.reader}: ${f.source.field}`]),
        io,
      )
  }
  io.out(
    t('cliEvidence:inspect.warnings', {
      count: ex('warningsCount', { count: r.warnings.length }),
      compared: ex('compared', {
        count: r.claims.length,
        margin: r.settings.timeMarginMinutes,
        radius: r.settings.placeRadiusKm,
      }),
    }),
  )
  for (const w of r.warnings) {
    io.out(`  ! ${w.code}: ${warningText(w, [], ex, num)}`)
    for (const f of w.facts)
      io.out(`      ${ex(`fact.${f.name}`)}: ${formatFactValue(f)} (${f.source.reader}: ${f.source.field})`)
  }
  if (a) {
    const c = a.c2pa
    io.out(`${ex('c2pa')}: ${ex(`c2pa.${c.status === 'valid' && c.signerTrusted ? 'trusted' : c.status}`)}`)
    if (c.status !== 'absent' && c.status !== 'error') {
      io.out(
        `  ${ex('c2pa.signature')}: ${holds(c.signatureValid)}; ${ex('c2pa.binding')}: ${holds(c.hashBindingValid)}`,
      )
      io.out(`  ${ex('c2pa.trust')}: ${holds(c.signerTrusted)}`)
    }
    if (c.validator) io.out(`  ${ex('c2pa.validator', { validator: c.validator })}`)
    for (const [i, mf] of c.manifests.entries()) {
      io.out(`  ${i + 1}. ${mf.title ?? mf.label}`)
      if (mf.signer) io.out(`     ${ex('c2pa.signer')}: ${mf.signer}`)
      if (mf.issuer) io.out(`     ${ex('c2pa.issuer')}: ${mf.issuer}`)
      if (mf.signedAt) io.out(`     ${ex('c2pa.signedAt')}: ${mf.signedAt}`)
      if (mf.tool) io.out(`     ${ex('c2pa.tool')}: ${mf.tool}`)
      if (mf.actions.length) io.out(`     ${ex('c2pa.actions')}:`)
      for (const act of mf.actions)
        io.out(`       ${[act.action, act.softwareAgent, act.when, act.description].filter(Boolean).join(' · ')}`)
      if (mf.ingredients.length) io.out(`     ${ex('c2pa.ingredients')}: ${mf.ingredients.join(', ')}`)
    }
    if (c.failures.length) io.out(`  ${ex('c2pa.failures')}: ${c.failures.map((f) => f.code).join(', ')}`)
    const fp = a.fingerprint
    io.out(
      `${ex('fingerprint')}: ${
        fp.status !== 'done'
          ? ex('fingerprint.skipped')
          : fp.kind === 'video'
            ? ex('fingerprint.video', { count: fp.times.length, tool: toolText(ex, fp.tool, num) })
            : ex('fingerprint.image', { tool: fp.tool })
      }`,
    )
  }
  io.out(`${ex('duplicates')}: ${r.duplicates.length ? r.duplicates.length : ex('duplicates.none')}`)
  for (const d of r.duplicates)
    io.out(
      `  ${matchText(d)} (${d.evidenceId})${d.how === 'identical file' ? '' : ` [dHash ${deg(d.dhashDistance)}, pHash ${deg(d.phashDistance)}]`}`,
    )
  for (const aid of r.aids) {
    const s = aid.sun
    const basis =
      aid.from && aid.from !== 'file' && aid.claim
        ? ex(`sun.from.${aid.from}`, { claim: aid.claim.label })
        : aid.from === 'file'
          ? ex('sun.from.file')
          : aid.basis
    io.out(`${ex('sun')} — ${basis}`)
    io.out(`  ${ex('sun.localTime')}: ${s.localTime} (${s.zone})`)
    io.out(
      `  ${ex('sun.position')}: ${
        s.altitude > 0
          ? ex('sun.above', { altitude: deg(s.altitude), azimuth: deg(s.azimuth) })
          : ex('sun.below', { altitude: deg(s.altitude) })
      }`,
    )
    io.out(
      `  ${ex('sun.shadows')}: ${
        s.shadowAzimuth !== null && s.shadowRatio !== null
          ? ex('sun.shadowValue', { bearing: deg(s.shadowAzimuth), ratio: deg(s.shadowRatio) })
          : ex('sun.noShadows')
      }`,
    )
    io.out(
      `  ${ex('sun.daylight')}: ${ex('sun.daylightValue', { sunrise: s.sunrise ?? '—', sunset: s.sunset ?? '—' })}`,
    )
  }
  // main's notes are English; the same facts are worded here from the data, as the Examination tab does
  if (a && r.sha256 && a.sha256 !== r.sha256) io.out(ex('note.stale'))
}

/** One line of `evidence reread`: what was read, or why not. */
export function rereadLine(i: RereadOutcome['items'][number]): string {
  const where = `${i.caseId}/${i.evidenceId}`
  if (i.status === 'read')
    return t('cliEvidence:reread.read', {
      where,
      title: i.title,
      metadata: ex(`metaStatus.${i.metadata ?? 'none'}`),
      warnings: i.warnings,
    })
  return t('cliEvidence:reread.other', { status: i.status, where, title: i.title, reason: i.reason ?? '' })
}

/**
 * Starter documents for new briefings, in the briefing's language. "case file"
 * drafts the whole memo from what the case holds; the others are outlines whose
 * bracketed text is a placeholder the author replaces.
 */
import {
  formatLongDate,
  fullCitation,
  instantToLocal,
  VERIFICATION_STATUSES,
  type BriefingTemplate,
  type Case,
  type Language,
  type MemoHeader,
  type Organisation,
  type RichText,
  type StatuteExcerpt,
} from '@shared/domain'
import { translator, type Translate } from '@shared/i18n'
import type { CaseContent } from '../cases/casesService'

type Block = Record<string, unknown>
const text = (t: string, marks?: { type: string }[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })
const cite = (attrs: { target: string; id: string; pinpoint?: string; evidenceId?: string }) => ({
  type: 'citation',
  attrs: { pinpoint: '', ...attrs },
})
const h = (t: string): Block => ({ type: 'heading', attrs: { level: 2 }, content: [text(t)] })
const p = (...content: unknown[]): Block => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' })
const pt = (t: string) => p(text(t))
const list = (type: 'bulletList' | 'orderedList', items: string[]): Block => ({
  type,
  ...(type === 'orderedList' ? { attrs: { start: 1 } } : {}),
  content: items.map((i) => ({ type: 'listItem', content: [pt(i)] })),
})
const quote = (t: string): Block => ({
  type: 'blockquote',
  content: t
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => pt(para)),
})

export type TemplateName = BriefingTemplate

const TITLE_KEYS = {
  'case file': 'title.caseFile',
  'briefing memo': 'title.briefingMemo',
  'note of protest': 'title.noteOfProtest',
  'analytical note': 'title.analyticalNote',
  blank: 'title.blank',
} as const

export const defaultTitle = (template: TemplateName, lang: Language) =>
  translator(lang, 'templates')(TITLE_KEYS[template])

/** The header a new briefing starts with: from the case, today, the author and the organisation's defaults. */
export function templateHeader(
  template: TemplateName,
  c: Case,
  today: Date,
  author: string,
  org: Organisation,
  lang: Language,
): MemoHeader {
  const t = translator(lang, 'templates')
  const protest = template === 'note of protest'
  return {
    to: protest ? t('protest.to') : '',
    from: protest ? t('protest.from') : author,
    cc: org.cc,
    date: formatLongDate(today, lang),
    subject: c.title,
    reference: c.reference,
    classification: c.classification,
    number: '',
    signatoryName: org.signatoryName,
    signatoryTitle: org.signatoryTitle,
    drafter: org.drafter || (protest ? '' : author),
    clearance: org.clearance,
  }
}

/** What the case-file memo is drafted from. */
export interface CaseFileInput {
  content: CaseContent
  /** The excerpts the case links, in the order it links them. */
  excerpts: StatuteExcerpt[]
}

export function templateBody(template: TemplateName, lang: Language, source: CaseFileInput): RichText {
  const t = translator(lang, 'templates')
  switch (template) {
    case 'case file':
      return caseFileBody(source, lang, t)
    case 'briefing memo':
      return {
        type: 'doc',
        content: [
          h(t('outline.summary')),
          pt(firstSentences(source.content.case.summary) || t('outline.summaryHint')),
          h(t('outline.background')),
          pt(t('outline.backgroundHint')),
          h(t('outline.legalPosition')),
          pt(t('outline.legalHint')),
          h(t('outline.assessment')),
          pt(t('outline.assessmentHint')),
          h(t('outline.recommendations')),
          list('orderedList', [t('outline.recommendation1'), t('outline.recommendation2')]),
        ],
      }
    case 'note of protest':
      // The third-person formula of a note verbale: compliments, reference, facts, law, protest, requests, courtesy close.
      return {
        type: 'doc',
        content: [
          pt(t('protest.opening')),
          h(t('protest.facts')),
          pt(t('protest.factsHint')),
          h(t('protest.law')),
          pt(t('protest.lawHint')),
          h(t('protest.requests')),
          pt(t('protest.requestsIntro')),
          list('orderedList', [t('protest.request1'), t('protest.request2'), t('protest.request3')]),
          pt(t('protest.closing')),
          pt(t('protest.placeDate')),
        ],
      }
    case 'analytical note':
      return {
        type: 'doc',
        content: [
          h(t('analysis.keyJudgements')),
          list('bulletList', [t('analysis.judgement'), t('analysis.judgement')]),
          h(t('analysis.background')),
          pt(t('analysis.backgroundHint')),
          h(t('analysis.analysis')),
          pt(t('analysis.analysisHint')),
          h(t('analysis.sources')),
          pt(t('analysis.sourcesHint')),
          h(t('analysis.outlook')),
          pt(t('analysis.outlookHint')),
          h(t('analysis.gaps')),
          list('bulletList', [t('analysis.gapsHint')]),
        ],
      }
    case 'blank':
      return { type: 'doc', content: [p()] }
  }
}

const firstSentences = (s: string, n = 2) =>
  s
    .split(/(?<=\.)\s+/)
    .slice(0, n)
    .join(' ')
    .trim()

/** "27 January 2026, about 11:00 (America/Chicago)": when an event happened, in its own zone and precision. */
function eventWhen(e: CaseContent['events'][number], lang: Language, t: Translate<'templates'>): string {
  const local = instantToLocal(e.at, e.tz)
  const [y, m, d] = local.slice(0, 10).split('-').map(Number)
  const day = new Date(0)
  day.setUTCFullYear(y, m - 1, d)
  const date = formatLongDate(day, lang)
  const month = new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(day)
  return t('caseFile.when', { precision: e.precision, date, time: local.slice(11, 16), zone: e.tz, month })
}

/**
 * The memo drafted from the case: its summary; the chronology in prose, each
 * event with its exhibits cited (the footnotes carry their verification); the
 * legal position quoting every linked excerpt at its pinpoint; and where the
 * evidence stands. The annexes (exhibits, timeline, statutes) follow in the PDF.
 */
function caseFileBody({ content, excerpts }: CaseFileInput, lang: Language, t: Translate<'templates'>): RichText {
  const c = content.case
  const status = translator(lang, 'memo')
  const blocks: Block[] = [h(t('caseFile.summary'))]
  const summary = c.summary
    .split(/\n{2,}/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (summary.length) blocks.push(...summary.map((s) => pt(s)))
  else blocks.push(pt(t('caseFile.noSummary', { reference: c.reference || c.title })))

  blocks.push(h(t('caseFile.chronology')))
  if (!content.events.length) blocks.push(pt(t('caseFile.noEvents')))
  const actorName = new Map(content.actors.map((a) => [a.id, a.name]))
  const present = new Set(content.evidence.map((e) => e.id))
  for (const e of content.events) {
    // An event's exhibits: those it names, and those that name it.
    const exhibits = [
      ...e.evidenceIds,
      ...content.evidence.filter((x) => x.eventIds.includes(e.id)).map((x) => x.id),
    ].filter((id, i, all) => present.has(id) && all.indexOf(id) === i)
    const sentence = (s: string) => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)
    const parts: unknown[] = [text(`${eventWhen(e, lang, t)}. `, [{ type: 'bold' }]), text(sentence(e.title))]
    if (e.description.trim()) parts.push(text(` ${sentence(e.description)}`))
    if (e.location.trim()) parts.push(text(` ${t('caseFile.place', { place: e.location.trim() })}`))
    const names = e.actorIds.map((id) => actorName.get(id)).filter(Boolean)
    if (names.length) parts.push(text(` ${t('caseFile.involved', { names: names.join('; ') })}`))
    for (const id of exhibits) parts.push(cite({ target: 'evidence', id }))
    blocks.push(p(...parts))
  }

  blocks.push(h(t('caseFile.legal')))
  if (!excerpts.length) blocks.push(pt(t('caseFile.noLaw')))
  else blocks.push(pt(t('caseFile.legalIntro', { count: excerpts.length })))
  for (const s of excerpts) {
    const label = `${fullCitation(s)}${s.heading ? ` (${s.heading})` : ''}`
    blocks.push(p(text(t('caseFile.provides', { citation: label })), cite({ target: 'statute', id: s.id })))
    blocks.push(quote(s.text))
  }

  // One section per legal question the case turns on, with what bears on it cited.
  if (content.issues.length) {
    blocks.push(h(t('caseFile.issues')))
    for (const issue of content.issues) {
      blocks.push({ type: 'heading', attrs: { level: 3 }, content: [text(issue.question)] })
      blocks.push(pt(t('caseFile.issueStatus', { status: issue.status })))
      for (const para of issue.notes
        .split(/\n{2,}/)
        .map((x) => x.trim())
        .filter(Boolean))
        blocks.push(pt(para))
      const cites = [
        ...issue.eventIds
          .filter((id) => content.events.some((e) => e.id === id))
          .map((id) => cite({ target: 'event', id })),
        ...issue.evidenceIds.filter((id) => present.has(id)).map((id) => cite({ target: 'evidence', id })),
        ...issue.statuteIds
          .filter((id) => excerpts.some((x) => x.id === id))
          .map((id) => cite({ target: 'statute', id })),
      ]
      if (cites.length) blocks.push(p(text(t('caseFile.issueBearing')), ...cites))
    }
  }

  blocks.push(h(t('caseFile.evidence')))
  if (!content.evidence.length) blocks.push(pt(t('caseFile.noEvidence')))
  else {
    const counts = VERIFICATION_STATUSES.map(
      (st) => [st, content.evidence.filter((e) => e.verification.status === st).length] as const,
    )
    const lines = counts
      .filter(([, n]) => n > 0)
      .map(([st, n]) => t('caseFile.evidenceStatus', { status: status(`status.${st}`), count: n }))
    const unverified = content.evidence.filter((e) => e.verification.status !== 'verified').length
    blocks.push(pt(`${t('caseFile.evidenceCount', { total: content.evidence.length })} ${lines.join(' ')}`))
    blocks.push(pt(unverified ? t('caseFile.caveat', { count: unverified }) : t('caseFile.allVerified')))
  }
  return { type: 'doc', content: blocks }
}

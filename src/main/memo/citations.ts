/**
 * What each citation says in a footnote, and the exhibit numbers: evidence is
 * numbered in the order the memo first cites it (directly or through one of its
 * annotations), then the case's other items, so "Exhibit 1" is the first one
 * the reader meets.
 */
import type { Translate } from '@shared/i18n'
import {
  formatEventTime,
  formatTarget,
  fullCitation,
  pinpointParagraph,
  type Annotation,
  type CitationAttrs,
  type Language,
  type EvidenceItem,
  type StatuteExcerpt,
  type TimelineEvent,
} from '@shared/domain'

export interface CitationContext {
  evidence: EvidenceItem[]
  events: TimelineEvent[]
  statutes: StatuteExcerpt[]
  annotations: Annotation[]
}

export interface Exhibits {
  /** Evidence in exhibit order: the cited items first. */
  order: EvidenceItem[]
  /** How many of them the memo cites (they come first in `order`). */
  cited: number
  number: Map<string, number>
  /** Annotations the memo cites, by evidence id (for the exhibit list's time codes). */
  citedAnnotations: Map<string, Annotation[]>
}

export function numberExhibits(ctx: CitationContext, cites: CitationAttrs[]): Exhibits {
  const byId = new Map(ctx.evidence.map((e) => [e.id, e]))
  const annById = new Map(ctx.annotations.map((a) => [a.id, a]))
  const order: EvidenceItem[] = []
  const seen = new Set<string>()
  const citedAnnotations = new Map<string, Annotation[]>()
  const take = (id: string | undefined) => {
    const e = id ? byId.get(id) : undefined
    if (e && !seen.has(e.id)) {
      seen.add(e.id)
      order.push(e)
    }
  }
  for (const c of cites) {
    if (c.target === 'evidence') take(c.id)
    if (c.target === 'annotation') {
      const a = annById.get(c.id)
      const evidenceId = a?.evidenceId ?? c.evidenceId
      take(evidenceId)
      if (a) {
        const list = citedAnnotations.get(a.evidenceId) ?? []
        if (!list.some((x) => x.id === a.id)) list.push(a)
        citedAnnotations.set(a.evidenceId, list)
      }
    }
  }
  const cited = order.length
  for (const e of ctx.evidence) take(e.id)
  return { order, cited, number: new Map(order.map((e, i) => [e.id, i + 1])), citedAnnotations }
}

/** A source line short enough for a footnote; the exhibit list carries it in full. */
function shortSource(e: EvidenceItem, t: Translate<'memo'>): string {
  const src = e.sourceUrl || (e.file ? t('sourceFile', { name: e.file.originalName }) : '') || e.capturedBy
  if (!src) return t('sourceNotRecorded')
  return src.length > 160 ? `${src.slice(0, 157)}…` : src
}

const timeCache = new Map<string, string>()
/** formatEventTime, memoised: it asks Intl for zone offsets, which is slow enough to show on a 1,000-event timeline. */
export function eventTime(e: Pick<TimelineEvent, 'at' | 'tz' | 'precision'>, lang: Language = 'en'): string {
  const key = `${e.at}|${e.tz}|${e.precision}|${lang}`
  let t = timeCache.get(key)
  if (t === undefined) {
    t = formatEventTime(e, lang)
    if (timeCache.size > 50_000) timeCache.clear()
    timeCache.set(key, t)
  }
  return t
}

const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`)
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Letters of the annexes a footnote points to (they depend on which annexes the memo has). */
export interface AnnexRefs {
  timeline?: string
  statutes?: string
}

/** The caveat a citation of an item carries, in the memo's language; none for a verified item. */
export function caveatOf(e: EvidenceItem, t: Translate<'memo'>): string | null {
  const status = e.verification.status
  return status === 'verified' ? null : t(`caveat.${status}`)
}

/** The footnote text of one citation; a dangling reference says so instead of failing the export. */
export function footnoteText(
  c: CitationAttrs,
  ctx: CitationContext,
  ex: Exhibits,
  t: Translate<'memo'>,
  lang: Language = 'en',
  annexes: AnnexRefs = {},
): string {
  const pin = c.pinpoint.trim()
  // A no-break space keeps "Annex B" on one line.
  const annex = (letter: string | undefined, fallback: string) =>
    t('annex', { letter: letter ?? fallback }).replace(' ', '\u00A0')
  switch (c.target) {
    case 'evidence': {
      const e = ctx.evidence.find((x) => x.id === c.id)
      if (!e) return t('fnMissingEvidence', { id: c.id })
      const caveat = caveatOf(e, t)
      const values = {
        n: ex.number.get(e.id),
        title: clip(e.title, 300),
        kind: t(`kind.${e.kind}`),
        at: pin ? t('fnAt', { pin }) : '',
        source: shortSource(e, t),
      }
      // The caveat names the status itself: it is said once.
      return caveat ? `${t('fnExhibit', values)} ${caveat}` : t('fnExhibitVerified', values)
    }
    case 'annotation': {
      const a = ctx.annotations.find((x) => x.id === c.id)
      const e = ctx.evidence.find((x) => x.id === (a?.evidenceId ?? c.evidenceId))
      if (!e) return t('fnMissingAnnotation', { id: c.id })
      const exhibit = t('fnExhibitShort', { n: ex.number.get(e.id), title: clip(e.title, 120) })
      const caveat = caveatOf(e, t)
      const body = a
        ? t('fnAnnotation', {
            exhibit,
            where: formatTarget(a.target, lang),
            text: sentence(clip(a.text.trim() || t('annotationWord'), 600)),
          })
        : t('fnAnnotationBare', { exhibit, id: c.id, pin: pin ? `, ${pin}` : '' })
      return caveat ? `${body} ${caveat}` : body
    }
    case 'event': {
      const ev = ctx.events.find((x) => x.id === c.id)
      if (!ev) return t('fnMissingEvent', { id: c.id })
      return t('fnEvent', {
        when: eventTime(ev, lang),
        title: sentence(clip(ev.title, 400)),
        pin: pin ? ` ${pin}.` : '',
        annex: annex(annexes.timeline, 'B'),
      })
    }
    case 'statute': {
      const s = ctx.statutes.find((x) => x.id === c.id)
      if (!s) return t('fnMissingStatute', { id: c.id })
      const cite = fullCitation({ ...s, paragraph: pinpointParagraph(s.paragraph, pin) })
      return t('fnStatute', {
        citation: cite,
        heading: s.heading ? ` (${s.heading})` : '',
        annex: annex(annexes.statutes, 'C'),
      })
    }
  }
}

/** Cited excerpts first, in citation order, then the other excerpts linked to the case. */
export function appendixOrder(statutes: StatuteExcerpt[], cites: CitationAttrs[]): StatuteExcerpt[] {
  const byId = new Map(statutes.map((s) => [s.id, s]))
  const out = new Map<string, StatuteExcerpt>()
  for (const c of cites) if (c.target === 'statute' && byId.has(c.id)) out.set(c.id, byId.get(c.id)!)
  for (const s of statutes) out.set(s.id, s)
  return [...out.values()]
}

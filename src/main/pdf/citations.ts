/**
 * What each citation says in a footnote, and the exhibit numbers: evidence is
 * numbered in the order the memo first cites it (directly or through one of its
 * annotations), then the case's other items, so "Exhibit 1" is the first one
 * the reader meets.
 */
import {
  formatEventTime,
  formatTarget,
  fullCitation,
  pinpointParagraph,
  verificationCaveat,
  type Annotation,
  type CitationAttrs,
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
  /** Evidence in exhibit order. */
  order: EvidenceItem[]
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
  for (const e of ctx.evidence) take(e.id)
  return { order, number: new Map(order.map((e, i) => [e.id, i + 1])), citedAnnotations }
}

/** A source line short enough for a footnote; the exhibit list carries it in full. */
function shortSource(e: EvidenceItem): string {
  const src = e.sourceUrl || (e.file ? `file "${e.file.originalName}"` : '') || e.capturedBy
  if (!src) return 'source not recorded'
  return src.length > 160 ? `${src.slice(0, 157)}…` : src
}

const timeCache = new Map<string, string>()
/** formatEventTime, memoised: it asks Intl for zone offsets, which is slow enough to show on a 1,000-event timeline. */
export function eventTime(e: Pick<TimelineEvent, 'at' | 'tz' | 'precision'>): string {
  const key = `${e.at}|${e.tz}|${e.precision}`
  let t = timeCache.get(key)
  if (t === undefined) {
    t = formatEventTime(e)
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

// A no-break space keeps "Annex B" on one line.
const annex = (letter: string | undefined, fallback: string) => `Annex\u00A0${letter ?? fallback}`

/** The footnote text of one citation; a dangling reference says so instead of failing the export. */
export function footnoteText(c: CitationAttrs, ctx: CitationContext, ex: Exhibits, annexes: AnnexRefs = {}): string {
  const pin = c.pinpoint.trim()
  switch (c.target) {
    case 'evidence': {
      const e = ctx.evidence.find((x) => x.id === c.id)
      if (!e) return `Cited evidence item no longer in the case (${c.id}).`
      const caveat = verificationCaveat(e.verification.status)
      const at = pin ? `, at ${pin}` : ''
      const main = `Exhibit ${ex.number.get(e.id)}: ${clip(e.title, 300)} (${e.kind})${at}, ${shortSource(e)}; ${e.verification.status}.`
      return caveat ? `${main} ${caveat}` : main
    }
    case 'annotation': {
      const a = ctx.annotations.find((x) => x.id === c.id)
      const e = ctx.evidence.find((x) => x.id === (a?.evidenceId ?? c.evidenceId))
      if (!e) return `Cited annotation no longer in the case (${c.id}).`
      const exhibit = `Exhibit ${ex.number.get(e.id)} (${clip(e.title, 120)})`
      const caveat = verificationCaveat(e.verification.status)
      const body = a
        ? `${exhibit}, ${formatTarget(a.target)}: ${sentence(clip(a.text.trim() || 'annotation', 600))}`
        : `${exhibit}, annotation ${c.id}${pin ? `, ${pin}` : ''}.`
      return caveat ? `${body} ${caveat}` : body
    }
    case 'event': {
      const ev = ctx.events.find((x) => x.id === c.id)
      if (!ev) return `Cited timeline event no longer in the case (${c.id}).`
      return `${eventTime(ev)}: ${sentence(clip(ev.title, 400))}${pin ? ` ${pin}.` : ''} See the timeline (${annex(annexes.timeline, 'B')}).`
    }
    case 'statute': {
      const s = ctx.statutes.find((x) => x.id === c.id)
      if (!s) return `Cited statute excerpt no longer in the library (${c.id}).`
      const cite = fullCitation({ ...s, paragraph: pinpointParagraph(s.paragraph, pin) })
      return `${cite}${s.heading ? ` (${s.heading})` : ''}. Full text in ${annex(annexes.statutes, 'C')}.`
    }
  }
}

/**
 * How a citation node reads wherever it is shown (editor chip, picker, PDF):
 * one function, so "VCCR art. 31(2)" and the verification caveat never drift apart.
 */
import { formatTarget, type Annotation } from './annotation'
import type { CitationAttrs } from './briefing'
import { formatEventTime, type TimelineEvent } from './event'
import { verificationCaveat, type EvidenceItem, type VerificationStatus } from './evidence'
import { citationLabel, pinpointParagraph, type StatuteExcerpt } from './statute'

export interface CitationSources {
  evidence: readonly EvidenceItem[]
  annotations: readonly Annotation[]
  events: readonly TimelineEvent[]
  statutes: readonly StatuteExcerpt[]
}

export interface CitationDisplay {
  /** The chip's text. */
  label: string
  /** A longer description for a tooltip or a footnote. */
  detail: string
  /** Verification status of the evidence behind the citation, when there is evidence behind it. */
  status?: VerificationStatus
  /** verificationCaveat(status): set when the cited evidence is not verified. */
  caveat: string | null
  /** The cited thing is no longer in the case or the library. */
  missing: boolean
}

/** The citation's pinpoint applied to the excerpt: "VCCR art. 31(2)". */
export function statutePinpointLabel(
  s: Pick<StatuteExcerpt, 'instrument' | 'shortName' | 'article' | 'paragraph'>,
  pinpoint = '',
): string {
  return citationLabel({ ...s, paragraph: pinpointParagraph(s.paragraph, pinpoint) })
}

/** "Video of the exchange at the consulate door…": long titles shortened at a word boundary. */
export function shortTitle(title: string, max = 48): string {
  if (title.length <= max) return title
  const cut = title.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`
}

export function describeCitation(
  attrs: Pick<CitationAttrs, 'target' | 'id' | 'pinpoint' | 'evidenceId'>,
  src: CitationSources,
): CitationDisplay {
  const missing = (what: string): CitationDisplay => ({
    label: `missing ${what}`,
    detail: `The cited ${what} (${attrs.id}) is no longer available.`,
    caveat: null,
    missing: true,
  })
  const pin = attrs.pinpoint ? `, ${attrs.pinpoint}` : ''
  switch (attrs.target) {
    case 'evidence': {
      const item = src.evidence.find((e) => e.id === attrs.id)
      if (!item) return missing('evidence item')
      const status = item.verification.status
      return {
        label: `${shortTitle(item.title)}${pin}`,
        detail: `${item.kind}: ${item.title}`,
        status,
        caveat: verificationCaveat(status),
        missing: false,
      }
    }
    case 'annotation': {
      const a = src.annotations.find((x) => x.id === attrs.id)
      const item = src.evidence.find((e) => e.id === (a?.evidenceId ?? attrs.evidenceId))
      if (!a || !item) return missing('annotation')
      const status = item.verification.status
      const at = formatTarget(a.target)
      return {
        label: `${shortTitle(item.title, 32)} @ ${at}`,
        detail: `${item.title} at ${at}${a.text ? `: ${a.text}` : ''}`,
        status,
        caveat: verificationCaveat(status),
        missing: false,
      }
    }
    case 'event': {
      const e = src.events.find((x) => x.id === attrs.id)
      if (!e) return missing('timeline event')
      return { label: `${formatEventTime(e)}${pin}`, detail: e.title, caveat: null, missing: false }
    }
    case 'statute': {
      const s = src.statutes.find((x) => x.id === attrs.id)
      if (!s) return missing('statute excerpt')
      const label = statutePinpointLabel(s, attrs.pinpoint)
      return {
        label,
        detail: `${s.instrument}${s.year ? ` (${s.year})` : ''}${s.heading ? ` — ${s.heading}` : ''}`,
        caveat: null,
        missing: false,
      }
    }
  }
}

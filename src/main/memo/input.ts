/** What a memo is made from, whatever it is rendered as (PDF, Word). */
import type { Annotation, Briefing, CaseDetail, StatuteExcerpt } from '@shared/domain'

/** Who the memo comes from, as the organisation's settings say. */
export interface Letterhead {
  lines: string[]
  /** PNG or JPEG bytes. */
  logo?: Buffer
}

export interface MemoInput {
  briefing: Briefing
  detail: CaseDetail
  /** Library excerpts the case links or the briefing cites. */
  statutes: StatuteExcerpt[]
  /** Annotations the briefing may cite (others are ignored). */
  annotations: Annotation[]
  /** The organisation's letterhead lines and logo; none prints no letterhead. */
  letterhead?: Letterhead
  /** PNG or JPEG bytes of image exhibits the memo cites (stills), by evidence id: printed in the exhibit annex. */
  images?: Record<string, Buffer>
}

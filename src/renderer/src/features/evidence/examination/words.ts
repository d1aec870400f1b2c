/**
 * How the examination's numbers read in the window's language: the shared
 * wording (src/shared/i18n/examinationWords.ts), which the command line uses too.
 */
import type { CaseDetail, Claim } from '@shared/domain'
import { claimName as claimOf } from '@shared/i18n/examinationWords'
import type { T } from '@renderer/lib/i18n'

export { duration, timeCode, toolText } from '@shared/i18n/examinationWords'

/** The claim as the sentence names it: "the item's event date", "the event “Arrival”". */
export const claimName = (t: T<'examination'>, claim: Claim, detail: CaseDetail): string =>
  claimOf(t, claim, detail.events)

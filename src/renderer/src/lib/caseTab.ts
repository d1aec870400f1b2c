import type { CaseDetail, CaseLinks } from '@shared/domain'

/** What the case view hands each of its tabs (features/<name>/index.tsx). */
export interface CaseTabProps {
  caseId: string
  detail: CaseDetail
  /** Re-reads the case from main after a change. */
  reload: () => Promise<void>
  /** The item the route points at (#/case/<id>/<tab>/<itemId>), e.g. from a search hit. */
  itemId?: string
  /** Every link of the case from both ends (cases:links); null until main has answered. */
  links?: CaseLinks | null
  /** The workspace refuses writes: show, but offer no editing. */
  readOnly?: boolean
}

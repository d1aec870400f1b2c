import type { CaseStatus, Precision } from '@shared/domain'

/** The catalogue key (ui namespace) of a case status's name. */
export const statusKey = (s: CaseStatus) => `status.${s}` as const

/** The catalogue key of an event time precision's name. */
export const precisionKey = (p: Precision) => `precision.${p}` as const

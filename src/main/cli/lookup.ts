/**
 * Turning what a person typed into the ids the services take: CASE (an id or a
 * reference) and records named by their id alone, their case found for them
 * (or named with --case when the same id is in several cases).
 */
import type { CaseRecordKind } from '@main/services/cases/casesService'
import type { Services } from '@main/services/index'
import { optionalString, type Values } from './framework'

export const caseOf = (s: Services, ref: string) => s.cases.resolve(ref)

/** The case holding a record: --case when given, else the one case that holds it. */
export async function caseHolding(s: Services, kind: CaseRecordKind, id: string, values: Values): Promise<string> {
  const ref = optionalString(values, 'case')
  return ref === undefined ? s.cases.locate(kind, id) : s.cases.resolve(ref)
}

/** The case holding a briefing: --case when given, else the one case that holds it. */
export async function briefingCase(s: Services, id: string, values: Values): Promise<string> {
  const ref = optionalString(values, 'case')
  return ref === undefined ? s.briefings.locate(id) : s.cases.resolve(ref)
}

/** The --case option of commands that name a record by its id. */
export const CASE_HINT = {
  case: {
    type: 'string',
    value: 'CASE',
    describe: 'the case that holds it (found from the id when omitted)',
  },
} as const

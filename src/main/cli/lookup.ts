/**
 * Turning what a person typed into the ids the services take: CASE (an id or a
 * reference) and records named by their id alone, their case found for them
 * (or named with --case when the same id is in several cases).
 */
import { t } from './language'
import type { CaseRecordKind } from '@main/services/cases/casesService'
import type { Services } from '@main/services/index'
import { type Command, optionalString, printJson, type Values } from './framework'

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
    describe: 'cli:CASE_HINT.opt.case',
  },
} as const

/**
 * `<noun> remove ID`: finds the case holding the record, removes it through the
 * owner's method, and says so (JSON: `{ removed, caseId, <kind>Id }`).
 */
export function removeRecordCommand(spec: {
  noun: string
  kind: CaseRecordKind
  args: string
  summary: string
  example: string
  remove: (s: Services, caseId: string, id: string) => Promise<void>
}): Command {
  return {
    name: `${spec.noun} remove`,
    args: spec.args,
    positionals: 1,
    summary: spec.summary,
    options: { ...CASE_HINT },
    examples: [spec.example],
    async run({ withWorkspace, io, json, values, positionals }) {
      const id = positionals[0]
      const caseId = await withWorkspace(async (s) => {
        const c = await caseHolding(s, spec.kind, id, values)
        await spec.remove(s, c, id)
        return c
      })
      if (json) return printJson(io, { removed: true, caseId, [`${spec.kind}Id`]: id })
      io.out(t('cli:removedCase', { noun: spec.noun, id, caseId }))
    },
  }
}

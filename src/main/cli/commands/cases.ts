import { t, type HelpText } from '../language'
import { CASE_STATUSES, type Case, type CasePatch } from '@shared/domain'
import {
  type Command,
  example,
  type Options,
  optionalChoice,
  optionalList,
  optionalString,
  printJson,
  table,
  UsageError,
  type Values,
} from '../framework'
import { caseOf } from '../lookup'
import { printCase } from './printCase'

/** The fields `case new` and `case edit` share. */
const CASE_FIELDS: Options = {
  reference: { type: 'string', value: 'REFERENCE', describe: 'cliCases:CASE_FIELDS.opt.reference' },
  classification: {
    type: 'string',
    value: 'CLASSIFICATION',
    describe: 'cliCases:CASE_FIELDS.opt.classification',
  },
  summary: { type: 'string', value: 'TEXT', describe: 'cliCases:CASE_FIELDS.opt.summary' },
  status: {
    type: 'string',
    value: 'STATUS',
    describe: () => t('cliCases:opt.status', { list: CASE_STATUSES.join(', ') }),
  },
  jurisdiction: {
    type: 'string',
    value: 'JURISDICTION',
    multiple: true,
    describe: 'cliCases:CASE_FIELDS.opt.jurisdiction',
  },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'cliCases:CASE_FIELDS.opt.tag' },
}

function caseFields(values: Values): CasePatch {
  const patch: CasePatch = {
    title: optionalString(values, 'title'),
    reference: optionalString(values, 'reference'),
    classification: optionalString(values, 'classification'),
    summary: optionalString(values, 'summary'),
    status: optionalChoice(values, 'status', CASE_STATUSES),
    jurisdictions: optionalList(values, 'jurisdiction'),
    tags: optionalList(values, 'tag'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CasePatch
}

const describe = (c: Case) => `${c.id}${c.reference ? ` (${c.reference})` : ''}: ${c.title} [${c.status}]`

/** `case archive` and `case restore`: the status the window's Archive / Unarchive sets. */
function statusCommand(name: string, status: 'archived' | 'open', summary: HelpText): Command {
  return {
    name,
    args: 'CASE',
    positionals: 1,
    summary,
    examples: [`${name} ECU-USA-2026-001`],
    async run({ withWorkspace, io, json, positionals }) {
      const c = await withWorkspace(async (s) => s.cases.update(await caseOf(s, positionals[0]), { status }))
      if (json) return printJson(io, c)
      io.out(t('cliCases:case', { value: status, value2: describe(c) }))
    },
  }
}

export const casesCommands: Command[] = [
  {
    name: 'cases',
    aliases: ['case list'],
    group: 'case',
    summary: 'cliCases:cases.summary',
    examples: ['cases', 'cases --json'],
    async run({ withWorkspace, io, json }) {
      const list = await withWorkspace((s) => s.cases.list(), { readOnly: true })
      if (json) return printJson(io, list)
      if (!list.length) return io.out(t('cliCases:noCasesYetCreate'))
      table(
        [
          [
            t('cli:col.reference'),
            t('cli:col.status'),
            t('cli:col.classification'),
            t('cli:col.id'),
            t('cli:col.title'),
          ],
          ...list.map((c) => [c.reference || '—', c.status, c.classification, c.id, c.title]),
        ],
        io,
      )
    },
  },
  {
    name: 'show',
    aliases: ['case show'],
    group: 'case',
    args: 'CASE',
    summary: 'cliCases:show.summary',
    positionals: 1,
    examples: ['show ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const detail = await withWorkspace(async (s) => s.caseDetail.get(await caseOf(s, positionals[0])), {
        readOnly: true,
      })
      if (json) return printJson(io, detail)
      printCase(detail, io)
    },
  },
  {
    name: 'case new',
    summary: 'cliCases:caseNew.summary',
    options: {
      title: { type: 'string', value: 'TITLE', required: true, describe: 'cliCases:caseNew.opt.title' },
      ...CASE_FIELDS,
    },
    examples: [
      example`case new --title ${'cliHelp:example.caseTitle'} --reference ECU-USA-2026-002 --classification ${'cliHelp:example.classification'}`,
    ],
    async run({ withWorkspace, io, json, values }) {
      const { title, ...rest } = caseFields(values)
      const c = await withWorkspace((s) => s.cases.create({ ...rest, title: title! }))
      if (json) return printJson(io, c)
      io.out(t('cliCases:createdCase', { value: describe(c) }))
    },
  },
  {
    name: 'case edit',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:caseEdit.summary',
    options: { title: { type: 'string', value: 'TITLE', describe: 'cliCases:caseEdit.opt.title' }, ...CASE_FIELDS },
    examples: [
      example`case edit ECU-USA-2026-001 --status monitoring --tag ${'cliHelp:example.tagConsular'} --tag ${'cliHelp:example.tagProtest'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = caseFields(values)
      if (!Object.keys(patch).length) throw new UsageError(t('cliCases:nothingChangeGiveTitle'))
      const c = await withWorkspace(async (s) => s.cases.update(await caseOf(s, positionals[0]), patch))
      if (json) return printJson(io, c)
      io.out(t('cliCases:updatedCase', { value: describe(c) }))
    },
  },
  statusCommand('case archive', 'archived', 'cliCases:caseArchive.summary'),
  statusCommand('case restore', 'open', 'cliCases:caseRestore.summary'),
]

import { CASE_STATUSES, type Case, type CasePatch } from '@shared/domain'
import {
  type Command,
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
  reference: { type: 'string', value: 'R', describe: 'the file reference, e.g. ECU-USA-2026-001' },
  classification: {
    type: 'string',
    value: 'C',
    describe: 'the marking on every page (default UNCLASSIFIED; free text, e.g. CONFIDENTIAL)',
  },
  summary: { type: 'string', value: 'TEXT', describe: 'what the case is about' },
  status: { type: 'string', value: 'S', describe: `one of ${CASE_STATUSES.join(', ')} (default open)` },
  jurisdiction: { type: 'string', value: 'J', multiple: true, describe: 'a jurisdiction concerned' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'a tag' },
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
function statusCommand(name: string, status: 'archived' | 'open', summary: string): Command {
  return {
    name,
    args: 'CASE',
    positionals: 1,
    summary,
    examples: [`${name} ECU-USA-2026-001`],
    async run({ withWorkspace, io, json, positionals }) {
      const c = await withWorkspace(async (s) => s.cases.update(await caseOf(s, positionals[0]), { status }))
      if (json) return printJson(io, c)
      io.out(`${status === 'archived' ? 'Archived' : 'Restored'} case ${describe(c)}`)
    },
  }
}

export const casesCommands: Command[] = [
  {
    name: 'cases',
    aliases: ['case list'],
    group: 'case',
    summary: 'List the cases of the workspace, most recently changed first.',
    examples: ['cases', 'cases --json'],
    async run({ withWorkspace, io, json }) {
      const list = await withWorkspace((s) => s.cases.list(), { readOnly: true })
      if (json) return printJson(io, list)
      if (!list.length) return io.out('No cases yet. Create one with: casefile case new --title "…"')
      table(
        [
          ['REFERENCE', 'STATUS', 'CLASSIFICATION', 'ID', 'TITLE'],
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
    summary:
      'Print one case whole: overview, actors, timeline, evidence, notes, linked statute excerpts and briefings. CASE is an id or a reference.',
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
    summary: 'Create a case.',
    options: {
      title: { type: 'string', value: 'T', required: true, describe: 'what the case is called' },
      ...CASE_FIELDS,
    },
    examples: ['case new --title "Consulate door incident" --reference ECU-USA-2026-001 --classification CONFIDENTIAL'],
    async run({ withWorkspace, io, json, values }) {
      const { title, ...rest } = caseFields(values)
      const c = await withWorkspace((s) => s.cases.create({ ...rest, title: title! }))
      if (json) return printJson(io, c)
      io.out(`Created case ${describe(c)}`)
    },
  },
  {
    name: 'case edit',
    args: 'CASE',
    positionals: 1,
    summary: 'Change a case: only the fields given change (--jurisdiction and --tag replace the whole list).',
    options: { title: { type: 'string', value: 'T', describe: 'a new title' }, ...CASE_FIELDS },
    examples: ['case edit ECU-USA-2026-001 --status monitoring --tag consular --tag protest'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = caseFields(values)
      if (!Object.keys(patch).length)
        throw new UsageError(
          'nothing to change: give --title, --reference, --classification, --summary, --status, --jurisdiction or --tag',
        )
      const c = await withWorkspace(async (s) => s.cases.update(await caseOf(s, positionals[0]), patch))
      if (json) return printJson(io, c)
      io.out(`Updated case ${describe(c)}`)
    },
  },
  statusCommand('case archive', 'archived', 'Archive a case: it leaves the active list but keeps everything.'),
  statusCommand('case restore', 'open', 'Bring an archived case back (its status becomes open).'),
]

import {
  BRIEFING_TEMPLATES,
  BriefingStatus,
  CitationAttrs,
  richTextFromPlain,
  richTextToPlain,
  LANGUAGES,
  type Briefing,
  type BriefingPatch,
  type MemoHeader,
} from '@shared/domain'
import { describeCitation, type CitationSources } from '@shared/domain/citationDisplay'
import {
  choiceOf,
  type CliIO,
  type Command,
  optionalChoice,
  optionalString,
  printJson,
  readTextFile,
  table,
  UsageError,
} from '../framework'
import { briefingCase, CASE_HINT, caseOf } from '../lookup'

const TEMPLATES_TEXT = BRIEFING_TEMPLATES.map((t) => `"${t}"`).join(', ')
/** The memo header fields a person fills in, by option name (the number is given at the first final export). */
const HEADER = {
  to: 'to',
  from: 'from',
  cc: 'cc',
  date: 'date',
  subject: 'subject',
  reference: 'reference',
  classification: 'classification',
  'signatory-name': 'signatoryName',
  'signatory-title': 'signatoryTitle',
  drafter: 'drafter',
  clearance: 'clearance',
} as const satisfies Record<string, keyof MemoHeader>
const HEADER_LABELS: [keyof MemoHeader, string][] = [
  ['number', 'NUMBER'],
  ...Object.entries(HEADER).map(([o, k]) => [k, o.toUpperCase().replace('-', ' ')] as [keyof MemoHeader, string]),
]

const describe = (b: Pick<Briefing, 'id' | 'title' | 'status' | 'template'>) =>
  `${b.id}: ${b.title} [${b.status}, ${b.template}]`

/** The briefing as text: memo header, then the body with each citation as [its label]. */
function printBriefing(b: Briefing, sources: CitationSources, io: CliIO) {
  io.out(`${b.title}`)
  io.out(
    `  Id: ${b.id}   Status: ${b.status}   Template: ${b.template}   Language: ${b.language}   Updated: ${b.updatedAt}`,
  )
  for (const [k, label] of HEADER_LABELS) if (b.header[k]) io.out(`  ${label.padEnd(16)}${b.header[k]}`)
  io.out(`  Exports: ${b.exports.length ? b.exports.map((x) => `${x.at} ${x.file}`).join('; ') : 'none yet'}`)
  io.out('')
  const text = richTextToPlain(b.body, (node) => {
    if (node.type !== 'citation') return undefined
    const attrs = CitationAttrs.safeParse(node.attrs ?? {})
    return attrs.success ? `[${describeCitation(attrs.data, sources).label}]` : '[citation]'
  })
  for (const line of (text || '(empty)').split('\n')) io.out(`  ${line}`)
}

export const briefingCommands: Command[] = [
  {
    name: 'briefing new',
    args: 'CASE',
    positionals: 1,
    summary: `Start a draft briefing of a case from a template, its memo header filled from the case and today's date. T is one of ${TEMPLATES_TEXT} (default "${BRIEFING_TEMPLATES[0]}").`,
    options: {
      template: { type: 'string', value: 'T', describe: `one of ${TEMPLATES_TEXT}` },
      title: { type: 'string', value: 'T', describe: "the briefing's title (default: the template's)" },
      language: {
        type: 'string',
        value: 'L',
        describe: `the memo's language, ${LANGUAGES.join(' or ')} (default: the workspace's)`,
      },
    },
    examples: ['briefing new ECU-USA-2026-001 --template "note of protest"'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const template = optionalChoice(values, 'template', BRIEFING_TEMPLATES) ?? BRIEFING_TEMPLATES[0]
      const b = await withWorkspace(async (s) =>
        s.briefings.createFromTemplate(await caseOf(s, positionals[0]), template, {
          title: optionalString(values, 'title'),
          language: optionalChoice(values, 'language', LANGUAGES),
        }),
      )
      if (json) return printJson(io, b)
      io.out(`Created briefing ${describe(b)}`)
    },
  },
  {
    name: 'briefing list',
    args: 'CASE',
    positionals: 1,
    summary: 'List the briefings of a case, most recently changed first.',
    examples: ['briefing list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const list = await withWorkspace(async (s) => s.briefings.list(await caseOf(s, positionals[0])), {
        readOnly: true,
      })
      if (json) return printJson(io, list)
      if (!list.length) return io.out('No briefings in this case yet (casefile briefing new CASE).')
      table(
        [
          ['ID', 'STATUS', 'TEMPLATE', 'UPDATED', 'TITLE'],
          ...list.map((b) => [b.id, b.status, b.template, b.updatedAt, b.title]),
        ],
        io,
      )
    },
  },
  {
    name: 'briefing show',
    args: 'BRIEFING',
    positionals: 1,
    summary: 'Print a briefing: its memo header, status, exports, and its text with citations as [labels].',
    options: { ...CASE_HINT },
    examples: ['briefing show briefing_demo_memo'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const { briefing, sources } = await withWorkspace(
        async (s) => {
          const caseId = await briefingCase(s, positionals[0], values)
          const detail = await s.caseDetail.get(caseId)
          return {
            briefing: await s.briefings.get(caseId, positionals[0]),
            sources: { ...detail, annotations: [], statutes: await s.statutes.list() },
          }
        },
        { readOnly: true },
      )
      if (json) return printJson(io, briefing)
      printBriefing(briefing, sources, io)
    },
  },
  {
    name: 'briefing edit',
    args: 'BRIEFING',
    positionals: 1,
    summary:
      'Change the title or memo header of a briefing, or replace its body with plain text (--body-file; citations are added in the window).',
    options: {
      title: { type: 'string', value: 'T', describe: 'a new title' },
      ...Object.fromEntries(
        Object.keys(HEADER).map((o) => [
          o,
          { type: 'string' as const, value: 'TEXT', describe: `the memo's ${o.toUpperCase().replace('-', ' ')} line` },
        ]),
      ),
      language: { type: 'string', value: 'L', describe: `the memo's language: ${LANGUAGES.join(' or ')}` },
      'body-file': {
        type: 'string',
        value: 'F',
        describe: 'replace the body with this UTF-8 text (blank lines start paragraphs)',
      },
      ...CASE_HINT,
    },
    examples: ['briefing edit briefing_demo_memo --to "The Minister" --from "Legal Adviser"'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const header = Object.fromEntries(
        Object.entries(HEADER).flatMap(([o, k]) =>
          optionalString(values, o) === undefined ? [] : [[k, optionalString(values, o)]],
        ),
      )
      const bodyFile = optionalString(values, 'body-file')
      const language = optionalChoice(values, 'language', LANGUAGES)
      const patch: BriefingPatch = {
        ...(optionalString(values, 'title') !== undefined ? { title: optionalString(values, 'title') } : {}),
        ...(language ? { language } : {}),
        ...(Object.keys(header).length ? { header } : {}),
        ...(bodyFile !== undefined ? { body: richTextFromPlain(await readTextFile(bodyFile, '--body-file')) } : {}),
      }
      if (!Object.keys(patch).length) throw new UsageError('nothing to change (casefile help briefing edit)')
      const b = await withWorkspace(async (s) =>
        s.briefings.update(await briefingCase(s, positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, b)
      io.out(`Updated briefing ${describe(b)}`)
    },
  },
  {
    name: 'briefing status',
    args: 'BRIEFING draft|final',
    positionals: 2,
    summary: 'Mark a briefing draft or final.',
    options: { ...CASE_HINT },
    examples: ['briefing status briefing_demo_memo final'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const status = choiceOf(positionals[1], BriefingStatus.options, 'the status')
      const b = await withWorkspace(async (s) =>
        s.briefings.update(await briefingCase(s, positionals[0], values), positionals[0], { status }),
      )
      if (json) return printJson(io, b)
      io.out(`Briefing ${describe(b)}`)
    },
  },
  {
    name: 'briefing duplicate',
    args: 'BRIEFING',
    positionals: 1,
    summary: 'Copy a briefing into a new draft of the same case. The copy is titled "… (copy)".',
    options: { ...CASE_HINT },
    examples: ['briefing duplicate briefing_demo_memo'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const b = await withWorkspace(async (s) =>
        s.briefings.duplicate(await briefingCase(s, positionals[0], values), positionals[0]),
      )
      if (json) return printJson(io, b)
      io.out(`Created briefing ${describe(b)}`)
    },
  },
  {
    name: 'briefing remove',
    args: 'BRIEFING',
    positionals: 1,
    summary: 'Delete a briefing. PDFs already exported stay where they were written.',
    options: { ...CASE_HINT },
    examples: ['briefing remove briefing_0123456789abcdef'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const id = positionals[0]
      const caseId = await withWorkspace(async (s) => {
        const c = await briefingCase(s, id, values)
        await s.briefings.remove(c, id)
        return c
      })
      if (json) return printJson(io, { removed: true, caseId, briefingId: id })
      io.out(`Removed briefing ${id} from case ${caseId}`)
    },
  },
]

import { t } from '../language'
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
  example,
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
/** The header's fields in memo order, each labelled in the command line's language. */
const HEADER_FIELDS: (keyof MemoHeader)[] = ['number', ...Object.values(HEADER)]

const describe = (b: Pick<Briefing, 'id' | 'title' | 'status' | 'template'>) =>
  `${b.id}: ${b.title} [${b.status}, ${b.template}]`

/** The briefing as text: memo header, then the body with each citation as [its label]. */
function printBriefing(b: Briefing, sources: CitationSources, io: CliIO) {
  io.out(`${b.title}`)
  io.out(
    t('cliDocs:idStatusTemplateLanguage', {
      id: b.id,
      status: b.status,
      template: b.template,
      language: b.language,
      updatedAt: b.updatedAt,
    }),
  )
  for (const k of HEADER_FIELDS) if (b.header[k]) io.out(`  ${t(`cliDocs:header.${k}`).padEnd(16)}${b.header[k]}`)
  io.out(
    t('cliDocs:exports', {
      value: b.exports.length ? b.exports.map((x) => `${x.at} ${x.file}`).join('; ') : t('cliDocs:noneYet'),
    }),
  )
  io.out('')
  const text = richTextToPlain(b.body, (node) => {
    if (node.type !== 'citation') return undefined
    const attrs = CitationAttrs.safeParse(node.attrs ?? {})
    return attrs.success ? `[${describeCitation(attrs.data, sources).label}]` : `[${t('cli:citation')}]`
  })
  for (const line of (text || t('cli:emptyText')).split('\n')) io.out(`  ${line}`)
}

export const briefingCommands: Command[] = [
  {
    name: 'briefing new',
    args: 'CASE',
    positionals: 1,
    summary: () => t('cliDocs:briefingNew.summary', { list: TEMPLATES_TEXT, default: BRIEFING_TEMPLATES[0] }),
    options: {
      template: {
        type: 'string',
        value: 'TEMPLATE',
        describe: () => t('cliDocs:opt.template', { list: TEMPLATES_TEXT }),
      },
      title: { type: 'string', value: 'TITLE', describe: 'cliDocs:briefingNew.opt.title' },
      language: {
        type: 'string',
        value: 'LANGUAGE',
        describe: () => t('cliDocs:opt.languageDefault', { list: LANGUAGES.join(', ') }),
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
      io.out(t('cliDocs:createdBriefing', { value: describe(b) }))
    },
  },
  {
    name: 'briefing list',
    args: 'CASE',
    positionals: 1,
    summary: 'cliDocs:briefingList.summary',
    examples: ['briefing list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const list = await withWorkspace(async (s) => s.briefings.list(await caseOf(s, positionals[0])), {
        readOnly: true,
      })
      if (json) return printJson(io, list)
      if (!list.length) return io.out(t('cliDocs:noBriefingsCaseYet'))
      table(
        [
          [t('cli:col.id'), t('cli:col.status'), t('cli:col.template'), t('cli:col.updated'), t('cli:col.title')],
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
    summary: 'cliDocs:briefingShow.summary',
    options: { ...CASE_HINT },
    examples: ['briefing show briefing_minister_note'],
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
    summary: 'cliDocs:briefingEdit.summary',
    options: {
      title: { type: 'string', value: 'TITLE', describe: 'cliDocs:briefingEdit.opt.title' },
      ...Object.fromEntries(
        Object.entries(HEADER).map(([o, field]) => [
          o,
          {
            type: 'string' as const,
            value: 'TEXT',
            describe: () => t('cliDocs:opt.headerLine', { line: t(`cliDocs:header.${field}`) }),
          },
        ]),
      ),
      language: {
        type: 'string',
        value: 'LANGUAGE',
        describe: () => t('cliDocs:opt.language', { list: LANGUAGES.join(', ') }),
      },
      'body-file': {
        type: 'string',
        value: 'FILE',
        describe: 'cliDocs:briefingEdit.opt.bodyFile',
      },
      ...CASE_HINT,
    },
    examples: [
      example`briefing edit briefing_minister_note --to ${'cliHelp:example.memoTo'} --from ${'cliHelp:example.memoFrom'}`,
    ],
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
      if (!Object.keys(patch).length) throw new UsageError(t('cliDocs:nothingChangeCasefileHelp2'))
      const b = await withWorkspace(async (s) =>
        s.briefings.update(await briefingCase(s, positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, b)
      io.out(t('cliDocs:updatedBriefing', { value: describe(b) }))
    },
  },
  {
    name: 'briefing status',
    args: 'BRIEFING draft|final',
    positionals: 2,
    summary: 'cliDocs:briefingStatus.summary',
    options: { ...CASE_HINT },
    examples: ['briefing status briefing_minister_note final'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const status = choiceOf(positionals[1], BriefingStatus.options, t('cli:what.status'))
      const b = await withWorkspace(async (s) =>
        s.briefings.update(await briefingCase(s, positionals[0], values), positionals[0], { status }),
      )
      if (json) return printJson(io, b)
      io.out(t('cliDocs:briefing', { value: describe(b) }))
    },
  },
  {
    name: 'briefing duplicate',
    args: 'BRIEFING',
    positionals: 1,
    summary: 'cliDocs:briefingDuplicate.summary',
    options: { ...CASE_HINT },
    examples: ['briefing duplicate briefing_minister_note'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const b = await withWorkspace(async (s) =>
        s.briefings.duplicate(await briefingCase(s, positionals[0], values), positionals[0]),
      )
      if (json) return printJson(io, b)
      io.out(t('cliDocs:createdBriefing', { value: describe(b) }))
    },
  },
  {
    name: 'briefing remove',
    args: 'BRIEFING',
    positionals: 1,
    summary: 'cliDocs:briefingRemove.summary',
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
      io.out(t('cliDocs:removedBriefingCase', { id, caseId }))
    },
  },
]

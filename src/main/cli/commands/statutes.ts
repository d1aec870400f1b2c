import { errorText, t } from '../language'
import { extname } from 'node:path'
import { citationLabel, type StatuteExcerpt, type StatutePatch } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import {
  type CliIO,
  type Command,
  CommandFailed,
  example,
  type Options,
  optionalChoice,
  optionalList,
  optionalString,
  printJson,
  readTextFile,
  table,
  UsageError,
  type Values,
} from '../framework'
import { caseOf } from '../lookup'

const STATUTE_FIELDS: Options = {
  'short-name': { type: 'string', value: 'ABBREVIATION', describe: 'cliDocs:STATUTE_FIELDS.opt.shortName' },
  year: { type: 'string', value: 'YEAR', describe: 'cliDocs:STATUTE_FIELDS.opt.year' },
  paragraph: { type: 'string', value: 'PARAGRAPH', describe: 'cliDocs:STATUTE_FIELDS.opt.paragraph' },
  heading: { type: 'string', value: 'HEADING', describe: 'cliDocs:STATUTE_FIELDS.opt.heading' },
  text: { type: 'string', value: 'TEXT', describe: 'cliDocs:STATUTE_FIELDS.opt.text' },
  'text-file': { type: 'string', value: 'FILE', describe: 'cliDocs:STATUTE_FIELDS.opt.textFile' },
  source: { type: 'string', value: 'SOURCE', describe: 'cliDocs:STATUTE_FIELDS.opt.source' },
  jurisdiction: { type: 'string', value: 'JURISDICTION', describe: 'cliDocs:STATUTE_FIELDS.opt.jurisdiction' },
  language: { type: 'string', value: 'LANGUAGE', describe: 'cliDocs:STATUTE_FIELDS.opt.language' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'cliDocs:STATUTE_FIELDS.opt.tag' },
}

async function statuteFields(values: Values): Promise<StatutePatch> {
  const yearText = optionalString(values, 'year')
  const year = yearText === undefined ? undefined : Number(yearText)
  if (year !== undefined && !(/^\d{4}$/.test(yearText!.trim()) && year >= 1000 && year <= 3000))
    throw new UsageError(t('cliDocs:yearMustFourDigit'))
  const inline = optionalString(values, 'text')
  const file = optionalString(values, 'text-file')
  if (inline !== undefined && file !== undefined) throw new UsageError(t('cliDocs:giveTextTextFile'))
  // The exact text matters (it is quoted in memos): read it as is, only dropping a BOM.
  const text = file !== undefined ? await readTextFile(file, '--text-file') : inline
  if (text !== undefined && !text.trim())
    throw new UsageError(
      t('cliDocs:excerptNeedsExactText', {
        value: file !== undefined ? t('cliDocs:textFileEmpty', { file }) : t('cliDocs:textEmpty'),
      }),
    )
  const patch: StatutePatch = {
    instrument: optionalString(values, 'instrument'),
    article: optionalString(values, 'article'),
    shortName: optionalString(values, 'short-name'),
    year,
    paragraph: optionalString(values, 'paragraph'),
    heading: optionalString(values, 'heading'),
    text,
    source: optionalString(values, 'source'),
    jurisdiction: optionalString(values, 'jurisdiction'),
    language: optionalString(values, 'language'),
    tags: optionalList(values, 'tag'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
}

const label = (e: StatuteExcerpt) => `${citationLabel(e)}${e.heading ? ` — ${e.heading}` : ''}`

function printStatute(e: StatuteExcerpt, io: CliIO) {
  io.out(`${label(e)}`)
  io.out(
    t('cliDocs:idInstrumentLanguage', {
      id: e.id,
      instrument: e.instrument,
      value: e.year ? ` (${e.year})` : '',
      language: e.language,
    }),
  )
  if (e.source) io.out(t('cliDocs:source', { source: e.source }))
  if (e.jurisdiction) io.out(t('cliDocs:jurisdiction', { jurisdiction: e.jurisdiction }))
  if (e.tags.length) io.out(t('cliDocs:tags', { tagList: e.tags.join(', ') }))
  io.out('')
  for (const line of e.text.split('\n')) io.out(`  ${line}`)
}

const CASE_REQUIRED = {
  case: { type: 'string', value: 'CASE', required: true, describe: 'cliDocs:CASE_REQUIRED.opt.case' },
} as const

export const statuteCommands: Command[] = [
  {
    name: 'statute add',
    summary: 'cliDocs:statuteAdd.summary',
    options: {
      instrument: {
        type: 'string',
        value: 'INSTRUMENT',
        required: true,
        describe: 'cliDocs:statuteAdd.opt.instrument',
      },
      article: { type: 'string', value: 'ARTICLE', required: true, describe: 'cliDocs:statuteAdd.opt.article' },
      ...STATUTE_FIELDS,
      case: { type: 'string', value: 'CASE', describe: 'cliDocs:statuteAdd.opt.case' },
    },
    examples: [
      example`statute add --instrument ${'cliHelp:example.instrument'} --short-name ${'cliHelp:example.shortName'} --year 1963 --article 31 --paragraph 2 --text-file ${'cliHelp:example.articleFile'} --case ECU-USA-2026-001`,
    ],
    async run({ withWorkspace, io, json, values }) {
      const fields = await statuteFields(values)
      if (fields.text === undefined) throw new UsageError(t('cliDocs:textFileTextRequired'))
      const caseRef = optionalString(values, 'case')
      const excerpt = await withWorkspace(async (s) => {
        const caseId = caseRef ? await caseOf(s, caseRef) : undefined
        const { year, ...rest } = fields
        const added = await s.statutes.add(
          {
            ...rest,
            ...(year != null ? { year } : {}),
            instrument: fields.instrument!,
            article: fields.article!,
            text: fields.text!,
          },
          { caseId },
        )
        return { ...added, linkedTo: caseId ?? null }
      })
      if (json) return printJson(io, excerpt)
      io.out(t('cliDocs:addedStatuteExcerpt', { id: excerpt.id, label: label(excerpt) }))
      if (excerpt.linkedTo) io.out(t('cliDocs:linkedCase', { linkedTo: excerpt.linkedTo }))
    },
  },
  {
    name: 'statute list',
    summary: 'cliDocs:statuteList.summary',
    options: {
      case: { type: 'string', value: 'CASE', describe: 'cliDocs:statuteList.opt.case' },
      query: { type: 'string', value: 'WORDS', describe: 'cliDocs:statuteList.opt.query' },
      tag: { type: 'string', value: 'TAG', describe: 'cliDocs:statuteList.opt.tag' },
    },
    examples: ['statute list', 'statute list --case ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, values }) {
      const caseRef = optionalString(values, 'case')
      const list = await withWorkspace(
        async (s) =>
          s.statutes.list({
            caseId: caseRef ? await caseOf(s, caseRef) : undefined,
            query: optionalString(values, 'query'),
            tag: optionalString(values, 'tag'),
          }),
        { readOnly: true },
      )
      if (json) return printJson(io, list)
      if (!list.length) return io.out(t('cliDocs:noStatuteExcerptsHere'))
      table(
        [
          [t('cli:col.id'), t('cli:col.citation'), t('cli:col.instrument')],
          ...list.map((e) => [e.id, label(e), e.instrument]),
        ],
        io,
      )
    },
  },
  {
    name: 'statute show',
    args: 'STATUTE',
    positionals: 1,
    summary: 'cliDocs:statuteShow.summary',
    examples: ['statute show statute_vccr_31'],
    async run({ withWorkspace, io, json, positionals }) {
      const { excerpt, usage } = await withWorkspace(
        async (s) => ({ excerpt: await s.statutes.get(positionals[0]), usage: await s.statutes.usage(positionals[0]) }),
        { readOnly: true },
      )
      if (json) return printJson(io, { ...excerpt, usage })
      printStatute(excerpt, io)
      io.out('')
      io.out(t('cliDocs:linked', { value: usage.caseIds.join(', ') || t('cliDocs:noCase') }))
      io.out(
        t('cliDocs:cited', {
          value: usage.briefings.map((b) => `"${b.title}" (${b.briefingId})`).join(', ') || t('cliDocs:noBriefing'),
        }),
      )
    },
  },
  {
    name: 'statute edit',
    args: 'STATUTE',
    positionals: 1,
    summary: 'cliDocs:statuteEdit.summary',
    options: {
      instrument: { type: 'string', value: 'INSTRUMENT', describe: 'cliDocs:statuteEdit.opt.instrument' },
      article: { type: 'string', value: 'ARTICLE', describe: 'cliDocs:statuteEdit.opt.article' },
      ...STATUTE_FIELDS,
    },
    examples: [example`statute edit statute_vccr_31 --heading ${'cliHelp:example.heading'}`],
    async run({ withWorkspace, io, json, values, positionals }) {
      const clearYear = optionalString(values, 'year')?.trim().toLowerCase() === 'none'
      const patch = await statuteFields(clearYear ? { ...values, year: undefined } : values)
      if (clearYear) patch.year = null
      if (!Object.keys(patch).length) throw new UsageError(t('cliDocs:nothingChangeCasefileHelp'))
      const e = await withWorkspace((s) => s.statutes.update(positionals[0], patch))
      if (json) return printJson(io, e)
      io.out(t('cliDocs:updatedStatuteExcerpt', { id: e.id, label: label(e) }))
    },
  },
  {
    name: 'statute remove',
    args: 'STATUTE',
    positionals: 1,
    summary: 'cliDocs:statuteRemove.summary',
    options: { force: { type: 'boolean', describe: 'cliDocs:statuteRemove.opt.force' } },
    examples: ['statute remove statute_0123456789abcdef'],
    async run({ withWorkspace, io, json, values, positionals }) {
      // To the trash, as the window does: `trash restore` puts it back, linked again.
      const { entry, unlinkedFrom: caseIds } = await withWorkspace((s) =>
        s.trashBin.removeStatute(positionals[0], { force: !!values.force }),
      ).catch((e: unknown) => {
        const inUse = e instanceof AppError && e.code === 'CONFLICT' && !!(e.details as { caseIds?: unknown })?.caseIds
        if (!inUse || values.force) throw e
        // The service says "remove it anyway"; here that is an option to name.
        throw new AppError(
          'CONFLICT',
          t('cliDocs:statuteRemoveForce', { reason: errorText(e), statute: positionals[0] }),
        )
      })
      if (json) return printJson(io, { removed: true, statuteId: positionals[0], unlinkedFrom: caseIds, entry })
      io.out(
        t('cliDocs:removedStatuteExcerpt', {
          positionals: positionals[0],
          entryId: entry.id,
          value: caseIds.length ? t('cliDocs:unlinkedFrom', { list: caseIds.join(', ') }) : '',
        }),
      )
    },
  },
  {
    name: 'statute link',
    args: 'STATUTE',
    positionals: 1,
    summary: 'cliDocs:statuteLink.summary',
    options: CASE_REQUIRED,
    examples: ['statute link statute_vccr_31 --case ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const caseId = await withWorkspace(async (s) => {
        const c = await caseOf(s, String(values.case))
        await s.statutes.link(c, positionals[0])
        return c
      })
      if (json) return printJson(io, { linked: true, caseId, statuteId: positionals[0] })
      io.out(t('cliDocs:linkedStatuteExcerptCase', { positionals: positionals[0], caseId }))
    },
  },
  {
    name: 'statute unlink',
    args: 'STATUTE',
    positionals: 1,
    summary: 'cliDocs:statuteUnlink.summary',
    options: CASE_REQUIRED,
    examples: ['statute unlink statute_vccr_31 --case ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const caseId = await withWorkspace(async (s) => {
        const c = await caseOf(s, String(values.case))
        await s.statutes.unlink(c, positionals[0])
        return c
      })
      if (json) return printJson(io, { unlinked: true, caseId, statuteId: positionals[0] })
      io.out(t('cliDocs:unlinkedStatuteExcerptCase', { positionals: positionals[0], caseId }))
    },
  },
  {
    name: 'statute import',
    args: 'FILE',
    positionals: 1,
    summary: 'cliDocs:statuteImport.summary',
    options: {
      format: { type: 'string', value: 'FORMAT', describe: 'cliDocs:statuteImport.opt.format' },
      case: {
        type: 'string',
        value: 'CASE',
        describe: 'cliDocs:statuteImport.opt.case',
      },
      'dry-run': { type: 'boolean', describe: 'cliDocs:statuteImport.opt.dryRun' },
    },
    examples: [example`statute import ${'cliHelp:example.importFile'} --case ECU-USA-2026-001`],
    async run({ withWorkspace, io, json, values, positionals }) {
      const file = positionals[0]
      const format =
        optionalChoice(values, 'format', ['json', 'text'] as const) ??
        (extname(file).toLowerCase() === '.json' ? 'json' : 'text')
      const content = await readTextFile(file, t('cliDocs:theFile'))
      const caseRef = optionalString(values, 'case')
      const dryRun = !!values['dry-run']
      const outcome = await withWorkspace(
        async (s) =>
          s.statutes.import({
            format,
            content,
            dryRun,
            linkToCaseId: caseRef ? await caseOf(s, caseRef) : undefined,
          }),
        { readOnly: dryRun },
      )
      if (json) printJson(io, outcome)
      else {
        if (dryRun)
          io.out(t('cliDocs:wouldImportExcerptDry', { value: outcome.parsed.length - outcome.duplicates.length }))
        else io.out(t('cliDocs:importedExcerpt', { addedCount: outcome.added.length }))
        for (const e of outcome.added) io.out(`  + ${e.id}  ${label(e)}`)
        for (const d of outcome.duplicates)
          io.out(t('cliDocs:rowAlreadyLibrary', { row: d.row, label: d.label, existingId: d.existingId }))
        for (const p of outcome.problems) io.out(`  ! ${p.row ? t('cliDocs:row', { row: p.row }) : ''}${errorText(p)}`)
      }
      if (outcome.problems.length)
        throw new CommandFailed(t('cliDocs:rowCouldImported', { problemCount: outcome.problems.length, file }))
    },
  },
]

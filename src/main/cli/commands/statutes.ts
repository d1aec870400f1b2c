import { extname } from 'node:path'
import { citationLabel, type StatuteExcerpt, type StatutePatch } from '@shared/domain'
import {
  type CliIO,
  type Command,
  CommandFailed,
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
  'short-name': { type: 'string', value: 'S', describe: 'the short form used in citations, e.g. VCCR' },
  year: { type: 'string', value: 'Y', describe: 'the year of the instrument' },
  paragraph: { type: 'string', value: 'P', describe: 'the paragraph pinpoint: 2, or 2(a)' },
  heading: { type: 'string', value: 'H', describe: "the article's heading" },
  text: { type: 'string', value: 'TEXT', describe: 'the exact text (for a short excerpt)' },
  'text-file': { type: 'string', value: 'F', describe: 'read the exact text from a UTF-8 file' },
  source: { type: 'string', value: 'S', describe: 'where the text comes from (URL or publication)' },
  jurisdiction: { type: 'string', value: 'J', describe: 'e.g. International' },
  language: { type: 'string', value: 'L', describe: 'the language of the text (default en)' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'a tag' },
}

async function statuteFields(values: Values): Promise<StatutePatch> {
  const yearText = optionalString(values, 'year')
  const year = yearText === undefined ? undefined : Number(yearText)
  if (year !== undefined && !(/^\d{4}$/.test(yearText!.trim()) && year >= 1000 && year <= 3000))
    throw new UsageError('--year must be a four-digit year')
  const inline = optionalString(values, 'text')
  const file = optionalString(values, 'text-file')
  if (inline !== undefined && file !== undefined) throw new UsageError('give --text or --text-file, not both')
  // The exact text matters (it is quoted in memos): read it as is, only dropping a BOM.
  const text = file !== undefined ? await readTextFile(file, '--text-file') : inline
  if (text !== undefined && !text.trim())
    throw new UsageError(
      `${file !== undefined ? `--text-file ${file} is empty` : '--text is empty'}; an excerpt needs its exact text`,
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
  io.out(`  Id: ${e.id}   Instrument: ${e.instrument}${e.year ? ` (${e.year})` : ''}   Language: ${e.language}`)
  if (e.source) io.out(`  Source: ${e.source}`)
  if (e.jurisdiction) io.out(`  Jurisdiction: ${e.jurisdiction}`)
  if (e.tags.length) io.out(`  Tags: ${e.tags.join(', ')}`)
  io.out('')
  for (const line of e.text.split('\n')) io.out(`  ${line}`)
}

const CASE_REQUIRED = { case: { type: 'string', value: 'CASE', required: true, describe: 'the case' } } as const

export const statuteCommands: Command[] = [
  {
    name: 'statute add',
    summary:
      'Add a statute excerpt to the workspace library with its exact text (--text-file F, or --text for a short one), and link it to CASE when given.',
    options: {
      instrument: {
        type: 'string',
        value: 'I',
        required: true,
        describe: 'the instrument, e.g. Vienna Convention on Consular Relations',
      },
      article: { type: 'string', value: 'A', required: true, describe: 'the article, e.g. 31' },
      ...STATUTE_FIELDS,
      case: { type: 'string', value: 'CASE', describe: 'link the excerpt to this case' },
    },
    examples: [
      'statute add --instrument "Vienna Convention on Consular Relations" --short-name VCCR --year 1963 --article 31 --paragraph 2 --text-file art31-2.txt --case ECU-USA-2026-001',
    ],
    async run({ withWorkspace, io, json, values }) {
      const fields = await statuteFields(values)
      if (fields.text === undefined) throw new UsageError('--text-file F (or --text) is required: the exact text')
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
      io.out(`Added statute excerpt ${excerpt.id}: ${label(excerpt)}`)
      if (excerpt.linkedTo) io.out(`  Linked to case ${excerpt.linkedTo}`)
    },
  },
  {
    name: 'statute list',
    summary: 'List the excerpts of the library (or those linked to --case), by citation.',
    options: {
      case: { type: 'string', value: 'CASE', describe: 'only those linked to this case' },
      query: { type: 'string', value: 'WORDS', describe: 'only those containing every word' },
      tag: { type: 'string', value: 'TAG', describe: 'only those with this tag' },
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
      if (!list.length) return io.out('No statute excerpts here yet (casefile statute add …, or statute import FILE).')
      table([['ID', 'CITATION', 'INSTRUMENT'], ...list.map((e) => [e.id, label(e), e.instrument])], io)
    },
  },
  {
    name: 'statute show',
    args: 'STATUTE',
    positionals: 1,
    summary: 'Print one excerpt whole, with the cases that link it and the briefings that cite it.',
    examples: ['statute show statute_vccr_31'],
    async run({ withWorkspace, io, json, positionals }) {
      const { excerpt, usage } = await withWorkspace(
        async (s) => ({ excerpt: await s.statutes.get(positionals[0]), usage: await s.statutes.usage(positionals[0]) }),
        { readOnly: true },
      )
      if (json) return printJson(io, { ...excerpt, usage })
      printStatute(excerpt, io)
      io.out('')
      io.out(`  Linked to: ${usage.caseIds.join(', ') || 'no case'}`)
      io.out(`  Cited in: ${usage.briefings.map((b) => `"${b.title}" (${b.briefingId})`).join(', ') || 'no briefing'}`)
    },
  },
  {
    name: 'statute edit',
    args: 'STATUTE',
    positionals: 1,
    summary: 'Change an excerpt in the library: only the fields given change (--year none clears the year).',
    options: {
      instrument: { type: 'string', value: 'I', describe: 'the instrument' },
      article: { type: 'string', value: 'A', describe: 'the article' },
      ...STATUTE_FIELDS,
    },
    examples: ['statute edit statute_vccr_31 --heading "Inviolability of the consular premises"'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const clearYear = optionalString(values, 'year')?.trim().toLowerCase() === 'none'
      const patch = await statuteFields(clearYear ? { ...values, year: undefined } : values)
      if (clearYear) patch.year = null
      if (!Object.keys(patch).length) throw new UsageError('nothing to change (casefile help statute edit)')
      const e = await withWorkspace((s) => s.statutes.update(positionals[0], patch))
      if (json) return printJson(io, e)
      io.out(`Updated statute excerpt ${e.id}: ${label(e)}`)
    },
  },
  {
    name: 'statute remove',
    args: 'STATUTE',
    positionals: 1,
    summary:
      'Remove an excerpt from the library. Refused while a case links it or a briefing cites it; --force unlinks it everywhere first (citations then show as missing).',
    options: { force: { type: 'boolean', describe: 'remove even when linked or cited' } },
    examples: ['statute remove statute_0123456789abcdef'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const usage = await withWorkspace((s) => s.statutes.remove(positionals[0], { force: !!values.force }))
      if (json) return printJson(io, { removed: true, statuteId: positionals[0], unlinkedFrom: usage.caseIds })
      io.out(
        `Removed statute excerpt ${positionals[0]}${usage.caseIds.length ? ` (unlinked from ${usage.caseIds.join(', ')})` : ''}`,
      )
    },
  },
  {
    name: 'statute link',
    args: 'STATUTE',
    positionals: 1,
    summary: 'Link a library excerpt to a case: its memo quotes it in the statute annex.',
    options: CASE_REQUIRED,
    examples: ['statute link statute_vccr_31 --case ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const caseId = await withWorkspace(async (s) => {
        const c = await caseOf(s, String(values.case))
        await s.statutes.link(c, positionals[0])
        return c
      })
      if (json) return printJson(io, { linked: true, caseId, statuteId: positionals[0] })
      io.out(`Linked statute excerpt ${positionals[0]} to case ${caseId}`)
    },
  },
  {
    name: 'statute unlink',
    args: 'STATUTE',
    positionals: 1,
    summary: 'Unlink an excerpt from a case; it stays in the library.',
    options: CASE_REQUIRED,
    examples: ['statute unlink statute_vccr_31 --case ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const caseId = await withWorkspace(async (s) => {
        const c = await caseOf(s, String(values.case))
        await s.statutes.unlink(c, positionals[0])
        return c
      })
      if (json) return printJson(io, { unlinked: true, caseId, statuteId: positionals[0] })
      io.out(`Unlinked statute excerpt ${positionals[0]} from case ${caseId}`)
    },
  },
  {
    name: 'statute import',
    args: 'FILE',
    positionals: 1,
    summary:
      'Import excerpts in bulk from a JSON or text file. JSON: an array of excerpts. Text: an "Instrument:" line, then "Art. 31(2) — Heading" lines, each followed by its text. Rows already in the library are skipped; exit 1 when a row could not be read.',
    options: {
      format: { type: 'string', value: 'F', describe: 'json or text (default: json for a .json file, else text)' },
      case: {
        type: 'string',
        value: 'CASE',
        describe: 'link every imported (or already present) excerpt to this case',
      },
      'dry-run': { type: 'boolean', describe: 'report what would be imported; change nothing' },
    },
    examples: ['statute import vccr.txt --case ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const file = positionals[0]
      const format =
        optionalChoice(values, 'format', ['json', 'text'] as const) ??
        (extname(file).toLowerCase() === '.json' ? 'json' : 'text')
      const content = await readTextFile(file, 'the file')
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
        if (dryRun) io.out(`Would import ${outcome.parsed.length - outcome.duplicates.length} excerpt(s) (dry run).`)
        else io.out(`Imported ${outcome.added.length} excerpt(s).`)
        for (const e of outcome.added) io.out(`  + ${e.id}  ${label(e)}`)
        for (const d of outcome.duplicates)
          io.out(`  = row ${d.row}: ${d.label} is already in the library (${d.existingId})`)
        for (const p of outcome.problems) io.out(`  ! ${p.row ? `row ${p.row}: ` : ''}${p.message}`)
      }
      if (outcome.problems.length)
        throw new CommandFailed(`${outcome.problems.length} row(s) of ${file} could not be imported`)
    },
  },
]

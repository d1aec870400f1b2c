import { citationLabel } from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { readTextFile } from '@main/storage/safeRead'
import { type Command, optionalString, requireString, UsageError } from '../framework'

export const statuteCommands: Command[] = [
  {
    name: 'statute add',
    usage:
      'statute add --instrument I --article A --text-file F [--source S] [--case CASE] [--short-name S] [--year Y] [--paragraph P] [--heading H] [--workspace DIR] [--json]',
    summary:
      'Add a statute excerpt to the workspace library, its exact text read from F (UTF-8), and link it to CASE when given.',
    options: {
      instrument: { type: 'string' },
      article: { type: 'string' },
      'text-file': { type: 'string' },
      source: { type: 'string' },
      case: { type: 'string' },
      'short-name': { type: 'string' },
      year: { type: 'string' },
      paragraph: { type: 'string' },
      heading: { type: 'string' },
    },
    async run({ withWorkspace, io, json, values }) {
      const instrument = requireString(values, 'instrument')
      const article = requireString(values, 'article')
      const textFile = requireString(values, 'text-file')
      const yearText = optionalString(values, 'year')
      const year = yearText === undefined ? undefined : Number(yearText)
      if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 3000))
        throw new UsageError('--year must be a four-digit year')
      // The exact text matters (it is quoted in memos): strict UTF-8, a regular file, no binary data;
      // read as is but for a BOM.
      const text = await readTextFile(textFile, '--text-file')
      if (!text.trim())
        throw new AppError('VALIDATION', `--text-file ${textFile} is empty; an excerpt needs its exact text`)
      const caseRef = optionalString(values, 'case')
      const excerpt = await withWorkspace(async (s) => {
        const caseId = caseRef ? await s.cases.resolve(caseRef) : undefined
        const added = await s.statutes.add(
          {
            instrument,
            article,
            text,
            year,
            source: optionalString(values, 'source'),
            shortName: optionalString(values, 'short-name'),
            paragraph: optionalString(values, 'paragraph'),
            heading: optionalString(values, 'heading'),
          },
          { caseId },
        )
        return { ...added, linkedTo: caseId ?? null }
      })
      if (json) return io.out(JSON.stringify(excerpt, null, 2))
      io.out(
        `Added statute excerpt ${excerpt.id}: ${citationLabel(excerpt)}${excerpt.heading ? ` — ${excerpt.heading}` : ''}`,
      )
      if (excerpt.linkedTo) io.out(`  Linked to case ${excerpt.linkedTo}`)
    },
  },
]

import { SEARCH_KINDS, type SearchFilters, type SearchKind } from '@shared/domain'
import { type Command, optionalString, table, UsageError } from '../framework'

export const searchCommands: Command[] = [
  {
    name: 'search',
    args: 'QUERY',
    summary:
      'Full-text search over cases, actors, events, evidence, annotations, notes, briefings and statute excerpts. ' +
      'Accent- and case-insensitive, prefix and typo tolerant. No hit prints nothing (or [] with --json) and exits 0.',
    positionals: 1,
    options: {
      case: { type: 'string', value: 'CASE', describe: 'only in this case' },
      kind: { type: 'string', value: 'KIND', describe: `only hits of one kind: ${SEARCH_KINDS.join(', ')}` },
      limit: { type: 'string', value: 'N', describe: 'at most N hits, 1 to 1000 (default 50)' },
    },
    examples: ['search "consular premises"', 'search inviolab --kind statute --json'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const kind = optionalString(values, 'kind')
      if (kind && !(SEARCH_KINDS as readonly string[]).includes(kind))
        throw new UsageError(`--kind must be one of ${SEARCH_KINDS.join(', ')}`)
      const limit = Number(optionalString(values, 'limit') ?? 50)
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit must be a whole number from 1 to 1000')
      const result = await withWorkspace(
        async (s) => {
          const caseRef = optionalString(values, 'case')
          const filters: SearchFilters = {}
          if (caseRef) filters.caseId = await s.cases.resolve(caseRef)
          if (kind) filters.kinds = [kind as SearchKind]
          return s.search.query({ query: positionals[0], filters, limit })
        },
        { readOnly: true },
      )
      if (json) return io.out(JSON.stringify(result.hits, null, 2))
      if (!result.hits.length) return
      table(
        [
          ['KIND', 'CASE', 'ID', 'MATCH'],
          ...result.hits.map((h) => [
            h.kind,
            h.caseReference || '—',
            h.id,
            `${h.title.text}: ${h.snippet.text}`.slice(0, 140),
          ]),
        ],
        io,
      )
      io.err(`${result.hits.length} of ${result.total} hit(s) in ${result.tookMs} ms`)
    },
  },
]

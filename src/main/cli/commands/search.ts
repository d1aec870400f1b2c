import { t } from '../language'
import { SEARCH_KINDS, type SearchFilters, type SearchKind } from '@shared/domain'
import { type Command, example, optionalString, table, UsageError } from '../framework'

export const searchCommands: Command[] = [
  {
    name: 'search',
    args: 'QUERY',
    summary: 'cli:search.summary',
    positionals: 1,
    options: {
      case: { type: 'string', value: 'CASE', describe: 'cli:search.opt.case' },
      kind: {
        type: 'string',
        value: 'KIND',
        describe: () => t('cli:search.opt.kind', { list: SEARCH_KINDS.join(', ') }),
      },
      limit: { type: 'string', value: 'N', describe: 'cli:search.opt.limit' },
    },
    examples: [
      example`search ${'cliHelp:example.searchWords'}`,
      example`search ${'cliHelp:example.searchPrefix'} --kind statute --json`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const kind = optionalString(values, 'kind')
      if (kind && !(SEARCH_KINDS as readonly string[]).includes(kind))
        throw new UsageError(t('cli:kindMustOne', { SEARCH_KINDSList: SEARCH_KINDS.join(', ') }))
      const limit = Number(optionalString(values, 'limit') ?? 50)
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(t('cli:limitMustWholeNumber'))
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
          [t('cli:col.kind'), t('cli:col.case'), t('cli:col.id'), t('cli:col.match')],
          ...result.hits.map((h) => [
            h.kind,
            h.caseReference || '—',
            h.id,
            `${h.title.text}: ${h.snippet.text}`.slice(0, 140),
          ]),
        ],
        io,
      )
      io.err(t('cli:hitMs', { hitCount: result.hits.length, total: result.total, tookMs: result.tookMs }))
    },
  },
]

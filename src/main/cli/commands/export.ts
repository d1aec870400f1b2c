import { type Command, optionalString, requireString, UsageError } from '../framework'

export const exportCommands: Command[] = [
  {
    name: 'export',
    args: 'CASE',
    usage: 'export CASE [--briefing ID] --out FILE.pdf [--deterministic] [--draft] [--workspace DIR] [--json]',
    summary:
      'Export a briefing of the case (the most recently changed one unless --briefing) as the PDF memo. --deterministic fixes dates and ids so equal input gives identical bytes; --draft adds a DRAFT watermark.',
    positionals: 1,
    options: {
      briefing: { type: 'string' },
      out: { type: 'string' },
      deterministic: { type: 'boolean', default: false },
      draft: { type: 'boolean', default: false },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      if (!/\.pdf$/i.test(outPath)) throw new UsageError('--out must name a .pdf file')
      const result = await withWorkspace(async (s) =>
        s.exports.toFile({
          caseId: await s.cases.resolve(positionals[0]),
          briefingId: optionalString(values, 'briefing'),
          outPath,
          draft: !!values.draft,
          deterministic: !!values.deterministic,
        }),
      )
      if (json) return io.out(JSON.stringify(result, null, 2))
      io.out(`Wrote ${result.path} (${result.pages} pages, ${result.bytes} bytes)`)
      io.out(`  SHA-256 ${result.sha256}`)
    },
  },
]

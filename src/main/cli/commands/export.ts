import { type Command, optionalString, requireString, UsageError } from '../framework'

export const exportCommands: Command[] = [
  {
    name: 'export',
    usage:
      'export CASE [--briefing ID] --out FILE.pdf|FILE.docx [--format pdf|docx] [--final] [--release] [--deterministic] [--draft] [--workspace DIR] [--json]',
    summary:
      'Export a briefing of the case (the most recently changed one unless --briefing; a case with none gets a memo drafted from the case file) as the PDF memo or, with .docx, a Word document for clearance. A draft always carries the DRAFT mark; --final refuses a draft; --draft marks a final one too. --release writes a release copy: redacted passages and whatever is flagged not for release are left out of the file. --deterministic fixes dates and ids so equal input gives identical bytes (PDF).',
    positionals: 1,
    options: {
      briefing: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      final: { type: 'boolean', default: false },
      release: { type: 'boolean', default: false },
      deterministic: { type: 'boolean', default: false },
      draft: { type: 'boolean', default: false },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      const format = optionalString(values, 'format') ?? (/\.docx$/i.test(outPath) ? 'docx' : 'pdf')
      if (format !== 'pdf' && format !== 'docx') throw new UsageError('--format must be pdf or docx')
      if (!new RegExp(`\\.${format}$`, 'i').test(outPath)) throw new UsageError(`--out must name a .${format} file`)
      const result = await withWorkspace(async (s) =>
        s.exports.toFile({
          caseId: await s.cases.resolve(positionals[0]),
          briefingId: optionalString(values, 'briefing'),
          outPath,
          format,
          final: !!values.final,
          release: !!values.release,
          draft: !!values.draft,
          deterministic: !!values.deterministic,
        }),
      )
      if (json) return io.out(JSON.stringify(result, null, 2))
      if (result.drafted)
        io.out(`The case had no briefing: drafted "${result.drafted.title}" (${result.drafted.id}) from the case file.`)
      io.out(`Wrote ${result.path} (${format === 'pdf' ? `${result.pages} pages, ` : ''}${result.bytes} bytes)`)
      io.out(`  SHA-256 ${result.sha256}`)
      if (result.numbered) io.out(`  Memo number ${result.numbered}`)
    },
  },
]

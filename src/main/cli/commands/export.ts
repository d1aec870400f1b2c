import { type Command, optionalString, printJson, requireString, UsageError } from '../framework'
import { caseOf } from '../lookup'

export const exportCommands: Command[] = [
  {
    name: 'export',
    args: 'CASE',
    positionals: 1,
    summary:
      'Export a briefing of the case as the PDF memo: the most recently changed one unless --briefing; a case with none gets one drafted from the case file (and is told so). A draft always carries the DRAFT watermark; a final memo gets its number at its first export.',
    options: {
      out: { type: 'string', value: 'FILE.pdf', required: true, describe: 'where to write the memo' },
      briefing: { type: 'string', value: 'ID', describe: 'the briefing to export' },
      final: { type: 'boolean', default: false, describe: 'refuse unless the briefing is final' },
      draft: { type: 'boolean', default: false, describe: 'add the DRAFT watermark to a final briefing too' },
      deterministic: {
        type: 'boolean',
        default: false,
        describe: 'fixed dates and ids: equal input gives identical bytes',
      },
    },
    examples: [
      'export ECU-USA-2026-001 --out memo.pdf',
      'export ECU-USA-2026-001 --briefing briefing_minister_note --final --out memo.pdf',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      if (!/\.pdf$/i.test(outPath)) throw new UsageError('--out must name a .pdf file')
      if (values.final && values.draft) throw new UsageError('--final and --draft contradict each other')
      const result = await withWorkspace(async (s) =>
        s.exports.toFile({
          caseId: await caseOf(s, positionals[0]),
          briefingId: optionalString(values, 'briefing'),
          outPath,
          final: !!values.final,
          draft: !!values.draft,
          deterministic: !!values.deterministic,
        }),
      )
      if (json) return printJson(io, result)
      if (result.drafted)
        io.out(`The case had no briefing: drafted "${result.drafted.title}" (${result.drafted.id}) from the case file.`)
      if (result.numbered) io.out(`Memo number ${result.numbered} given.`)
      io.out(`Wrote ${result.path} (${result.pages} pages, ${result.bytes} bytes)`)
      io.out(`  SHA-256 ${result.sha256}`)
    },
  },
]

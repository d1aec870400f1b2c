import { type Command, optionalChoice, optionalString, printJson, requireString, UsageError } from '../framework'
import { caseOf } from '../lookup'

const FORMATS = ['pdf', 'docx'] as const

export const exportCommands: Command[] = [
  {
    name: 'export',
    args: 'CASE',
    positionals: 1,
    summary:
      'Export a briefing of the case as the PDF memo or, with .docx, a Word document for clearance: the most recently changed one unless --briefing; a case with none gets one drafted from the case file (and is told so). A draft always carries the DRAFT mark; a final memo gets its number at its first export. --release writes a release copy: redacted passages and whatever is flagged not for release are left out of the file itself.',
    options: {
      out: { type: 'string', value: 'FILE.pdf', required: true, describe: 'where to write the memo (.pdf or .docx)' },
      format: { type: 'string', value: 'F', describe: 'pdf or docx (default: from the --out name)' },
      briefing: { type: 'string', value: 'ID', describe: 'the briefing to export' },
      final: { type: 'boolean', default: false, describe: 'refuse unless the briefing is final' },
      draft: { type: 'boolean', default: false, describe: 'add the DRAFT mark to a final briefing too' },
      release: {
        type: 'boolean',
        default: false,
        describe: 'a release copy: redacted and not-for-release material removed, metadata stripped',
      },
      deterministic: {
        type: 'boolean',
        default: false,
        describe: 'fixed dates and ids: equal input gives identical bytes (PDF)',
      },
    },
    examples: [
      'export ECU-USA-2026-001 --out memo.pdf',
      'export ECU-USA-2026-001 --briefing briefing_minister_note --final --out memo.pdf',
      'export ECU-USA-2026-001 --out for-clearance.docx',
      'export ECU-USA-2026-001 --release --out release-copy.pdf',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      const format = optionalChoice(values, 'format', FORMATS) ?? (/\.docx$/i.test(outPath) ? 'docx' : 'pdf')
      if (!new RegExp(`\\.${format}$`, 'i').test(outPath)) throw new UsageError(`--out must name a .${format} file`)
      if (values.final && values.draft) throw new UsageError('--final and --draft contradict each other')
      const result = await withWorkspace(async (s) =>
        s.exports.toFile({
          caseId: await caseOf(s, positionals[0]),
          briefingId: optionalString(values, 'briefing'),
          outPath,
          format,
          final: !!values.final,
          release: !!values.release,
          draft: !!values.draft,
          deterministic: !!values.deterministic,
        }),
      )
      if (json) return printJson(io, result)
      if (result.drafted)
        io.out(`The case had no briefing: drafted "${result.drafted.title}" (${result.drafted.id}) from the case file.`)
      io.out(`Wrote ${result.path} (${format === 'pdf' ? `${result.pages} pages, ` : ''}${result.bytes} bytes)`)
      io.out(`  SHA-256 ${result.sha256}`)
      if (result.numbered) io.out(`  Memo number ${result.numbered}`)
      for (const w of result.warnings ?? []) io.err(`casefile: warning: ${w}`)
    },
  },
]

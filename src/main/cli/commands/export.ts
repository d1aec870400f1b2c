import { t } from '../language'
import { inlineDeep } from '../printable'
import {
  type Command,
  example,
  optionalChoice,
  optionalString,
  printJson,
  requireString,
  UsageError,
} from '../framework'
import { caseOf } from '../lookup'

const FORMATS = ['pdf', 'docx'] as const

export const exportCommands: Command[] = [
  {
    name: 'export',
    args: 'CASE',
    positionals: 1,
    summary: 'cli:export.summary',
    options: {
      out: { type: 'string', value: 'FILE.pdf', required: true, describe: 'cli:export.opt.out' },
      format: { type: 'string', value: 'FORMAT', describe: 'cli:export.opt.format' },
      briefing: { type: 'string', value: 'ID', describe: 'cli:export.opt.briefing' },
      final: { type: 'boolean', default: false, describe: 'cli:export.opt.final' },
      draft: { type: 'boolean', default: false, describe: 'cli:export.opt.draft' },
      release: {
        type: 'boolean',
        default: false,
        describe: 'cli:export.opt.release',
      },
      deterministic: {
        type: 'boolean',
        default: false,
        describe: 'cli:export.opt.deterministic',
      },
    },
    examples: [
      example`export ECU-USA-2026-001 --out ${'cliHelp:example.memoFile'}`,
      example`export ECU-USA-2026-001 --briefing briefing_minister_note --final --out ${'cliHelp:example.memoFile'}`,
      example`export ECU-USA-2026-001 --out ${'cliHelp:example.clearanceFile'}`,
      example`export ECU-USA-2026-001 --release --out ${'cliHelp:example.releaseFile'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const outPath = requireString(values, 'out')
      const format = optionalChoice(values, 'format', FORMATS) ?? (/\.docx$/i.test(outPath) ? 'docx' : 'pdf')
      if (!new RegExp(`\\.${format}$`, 'i').test(outPath)) throw new UsageError(t('cli:outMustNameFile', { format }))
      if (values.final && values.draft) throw new UsageError(t('cli:finalDraftContradictEach'))
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
      // The path and titles are the person's own text: a newline in them prints no line of its own.
      const shown = inlineDeep(result)
      if (shown.drafted) io.out(t('cli:caseHadNoBriefing', { title: shown.drafted.title, id: shown.drafted.id }))
      io.out(
        t('cli:wroteBytes', {
          path: shown.path,
          value: format === 'pdf' ? t('cli:pages', { pages: result.pages }) : '',
          bytes: result.bytes,
        }),
      )
      io.out(t('cli:sha', { sha256: result.sha256 }))
      if (result.numbered) io.out(t('cli:memoNumber', { numbered: result.numbered }))
      for (const w of result.warnings ?? []) io.err(t('cli:casefileWarning2', { w }))
    },
  },
]

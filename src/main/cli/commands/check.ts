import { errorText, t } from '../language'
import type { WorkspaceProblem } from '@shared/domain'
import { type CliIO, type Command, CommandFailed, example } from '../framework'

const listProblems = (problems: WorkspaceProblem[], io: CliIO) => {
  for (const p of problems) io.out(`  ${t('cli:problemKind', { kind: p.kind.replace(/-/g, '_') })}: ${errorText(p)}`)
}

export const checkCommands: Command[] = [
  {
    name: 'check',
    reportsProblems: true,
    group: 'workspace',
    summary: 'cli:check.summary',
    examples: ['check', 'check --json'],
    async run({ withWorkspace, io, json }) {
      const report = await withWorkspace((s) => s.check.run(), { readOnly: true })
      if (json) io.out(JSON.stringify(report, null, 2))
      else {
        io.out(t('cli:checkedFiles', { filesChecked: report.filesChecked }))
        listProblems(report.problems, io)
        if (!report.problems.length) io.out(t('cli:allFilesReadableValid'))
      }
      if (report.problems.length)
        throw new CommandFailed(t('cli:problemFoundWorkspace', { problemCount: report.problems.length }))
    },
  },
  {
    name: 'repair',
    reportsProblems: true,
    group: 'workspace',
    summary: 'cli:repair.summary',
    options: {
      'restore-backups': {
        type: 'boolean',
        default: false,
        describe: 'cli:repair.opt.restoreBackups',
      },
      'acknowledge-audit-break': {
        type: 'boolean',
        default: false,
        describe: 'cli:repair.opt.acknowledgeAuditBreak',
      },
      note: { type: 'string', value: 'TEXT', describe: 'cli:repair.opt.note' },
    },
    examples: [
      'repair',
      'repair --restore-backups',
      example`repair --acknowledge-audit-break --note ${'cliHelp:example.repairNote'}`,
    ],
    async run({ withWorkspace, io, json, values }) {
      const report = await withWorkspace((s) =>
        s.repair.run({
          restoreBackups: !!values['restore-backups'],
          acknowledgeAuditBreak: !!values['acknowledge-audit-break'],
          note: typeof values.note === 'string' ? values.note : undefined,
        }),
      )
      if (json) io.out(JSON.stringify(report, null, 2))
      else {
        io.out(
          report.actions.length
            ? t('cli:repaired', { count: report.actions.length })
            : report.remaining.length
              ? t('cli:nothingRepairedSafely')
              : t('cli:nothingNeededRepair'),
        )
        for (const a of report.actions)
          io.out(`  ${t('cli:repairKind', { kind: a.kind.replace(/ /g, '_') })}: ${errorText(a)}`)
        if (report.remaining.length) {
          io.out(t('cli:stillDonePerson', { remainingCount: report.remaining.length }))
          listProblems(report.remaining, io)
        } else io.out(t('cli:allFilesReadableValid'))
      }
      if (report.remaining.length)
        throw new CommandFailed(t('cli:problemRemainRepairCannot', { remainingCount: report.remaining.length }))
    },
  },
]

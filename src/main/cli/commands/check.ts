import type { WorkspaceProblem } from '@shared/domain'
import { type CliIO, type Command, CommandFailed } from '../framework'

const listProblems = (problems: WorkspaceProblem[], io: CliIO) => {
  for (const p of problems) io.out(`  ${p.kind.toUpperCase()}: ${p.message}`)
}

export const checkCommands: Command[] = [
  {
    name: 'check',
    reportsProblems: true,
    group: 'workspace',
    summary:
      'Validate every file of the workspace without changing any: the audit chain, that every custody entry is in the audit log, every stored file against its SHA-256, and what an interrupted write left; exit 1 on any problem.',
    examples: ['check', 'check --json'],
    async run({ withWorkspace, io, json }) {
      const report = await withWorkspace((s) => s.check.run(), { readOnly: true })
      if (json) io.out(JSON.stringify(report, null, 2))
      else {
        io.out(`Checked ${report.filesChecked} files.`)
        listProblems(report.problems, io)
        if (!report.problems.length) io.out('All files are readable and valid, and agree with each other.')
      }
      if (report.problems.length) throw new CommandFailed(`${report.problems.length} problem(s) found in the workspace`)
    },
  },
  {
    name: 'repair',
    reportsProblems: true,
    group: 'workspace',
    summary:
      "Fix what can be fixed safely and say what was done: rebuild or complete the case index, finish interrupted evidence changes, set aside temp files and half-made case folders, re-append missing audit entries as marked repair entries. --restore-backups puts back the newest good backup of each damaged file; --acknowledge-audit-break records that you have seen the audit log's break (with --note) so it can continue. Nothing is deleted: what is moved goes under quarantine/. Exit 1 while problems remain.",
    options: {
      'restore-backups': {
        type: 'boolean',
        default: false,
        describe: 'put back the newest good backup of each damaged file',
      },
      'acknowledge-audit-break': {
        type: 'boolean',
        default: false,
        describe: "record that you have seen the audit log's break, so it can continue",
      },
      note: { type: 'string', value: 'TEXT', describe: 'why, kept with the acknowledgement' },
    },
    examples: ['repair', 'repair --restore-backups', 'repair --acknowledge-audit-break --note "log cut by a crash"'],
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
            ? `Repaired (${report.actions.length}):`
            : report.remaining.length
              ? 'Nothing could be repaired safely.'
              : 'Nothing needed repair.',
        )
        for (const a of report.actions) io.out(`  ${a.kind.toUpperCase()}: ${a.message}`)
        if (report.remaining.length) {
          io.out(`Still to be done by a person (${report.remaining.length}):`)
          listProblems(report.remaining, io)
        } else io.out('All files are readable and valid, and agree with each other.')
      }
      if (report.remaining.length)
        throw new CommandFailed(`${report.remaining.length} problem(s) remain that repair cannot fix alone`)
    },
  },
]

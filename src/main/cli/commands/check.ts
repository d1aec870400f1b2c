import { type Command, CommandFailed } from '../framework'

export const checkCommands: Command[] = [
  {
    name: 'check',
    group: 'workspace',
    summary:
      'Validate every file of the workspace without changing any, the audit chain, and that every custody entry is in the audit log; exit 1 on any problem.',
    examples: ['check', 'check --json'],
    async run({ withWorkspace, io, json }) {
      const report = await withWorkspace((s) => s.check.run(), { readOnly: true })
      if (json) io.out(JSON.stringify(report, null, 2))
      else {
        io.out(`Checked ${report.filesChecked} files.`)
        for (const p of report.problems) io.out(`  ${p.kind.toUpperCase()}: ${p.message}`)
        if (!report.problems.length) io.out('All files are readable and valid, and agree with each other.')
      }
      if (report.problems.length) throw new CommandFailed(`${report.problems.length} problem(s) found in the workspace`)
    },
  },
]

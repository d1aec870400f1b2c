import { EVIDENCE_KINDS, type EvidenceKind } from '@shared/domain'
import { describeGap } from '@main/services/evidence/custodyGaps'
import { type Command, CommandFailed, type CommandRun, optionalString, requireString, UsageError } from '../framework'

function kindOption(values: CommandRun['values']): EvidenceKind | undefined {
  const kind = optionalString(values, 'kind')
  if (kind !== undefined && !(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of: ${EVIDENCE_KINDS.join(', ')}`)
  }
  return kind as EvidenceKind | undefined
}

export const evidenceCommands: Command[] = [
  {
    name: 'evidence add',
    usage: 'evidence add CASE (--file PATH | --url URL) --title T [--kind K] [--workspace DIR] [--json]',
    summary: `Add evidence: --file streams the file into the blob store and records its SHA-256; --url records a reference. K is one of: ${EVIDENCE_KINDS.join(', ')}.`,
    positionals: 1,
    options: { file: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' }, kind: { type: 'string' } },
    async run({ withWorkspace, io, json, values, positionals }) {
      const file = optionalString(values, 'file')
      const url = optionalString(values, 'url')
      if (!!file === !!url) throw new UsageError('give exactly one of --file PATH or --url URL')
      const title = requireString(values, 'title')
      const kind = kindOption(values)
      if (url && !kind) throw new UsageError('--kind is required with --url (for example --kind "web page")')
      const item = await withWorkspace(async (s) => {
        const caseId = await s.cases.resolve(positionals[0])
        return file
          ? s.evidence.importFile(caseId, file, { title, kind })
          : s.evidence.add(caseId, { title, kind: kind!, sourceUrl: url })
      })
      if (json) return io.out(JSON.stringify(item, null, 2))
      io.out(`Added evidence ${item.id} [${item.kind}]: ${item.title}`)
      if (item.file)
        io.out(
          `  ${item.file.originalName} (${item.file.size} bytes, ${item.file.mediaType})  SHA-256 ${item.file.sha256}`,
        )
      else io.out(`  Source: ${item.sourceUrl}`)
    },
  },
  {
    name: 'evidence verify',
    usage: 'evidence verify [CASE] [--workspace DIR] [--json]',
    summary:
      'Re-hash every stored file (of CASE, or of every case), check the audit chain and that custody is in it; exit 1 and list every problem.',
    positionals: [0, 1],
    async run(run) {
      const { io, json, positionals, withWorkspace } = run
      const caseRef = positionals[0]
      // Writable when it can be (to record 'hash verified' in custody); read-only, reporting only, when the app holds the lock.
      const { report, recorded } = await withWorkspace(
        async (s) => ({
          report: await s.evidence.verify({ caseId: caseRef ? await s.cases.resolve(caseRef) : undefined }),
          recorded: !s.readOnly,
        }),
        { readOnly: 'when-locked' },
      )
      if (json) io.out(JSON.stringify({ ...report, recorded }, null, 2))
      else {
        for (const p of report.problems) {
          io.out(
            p.status === 'missing'
              ? `MISSING   ${p.caseId}/${p.evidenceId}  "${p.title}"  expected ${p.expected} (file not in the blob store)`
              : `MISMATCH  ${p.caseId}/${p.evidenceId}  "${p.title}"  expected ${p.expected} actual ${p.actual}`,
          )
        }
        for (const u of report.unreadableCases ?? [])
          io.out(`UNREADABLE case ${u.caseId} (its blobs were not verified): ${u.message}`)
        if (!report.audit.ok) io.out(`AUDIT LOG BROKEN at entry ${report.audit.brokenAt}: ${report.audit.reason}`)
        for (const g of report.custodyGaps) io.out(`NOT LOGGED ${g.caseId}/${g.evidenceId}  ${describeGap(g)}`)
        if (!recorded) io.out('(The workspace is open elsewhere: results were not recorded in custody.)')
      }
      const bad = report.problems.length
      const unreadable = report.unreadableCases?.length ?? 0
      if (bad || !report.audit.ok || report.custodyGaps.length || unreadable) {
        const parts = [
          ...(bad ? [`${bad} of ${report.checked} blob(s) do not match their recorded SHA-256`] : []),
          ...(unreadable ? [`${unreadable} case(s) could not be read`] : []),
          ...(!report.audit.ok ? [`the audit log is broken at entry ${report.audit.brokenAt}`] : []),
          ...(report.custodyGaps.length
            ? [
                `${report.custodyGaps.length} custody entr${report.custodyGaps.length === 1 ? 'y is' : 'ies are'} missing from the audit log`,
              ]
            : []),
        ]
        throw new CommandFailed(parts.join('; '))
      }
      if (!json) io.out(`All ${report.checked} blobs match; audit log intact (${report.audit.entries} entries).`)
    },
  },
]

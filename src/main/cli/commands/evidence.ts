import { EVIDENCE_KINDS, type EvidenceKind } from '@shared/domain'
import { describeGap } from '@main/services/evidence/custodyGaps'
import { type Command, CommandFailed, type CommandRun, optionalString, requireString, UsageError } from '../framework'
// Verification aids (issue 16): the imports of the block at the end of this file.
import { FACT_LABELS, formatFactValue, type ItemInspection } from '@shared/domain'
import { type CliIO, table } from '../framework'

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
        if (!report.audit.ok) io.out(`AUDIT LOG BROKEN at entry ${report.audit.brokenAt}: ${report.audit.reason}`)
        for (const g of report.custodyGaps) io.out(`NOT LOGGED ${g.caseId}/${g.evidenceId}  ${describeGap(g)}`)
        if (!recorded) io.out('(The workspace is open elsewhere: results were not recorded in custody.)')
      }
      const bad = report.problems.length
      if (bad || !report.audit.ok || report.custodyGaps.length) {
        const parts = [
          ...(bad ? [`${bad} of ${report.checked} blob(s) do not match their recorded SHA-256`] : []),
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

// ---------------------------------------------------------------------------------------------
// Verification aids (issue 16): evidence inspect | duplicates | reread.
// Kept as one block with its own imports below, so it moves whole into the
// per-noun evidence commands file when the CLI reorganisation lands.

function printInspection(r: ItemInspection, io: CliIO): void {
  io.out(`${r.title} (${r.evidenceId}) [${r.kind}]${r.sha256 ? `  SHA-256 ${r.sha256}` : ''}`)
  const a = r.analysis
  if (a) {
    const m = a.metadata
    io.out(
      `Metadata: ${m.status === 'found' ? 'found' : 'no metadata found'}${m.readers.length ? ` (${m.readers.join(', ')})` : ''}; examined ${a.analysedAt}`,
    )
    if (m.reason) io.out(`  ${m.reason}`)
    const rows = m.facts.map((f) => [
      `  ${FACT_LABELS[f.name]}`,
      formatFactValue(f),
      `${f.source.reader}: ${f.source.field}`,
    ])
    if (rows.length) table(rows, io)
  }
  io.out(
    `Warnings: ${r.warnings.length || 'none'} (claims compared: ${r.claims.length}; margin ${r.settings.timeMarginMinutes} min, radius ${r.settings.placeRadiusKm} km)`,
  )
  for (const w of r.warnings) {
    io.out(`  ! ${w.code}: ${w.message}`)
    for (const f of w.facts)
      io.out(`      ${FACT_LABELS[f.name]}: ${formatFactValue(f)} (${f.source.reader}: ${f.source.field})`)
    const nums = Object.entries(w.numbers)
    if (nums.length) io.out(`      ${nums.map(([k, v]) => `${k} = ${v}`).join('; ')}`)
  }
  if (a) {
    const c = a.c2pa
    if (c.status === 'absent') io.out('Content Credentials: none in the file')
    else {
      io.out(
        `Content Credentials: ${c.status}${c.validator ? ` (${c.validator}, ${c.trustAnchors} trust anchor(s))` : ''}`,
      )
      if (c.status !== 'error')
        io.out(
          `  signature ${c.signatureValid === null ? 'not checked' : c.signatureValid ? 'holds' : 'FAILS'}; hash binding ${c.hashBindingValid === null ? 'not checked' : c.hashBindingValid ? 'holds' : 'FAILS'}; signer ${c.signerTrusted === null ? 'not checked against a trust list' : c.signerTrusted ? 'trusted' : 'not trusted'}`,
        )
      if (c.reason) io.out(`  ${c.reason}`)
      c.manifests.forEach((m, i) => {
        io.out(
          `  ${i + 1}. ${m.title ?? m.label}: signed by ${m.signer ?? '?'}${m.issuer ? ` (issuer ${m.issuer})` : ''}${m.signedAt ? ` at ${m.signedAt}` : ''}${m.tool ? `, tool ${m.tool}` : ''}`,
        )
        for (const act of m.actions)
          io.out(
            `       ${act.action}${act.softwareAgent ? ` by ${act.softwareAgent}` : ''}${act.when ? ` at ${act.when}` : ''}${act.description ? ` — ${act.description}` : ''}`,
          )
        if (m.ingredients.length) io.out(`       made from: ${m.ingredients.join(', ')}`)
      })
      for (const f of c.failures) io.out(`  failure ${f.code}${f.explanation ? `: ${f.explanation}` : ''}`)
    }
    const fp = a.fingerprint
    io.out(
      `Fingerprint: ${fp.status === 'done' ? (fp.kind === 'video' ? `${fp.times.length} keyframe(s)` : 'image') : `none (${fp.reason})`}${fp.tool ? ` — ${fp.tool}` : ''}`,
    )
  }
  io.out(`Near-duplicates: ${r.duplicates.length || 'none found'}`)
  for (const d of r.duplicates)
    io.out(`  ${d.summary}${d.frames ? ` [dHash ${d.dhashDistance}, pHash ${d.phashDistance} bits]` : ''}`)
  for (const aid of r.aids) {
    const s = aid.sun
    io.out(`Sun — ${aid.basis}:`)
    io.out(
      `  elevation ${s.altitude}°, azimuth ${s.azimuth}° from north${s.shadowAzimuth !== null ? `; shadows point to ${s.shadowAzimuth}°, ${s.shadowRatio}× an object's height` : ' (below the horizon)'}`,
    )
    io.out(
      `  at ${s.latitude}, ${s.longitude}: local time ${s.localTime} (${s.zone}); sunrise ${s.sunrise ?? '—'}, sunset ${s.sunset ?? '—'}`,
    )
  }
  for (const n of r.notes) io.out(`Note: ${n}`)
}

export const verificationCommands: Command[] = [
  {
    name: 'evidence inspect',
    usage: 'evidence inspect ITEM [--case CASE] [--workspace DIR] [--json]',
    summary:
      'What the file of an item says: metadata with the field each fact came from, warnings against what is claimed (time, zone, place), Content Credentials, near-duplicates across the workspace, and the sun then and there. Advice, never a verdict.',
    positionals: 1,
    options: { case: { type: 'string' } },
    async run({ withWorkspace, io, json, values, positionals }) {
      const r = await withWorkspace(
        async (s) => {
          const caseId = await s.verification.locate(positionals[0], optionalString(values, 'case'))
          return s.verification.inspect(caseId, positionals[0])
        },
        { readOnly: true },
      )
      if (json) return io.out(JSON.stringify(r, null, 2))
      printInspection(r, io)
    },
  },
  {
    name: 'evidence duplicates',
    usage: 'evidence duplicates [CASE] [--workspace DIR] [--json]',
    summary:
      'Near-duplicates of the items of CASE (or of every case) anywhere in the workspace: identical files, the same picture re-saved or cropped, the same footage re-encoded ("matches item X at 00:00:04–00:00:09").',
    positionals: [0, 1],
    async run({ withWorkspace, io, json, positionals }) {
      const pairs = await withWorkspace(
        async (s) => s.verification.duplicates(positionals[0] ? await s.cases.resolve(positionals[0]) : undefined),
        { readOnly: true },
      )
      if (json) return io.out(JSON.stringify(pairs, null, 2))
      if (!pairs.length) return io.out('No near-duplicates found.')
      for (const p of pairs) {
        io.out(`${p.a.title} (${p.a.caseId}/${p.a.evidenceId})`)
        for (const m of p.matches) io.out(`  ${m.summary}`)
      }
    },
  },
  {
    name: 'evidence reread',
    usage: 'evidence reread (ITEM | --all) [--case CASE] [--workspace DIR] [--json]',
    summary:
      'Read the files of items again (metadata, Content Credentials, fingerprint): one item, or --all (every item of the workspace, or of --case CASE). For items imported before Casefile read files.',
    positionals: [0, 1],
    options: { case: { type: 'string' }, all: { type: 'boolean', default: false } },
    async run({ withWorkspace, io, json, values, positionals }) {
      const all = values.all === true
      if (all === !!positionals[0]) throw new UsageError('give exactly one of ITEM or --all')
      const caseRef = optionalString(values, 'case')
      const out = await withWorkspace(async (s) => {
        if (!all) {
          const caseId = await s.verification.locate(positionals[0], caseRef)
          return s.verification.reread({ caseId, evidenceId: positionals[0] })
        }
        return s.verification.reread({ caseId: caseRef ? await s.cases.resolve(caseRef) : undefined })
      })
      if (json) io.out(JSON.stringify(out, null, 2))
      else
        for (const i of out.items)
          io.out(
            i.status === 'read'
              ? `read      ${i.caseId}/${i.evidenceId}  "${i.title}": metadata ${i.metadata}, Content Credentials ${i.c2pa}, ${i.warnings} warning(s)`
              : `${i.status.padEnd(9)} ${i.caseId}/${i.evidenceId}  "${i.title}"${i.reason ? `: ${i.reason}` : ''}`,
          )
      const failed = out.items.filter((i) => i.status === 'failed').length
      if (failed) throw new CommandFailed(`${failed} of ${out.items.length} item(s) could not be read again`)
      if (!json) io.out(`${out.items.filter((i) => i.status === 'read').length} item(s) read.`)
    },
  },
]

// Listed with the other evidence commands, so the command table needs no change of its own.
evidenceCommands.push(...verificationCommands)

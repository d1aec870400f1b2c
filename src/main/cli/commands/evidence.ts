import {
  CREDIBILITY_LABELS,
  EVIDENCE_KINDS,
  INFORMATION_CREDIBILITY,
  RELIABILITY_LABELS,
  SOURCE_RELIABILITY,
  VERIFICATION_STATUSES,
  type EvidenceItem,
  type EvidencePatch,
  type VerificationPatch,
} from '@shared/domain'
import { describeGap } from '@main/services/evidence/custodyGaps'
import {
  choiceOf,
  type CliIO,
  type Command,
  CommandFailed,
  dateTimeOf,
  optionalChoice,
  optionalList,
  optionalString,
  optionalZone,
  printJson,
  table,
  UsageError,
  type Values,
} from '../framework'
import { CASE_HINT, caseHolding, caseOf, removeRecordCommand } from '../lookup'
// Verification aids (issue 16): the imports of the block at the end of this file.
import { FACT_LABELS, formatFactValue, type ItemInspection } from '@shared/domain'

const CHECKS = ['source', 'technical', 'content'] as const
const KINDS_TEXT = EVIDENCE_KINDS.map((k) => (k.includes(' ') ? `"${k}"` : k)).join(', ')
const STATUS_TEXT = VERIFICATION_STATUSES.join(', ')

const grade = (e: EvidenceItem) =>
  e.sourceReliability || e.informationCredibility
    ? `${e.sourceReliability ?? '?'}${e.informationCredibility ?? '?'}`
    : '—'

/** The human form of one item (`evidence show`, and after an edit). */
export function printEvidence(e: EvidenceItem, io: CliIO): void {
  io.out(`${e.title}`)
  io.out(`  Id: ${e.id}   Kind: ${e.kind}   Updated: ${e.updatedAt}`)
  if (e.description) io.out(`  Description: ${e.description}`)
  if (e.sourceUrl) io.out(`  Source: ${e.sourceUrl}`)
  if (e.file) {
    io.out(`  File: ${e.file.originalName} (${e.file.size} bytes, ${e.file.mediaType})`)
    io.out(`  SHA-256: ${e.file.sha256}`)
  } else io.out('  File: none held (a reference)')
  if (e.capturedAt || e.capturedBy)
    io.out(`  Captured: ${e.capturedAt ?? '—'}${e.capturedBy ? ` by ${e.capturedBy}` : ''}`)
  if (e.publishedAt) io.out(`  Published: ${e.publishedAt}`)
  if (e.eventDate) io.out(`  Event date: ${e.eventDate}`)
  const v = e.verification
  io.out(`  Verification: ${v.status}${v.reasoning ? ` — ${v.reasoning}` : ''}`)
  for (const c of CHECKS) io.out(`    ${c.padEnd(9)} ${v[c].status}${v[c].reasoning ? ` — ${v[c].reasoning}` : ''}`)
  io.out(
    `  Grading: ${e.sourceReliability ? RELIABILITY_LABELS[e.sourceReliability] : 'source not graded'}; ${
      e.informationCredibility ? CREDIBILITY_LABELS[e.informationCredibility] : 'credibility not graded'
    }`,
  )
  if (e.eventIds.length) io.out(`  Events: ${e.eventIds.join(', ')}`)
  if (e.tags.length) io.out(`  Tags: ${e.tags.join(', ')}`)
  io.out(`  Custody: ${e.custody.length} entr${e.custody.length === 1 ? 'y' : 'ies'} (casefile custody show ${e.id})`)
}

/** "none" (or "") clears an optional date or grade; anything else is parsed. */
function clearable<T>(values: Values, name: string, parse: (text: string) => T): T | null | undefined {
  const v = optionalString(values, name)
  if (v === undefined) return undefined
  return v.trim() === '' || v.trim().toLowerCase() === 'none' ? null : parse(v)
}

/** The fields given; dates are read in `tz`. */
function evidencePatch(values: Values, tz: string): EvidencePatch {
  const when = (name: string) => clearable(values, name, (t) => dateTimeOf(t, tz, `--${name}`))
  const verification: VerificationPatch = {
    status: optionalChoice(values, 'status', VERIFICATION_STATUSES),
    reasoning: optionalString(values, 'reasoning'),
  }
  for (const c of CHECKS) {
    const status = optionalChoice(values, `${c}-status`, VERIFICATION_STATUSES)
    const reasoning = optionalString(values, `${c}-reasoning`)
    if (status !== undefined || reasoning !== undefined) verification[c] = { status, reasoning }
  }
  const patch: EvidencePatch = {
    title: optionalString(values, 'title'),
    kind: optionalChoice(values, 'kind', EVIDENCE_KINDS),
    description: optionalString(values, 'description'),
    sourceUrl: optionalString(values, 'url'),
    capturedAt: when('captured-at'),
    capturedBy: optionalString(values, 'captured-by'),
    publishedAt: when('published-at'),
    eventDate: when('event-date'),
    sourceReliability: clearable(values, 'reliability', (t) =>
      choiceOf(t.toUpperCase(), SOURCE_RELIABILITY, '--reliability'),
    ),
    informationCredibility: clearable(values, 'credibility', (t) =>
      choiceOf(t, INFORMATION_CREDIBILITY, '--credibility'),
    ),
    eventIds: optionalList(values, 'event'),
    tags: optionalList(values, 'tag'),
    verification: Object.values(verification).some((x) => x !== undefined) ? verification : undefined,
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as EvidencePatch
}

const DATES = ['captured-at', 'published-at', 'event-date']

const statusOption = (what: string) => ({ type: 'string' as const, value: 'S', describe: `${what}: ${STATUS_TEXT}` })
const reasoningOption = (what: string) => ({ type: 'string' as const, value: 'TEXT', describe: `why: ${what}` })

export const evidenceCommands: Command[] = [
  {
    name: 'evidence add',
    args: 'CASE',
    positionals: 1,
    summary:
      'Add evidence. --file streams the file into the blob store and records its SHA-256 and custody (kind from the file type, title from its name); --url records a reference (a web page unless --kind says otherwise); with neither, --kind is needed (testimony, a note).',
    options: {
      file: { type: 'string', value: 'PATH', describe: 'a file to hold (copied in, never changed)' },
      url: { type: 'string', value: 'URL', describe: 'where the item is published' },
      title: { type: 'string', value: 'T', describe: 'what it is (default: the file name, or the URL)' },
      kind: { type: 'string', value: 'K', describe: `one of ${KINDS_TEXT}` },
    },
    examples: [
      'evidence add ECU-USA-2026-001 --file "./door video.mp4" --title "Video of the exchange at the door"',
      'evidence add ECU-USA-2026-001 --url https://example.org/report --title "Press report"',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const file = optionalString(values, 'file')
      const url = optionalString(values, 'url')
      if (file !== undefined && url !== undefined)
        throw new UsageError('give --file PATH or --url URL, not both (edit the item to add the other)')
      const title = optionalString(values, 'title')
      const kind = optionalChoice(values, 'kind', EVIDENCE_KINDS)
      if (file === undefined && url === undefined && !kind)
        throw new UsageError('give --file PATH, --url URL, or --kind K (and --title) for an item without either')
      if (file === undefined && url === undefined && !title?.trim())
        throw new UsageError('--title is required for an item without a file or URL')
      const item = await withWorkspace(async (s) => {
        const caseId = await caseOf(s, positionals[0])
        if (file !== undefined) return s.evidence.importFile(caseId, file, { title: title?.trim() || undefined, kind })
        return s.evidence.add(caseId, {
          title: title?.trim() || url!,
          kind: kind ?? 'web page',
          ...(url !== undefined ? { sourceUrl: url } : {}),
        })
      })
      if (json) return printJson(io, item)
      io.out(`Added evidence ${item.id} [${item.kind}]: ${item.title}`)
      if (item.file)
        io.out(
          `  ${item.file.originalName} (${item.file.size} bytes, ${item.file.mediaType})  SHA-256 ${item.file.sha256}`,
        )
      else if (item.sourceUrl) io.out(`  Source: ${item.sourceUrl}`)
    },
  },
  {
    name: 'evidence list',
    args: 'CASE',
    positionals: 1,
    summary: 'List the evidence of a case: id, kind, verification status, grading (reliability and credibility).',
    examples: ['evidence list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const items = await withWorkspace(
        async (s) => (await s.cases.content(await caseOf(s, positionals[0]))).evidence,
        {
          readOnly: true,
        },
      )
      if (json) return printJson(io, items)
      if (!items.length) return io.out('No evidence in this case yet (casefile evidence add CASE --file PATH).')
      table(
        [
          ['ID', 'KIND', 'STATUS', 'GRADE', 'HELD', 'TITLE'],
          ...items.map((e) => [e.id, e.kind, e.verification.status, grade(e), e.file ? 'file' : 'ref', e.title]),
        ],
        io,
      )
    },
  },
  {
    name: 'evidence show',
    args: 'ITEM',
    positionals: 1,
    summary: 'Print one evidence item: file and SHA-256, verification checks with reasoning, grading, links.',
    options: { ...CASE_HINT },
    examples: ['evidence show evidence_video'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const item = await withWorkspace(
        async (s) => s.evidence.get(await caseHolding(s, 'evidence', positionals[0], values), positionals[0]),
        { readOnly: true },
      )
      if (json) return printJson(io, item)
      printEvidence(item, io)
    },
  },
  {
    name: 'evidence edit',
    args: 'ITEM',
    positionals: 1,
    summary:
      'Change an item: verification checks, grading, dates, description. The checks are overall, source, technical and content, each a status with its reasoning; grading is source reliability A–F and information credibility 1–6. Only what is given changes; every status change is logged in custody. Dates are read in --tz (else the workspace\'s default zone); "none" clears a date or a grade.',
    options: {
      title: { type: 'string', value: 'T', describe: 'a new title' },
      kind: { type: 'string', value: 'K', describe: `one of ${KINDS_TEXT}` },
      description: { type: 'string', value: 'TEXT', describe: 'what it shows' },
      url: { type: 'string', value: 'URL', describe: 'where it is published' },
      'captured-at': { type: 'string', value: 'WHEN', describe: 'when it was captured' },
      'captured-by': { type: 'string', value: 'WHO', describe: 'who captured it' },
      'published-at': { type: 'string', value: 'WHEN', describe: 'when it was published' },
      'event-date': { type: 'string', value: 'WHEN', describe: 'the date it speaks to' },
      tz: {
        type: 'string',
        value: 'ZONE',
        describe: "the IANA zone the dates are read in (default: the workspace's, UTC unless set)",
      },
      status: statusOption('the overall verdict'),
      reasoning: reasoningOption('the overall verdict'),
      'source-status': statusOption('who published it: is the source what it claims'),
      'source-reasoning': reasoningOption('the source check'),
      'technical-status': statusOption('is the file what it claims (metadata, edits)'),
      'technical-reasoning': reasoningOption('the technical check'),
      'content-status': statusOption('does what it shows hold up'),
      'content-reasoning': reasoningOption('the content check'),
      reliability: { type: 'string', value: 'A-F', describe: 'source reliability (Admiralty grading)' },
      credibility: { type: 'string', value: '1-6', describe: 'information credibility (Admiralty grading)' },
      event: { type: 'string', value: 'ID', multiple: true, describe: 'an event it supports ("" for none)' },
      tag: { type: 'string', value: 'TAG', multiple: true, describe: 'a tag' },
      ...CASE_HINT,
    },
    examples: [
      'evidence edit evidence_video --source-status verified --source-reasoning "Posted by the consulate\'s own account" --status "partially verified" --reliability B --credibility 3',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const given = optionalZone(values)
      // Checked before anything opens: a bad value is bad usage whatever the zone.
      if (!Object.keys(evidencePatch(values, given ?? 'UTC')).length)
        throw new UsageError('nothing to change (casefile help evidence edit)')
      let zone = given
      const item = await withWorkspace(async (s) => {
        zone ??= (await s.workspace.settings()).defaultTimeZone
        const patch = evidencePatch(values, zone)
        return s.evidence.update(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], patch)
      })
      if (json) return printJson(io, item)
      io.out(`Updated evidence ${item.id}:`)
      printEvidence(item, io)
      if (!given && DATES.some((n) => values[n] !== undefined))
        io.out(`(Dates were read in ${zone}, the workspace's default zone: no --tz given.)`)
    },
  },
  removeRecordCommand({
    noun: 'evidence',
    kind: 'evidence',
    args: 'ITEM',
    summary:
      'Remove an evidence item and its annotations. The stored file stays in the blob store and the audit log records the removal.',
    example: 'evidence remove ev_0123456789abcdef',
    remove: (s, caseId, id) => s.evidence.remove(caseId, id),
  }),
  {
    name: 'evidence verify',
    args: '[CASE]',
    summary:
      'Re-hash every stored file (of CASE, or of every case), check the audit chain and that custody is in it; exit 1 and list every problem.',
    positionals: [0, 1],
    examples: ['evidence verify', 'evidence verify ECU-USA-2026-001 --json'],
    async run({ io, json, positionals, withWorkspace }) {
      const caseRef = positionals[0]
      // Writable when it can be (to record 'hash verified' in custody); read-only, reporting only, when the app holds the lock.
      const { report, recorded } = await withWorkspace(
        async (s) => ({
          report: await s.evidence.verify({ caseId: caseRef ? await caseOf(s, caseRef) : undefined }),
          recorded: !s.readOnly,
        }),
        { readOnly: 'when-locked' },
      )
      if (json) printJson(io, { ...report, recorded })
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
  {
    name: 'custody show',
    group: 'evidence',
    args: 'ITEM',
    positionals: 1,
    summary: 'Print the chain of custody of an evidence item, oldest first: when, who, what, the hash.',
    options: { ...CASE_HINT },
    examples: ['custody show evidence_video'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const item = await withWorkspace(
        async (s) => s.evidence.get(await caseHolding(s, 'evidence', positionals[0], values), positionals[0]),
        { readOnly: true },
      )
      if (json) return printJson(io, item.custody)
      io.out(`Chain of custody of ${item.id}: ${item.title}`)
      if (!item.custody.length) return io.out('  No custody entries.')
      table(
        [
          ['WHEN (UTC)', 'WHO', 'ACTION', 'SHA-256', 'DETAIL'],
          ...item.custody.map((c) => [c.at, c.actor, c.action, c.sha256 ?? '—', c.detail]),
        ],
        io,
      )
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
    args: 'ITEM',
    examples: ['evidence inspect ev_ffca7ad7b4544d42', 'evidence inspect ev_ffca7ad7b4544d42 --json'],
    summary:
      'What the file of an item says: metadata with the field each fact came from, warnings against what is claimed (time, zone, place), Content Credentials, near-duplicates across the workspace, and the sun then and there. Advice, never a verdict.',
    positionals: 1,
    options: { ...CASE_HINT },
    async run({ withWorkspace, io, json, values, positionals }) {
      const r = await withWorkspace(
        async (s) => s.verification.inspect(await caseHolding(s, 'evidence', positionals[0], values), positionals[0]),
        { readOnly: true },
      )
      if (json) return printJson(io, r)
      printInspection(r, io)
    },
  },
  {
    name: 'evidence duplicates',
    args: '[CASE]',
    examples: ['evidence duplicates', 'evidence duplicates ECU-USA-2026-001'],
    summary:
      'Near-duplicates of the items of CASE (or of every case) anywhere in the workspace: identical files, the same picture re-saved or cropped, the same footage re-encoded ("matches item X at 00:00:04–00:00:09").',
    positionals: [0, 1],
    async run({ withWorkspace, io, json, positionals }) {
      const pairs = await withWorkspace(
        async (s) => s.verification.duplicates(positionals[0] ? await caseOf(s, positionals[0]) : undefined),
        { readOnly: true },
      )
      if (json) return printJson(io, pairs)
      if (!pairs.length) return io.out('No near-duplicates found.')
      for (const p of pairs) {
        io.out(`${p.a.title} (${p.a.caseId}/${p.a.evidenceId})`)
        for (const m of p.matches) io.out(`  ${m.summary}`)
      }
    },
  },
  {
    name: 'evidence reread',
    args: '[ITEM]',
    examples: [
      'evidence reread ev_ffca7ad7b4544d42',
      'evidence reread --all',
      'evidence reread --all --case ECU-USA-2026-001',
    ],
    summary:
      'Read the files of items again (metadata, Content Credentials, fingerprint): one item, or --all (every item of the workspace, or of --case CASE). For items imported before Casefile read files.',
    positionals: [0, 1],
    options: {
      all: { type: 'boolean', default: false, describe: 'every item of the workspace (or of --case)' },
      case: { type: 'string', value: 'CASE', describe: 'the case that holds ITEM, or whose items --all reads' },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const all = values.all === true
      if (all === !!positionals[0]) throw new UsageError('give exactly one of ITEM or --all')
      const caseRef = optionalString(values, 'case')
      const out = await withWorkspace(async (s) => {
        if (!all)
          return s.verification.reread({
            caseId: await caseHolding(s, 'evidence', positionals[0], values),
            evidenceId: positionals[0],
          })
        return s.verification.reread({ caseId: caseRef ? await caseOf(s, caseRef) : undefined })
      })
      if (json) printJson(io, out)
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

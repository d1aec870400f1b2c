import { t } from '../language'
import {
  EVIDENCE_KINDS,
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  VERIFICATION_STATUSES,
  type EvidenceItem,
  type EvidencePatch,
  type VerificationPatch,
} from '@shared/domain'
import { isWebUrl } from '@shared/domain/webUrl'
import { inlineDeep } from '../printable'
import { describeGap } from '@main/services/evidence/custodyGaps'
import {
  choiceOf,
  type CliIO,
  type Command,
  CommandFailed,
  dateTimeOf,
  example,
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
import { matchText, printInspection, rereadLine } from './inspection'

const CHECKS = ['source', 'technical', 'content'] as const
const KINDS_TEXT = EVIDENCE_KINDS.map((k) => (k.includes(' ') ? `"${k}"` : k)).join(', ')
const STATUS_TEXT = VERIFICATION_STATUSES.join(', ')

const grade = (e: EvidenceItem) =>
  e.sourceReliability || e.informationCredibility
    ? `${e.sourceReliability ?? '?'}${e.informationCredibility ?? '?'}`
    : '—'

/** The human form of one item (`evidence show`, and after an edit). */
export function printEvidence(item: EvidenceItem, io: CliIO): void {
  // One-line fields (a title, a file's name) keep to their line: a newline in them would print a line of its
  // own, which could pass for another field. The description and reasoning are text and keep their lines.
  const e = {
    ...item,
    ...inlineDeep({
      title: item.title,
      sourceUrl: item.sourceUrl,
      capturedBy: item.capturedBy,
      tags: item.tags,
      file: item.file,
    }),
  }
  io.out(`${e.title}`)
  io.out(t('cliEvidence:idKindUpdated', { id: e.id, kind: e.kind, updatedAt: e.updatedAt }))
  if (e.description) io.out(t('cliEvidence:description', { description: e.description }))
  if (e.sourceUrl) io.out(t('cliEvidence:source', { sourceUrl: e.sourceUrl }))
  if (e.file) {
    io.out(
      t('cliEvidence:fileBytes', { originalName: e.file.originalName, size: e.file.size, mediaType: e.file.mediaType }),
    )
    io.out(t('cliEvidence:sha', { sha256: e.file.sha256 }))
  } else io.out(t('cliEvidence:fileNoneHeldReference'))
  if (e.capturedAt || e.capturedBy)
    io.out(
      t('cliEvidence:captured', {
        value: e.capturedAt ?? '—',
        value2: e.capturedBy ? t('cliEvidence:capturedBy', { who: e.capturedBy }) : '',
      }),
    )
  if (e.publishedAt) io.out(t('cliEvidence:published', { publishedAt: e.publishedAt }))
  if (e.eventDate) io.out(t('cliEvidence:eventDate', { eventDate: e.eventDate }))
  const v = e.verification
  io.out(t('cliEvidence:verification', { status: v.status, value: v.reasoning ? ` — ${v.reasoning}` : '' }))
  for (const c of CHECKS)
    io.out(
      `    ${t(`cliEvidence:checkName.${c}`).padEnd(9)} ${v[c].status}${v[c].reasoning ? ` — ${v[c].reasoning}` : ''}`,
    )
  io.out(
    t('cliEvidence:grading', {
      value: e.sourceReliability ? t(`evidence:reliability.${e.sourceReliability}`) : t('cliEvidence:sourceNotGraded'),
      value2: e.informationCredibility
        ? t(`evidence:credibility.${e.informationCredibility}`)
        : t('cliEvidence:credibilityNotGraded'),
    }),
  )
  if (e.eventIds.length) io.out(t('cliEvidence:events', { eventIdList: e.eventIds.join(', ') }))
  if (e.tags.length) io.out(t('cliEvidence:tags', { tagList: e.tags.join(', ') }))
  io.out(
    t('cliEvidence:custodyEntrCasefileCustody', {
      custodyCount: e.custody.length,
      id: e.id,
    }),
  )
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

type Check = 'overall' | 'source' | 'technical' | 'content'
const statusOption = (check: Check) => ({
  type: 'string' as const,
  value: 'STATUS',
  describe: () => t(`cliEvidence:check.${check}.status`, { list: STATUS_TEXT }),
})
const reasoningOption = (check: Check) => ({
  type: 'string' as const,
  value: 'TEXT',
  describe: () => t(`cliEvidence:check.${check}.reasoning`),
})

export const evidenceCommands: Command[] = [
  {
    name: 'evidence add',
    args: 'CASE',
    positionals: 1,
    summary: 'cliEvidence:evidenceAdd.summary',
    options: {
      file: { type: 'string', value: 'PATH', describe: 'cliEvidence:evidenceAdd.opt.file' },
      url: { type: 'string', value: 'URL', describe: 'cliEvidence:evidenceAdd.opt.url' },
      title: { type: 'string', value: 'TITLE', describe: 'cliEvidence:evidenceAdd.opt.title' },
      kind: { type: 'string', value: 'KIND', describe: () => t('cliEvidence:opt.kind', { list: KINDS_TEXT }) },
    },
    examples: [
      example`evidence add ECU-USA-2026-001 --file ${'cliHelp:example.videoFile'} --title ${'cliHelp:example.videoTitle'}`,
      example`evidence add ECU-USA-2026-001 --url https://example.org/report --title ${'cliHelp:example.pressTitle'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const file = optionalString(values, 'file')
      const url = optionalString(values, 'url')
      if (file !== undefined && url !== undefined) throw new UsageError(t('cliEvidence:giveFilePathUrl'))
      // A URL reference, as the window's dialog takes it: only a web address is one (javascript:, file: are not).
      if (url !== undefined && !isWebUrl(url.trim())) throw new UsageError(t('cliEvidence:urlNotWeb'))
      const title = optionalString(values, 'title')
      const kind = optionalChoice(values, 'kind', EVIDENCE_KINDS)
      if (file === undefined && url === undefined && !kind) throw new UsageError(t('cliEvidence:giveFilePathUrl2'))
      if (file === undefined && url === undefined && !title?.trim())
        throw new UsageError(t('cliEvidence:titleRequiredItemWithout'))
      const item = await withWorkspace(async (s) => {
        const caseId = await caseOf(s, positionals[0])
        if (file !== undefined)
          return s.evidence.importFile(caseId, file, {
            title: title?.trim() || undefined,
            kind,
            awaitExamination: true,
          })
        return s.evidence.add(caseId, {
          title: title?.trim() || url!.trim(),
          kind: kind ?? 'web page',
          ...(url !== undefined ? { sourceUrl: url.trim() } : {}),
        })
      })
      if (json) return printJson(io, item)
      // A file's name (the title it gives) may hold a newline, which would print a line of its own.
      const shown = inlineDeep(item)
      io.out(t('cliEvidence:addedEvidence', { id: shown.id, kind: shown.kind, title: shown.title }))
      if (shown.file)
        io.out(
          t('cliEvidence:bytesSha', {
            originalName: shown.file.originalName,
            size: shown.file.size,
            mediaType: shown.file.mediaType,
            sha256: shown.file.sha256,
          }),
        )
      else if (shown.sourceUrl) io.out(t('cliEvidence:source', { sourceUrl: shown.sourceUrl }))
    },
  },
  {
    name: 'evidence list',
    args: 'CASE',
    positionals: 1,
    summary: 'cliEvidence:evidenceList.summary',
    examples: ['evidence list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const items = await withWorkspace(
        async (s) => (await s.cases.content(await caseOf(s, positionals[0]))).evidence,
        {
          readOnly: true,
        },
      )
      if (json) return printJson(io, items)
      if (!items.length) return io.out(t('cliEvidence:noEvidenceCaseYet'))
      table(
        [
          [
            t('cli:col.id'),
            t('cli:col.kind'),
            t('cli:col.status'),
            t('cli:col.grade'),
            t('cli:col.held'),
            t('cli:col.title'),
          ],
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
    summary: 'cliEvidence:evidenceShow.summary',
    options: { ...CASE_HINT },
    examples: ['evidence show evidence_sample_clip'],
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
    summary: 'cliEvidence:evidenceEdit.summary',
    options: {
      title: { type: 'string', value: 'TITLE', describe: 'cliEvidence:evidenceEdit.opt.title' },
      kind: { type: 'string', value: 'KIND', describe: () => t('cliEvidence:opt.kind', { list: KINDS_TEXT }) },
      description: { type: 'string', value: 'TEXT', describe: 'cliEvidence:evidenceEdit.opt.description' },
      url: { type: 'string', value: 'URL', describe: 'cliEvidence:evidenceEdit.opt.url' },
      'captured-at': { type: 'string', value: 'WHEN', describe: 'cliEvidence:evidenceEdit.opt.capturedAt' },
      'captured-by': { type: 'string', value: 'WHO', describe: 'cliEvidence:evidenceEdit.opt.capturedBy' },
      'published-at': { type: 'string', value: 'WHEN', describe: 'cliEvidence:evidenceEdit.opt.publishedAt' },
      'event-date': { type: 'string', value: 'WHEN', describe: 'cliEvidence:evidenceEdit.opt.eventDate' },
      tz: {
        type: 'string',
        value: 'ZONE',
        describe: 'cliEvidence:evidenceEdit.opt.tz',
      },
      status: statusOption('overall'),
      reasoning: reasoningOption('overall'),
      'source-status': statusOption('source'),
      'source-reasoning': reasoningOption('source'),
      'technical-status': statusOption('technical'),
      'technical-reasoning': reasoningOption('technical'),
      'content-status': statusOption('content'),
      'content-reasoning': reasoningOption('content'),
      reliability: { type: 'string', value: 'A-F', describe: 'cliEvidence:evidenceEdit.opt.reliability' },
      credibility: { type: 'string', value: '1-6', describe: 'cliEvidence:evidenceEdit.opt.credibility' },
      event: { type: 'string', value: 'ID', multiple: true, describe: 'cliEvidence:evidenceEdit.opt.event' },
      tag: { type: 'string', value: 'TAG', multiple: true, describe: 'cliEvidence:evidenceEdit.opt.tag' },
      ...CASE_HINT,
    },
    examples: [
      example`evidence edit evidence_sample_clip --source-status verified --source-reasoning ${'cliHelp:example.sourceReasoning'} --status "partially verified" --reliability B --credibility 3`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const given = optionalZone(values)
      // Checked before anything opens: a bad value is bad usage whatever the zone.
      if (!Object.keys(evidencePatch(values, given ?? 'UTC')).length)
        throw new UsageError(t('cliEvidence:nothingChangeCasefileHelp'))
      let zone = given
      const item = await withWorkspace(async (s) => {
        zone ??= (await s.workspace.settings()).defaultTimeZone
        const patch = evidencePatch(values, zone)
        return s.evidence.update(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], patch)
      })
      if (json) return printJson(io, item)
      io.out(t('cliEvidence:updatedEvidence', { id: item.id }))
      printEvidence(item, io)
      if (!given && DATES.some((n) => values[n] !== undefined))
        io.out(t('cliEvidence:datesWereReadWorkspace', { zone }))
    },
  },
  removeRecordCommand({
    noun: 'evidence',
    kind: 'evidence',
    args: 'ITEM',
    summary: 'cliEvidence:evidenceCommands.summary',
    example: 'evidence remove ev_0123456789abcdef',
    remove: (s, caseId, id) => s.evidence.remove(caseId, id),
  }),
  {
    name: 'evidence verify',
    args: '[CASE]',
    summary: 'cliEvidence:evidenceVerify.summary',
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
              ? t('cliEvidence:verify.missing', {
                  where: `${p.caseId}/${p.evidenceId}`,
                  title: p.title,
                  expected: p.expected,
                })
              : t('cliEvidence:verify.mismatch', {
                  where: `${p.caseId}/${p.evidenceId}`,
                  title: p.title,
                  expected: p.expected,
                  actual: p.actual ?? '',
                }),
          )
        }
        for (const u of report.unreadableCases ?? [])
          io.out(t('cliEvidence:unreadableCaseBlobsWere', { caseId: u.caseId, reason: u.message }))
        if (!report.audit.ok)
          io.out(t('cliEvidence:auditLogBrokenEntry', { brokenAt: report.audit.brokenAt, reason: report.audit.reason }))
        for (const g of report.custodyGaps)
          io.out(t('cliEvidence:logged', { caseId: g.caseId, evidenceId: g.evidenceId, gap: describeGap(g) }))
        if (!recorded) io.out(t('cliEvidence:workspaceOpenElsewhereResults'))
      }
      const bad = report.problems.length
      const unreadable = report.unreadableCases?.length ?? 0
      if (bad || !report.audit.ok || report.custodyGaps.length || unreadable) {
        const parts = [
          ...(bad ? [t('cliEvidence:verify.badBlobs', { bad, checked: report.checked })] : []),
          ...(unreadable ? [t('cliEvidence:verify.unreadable', { count: unreadable })] : []),
          ...(!report.audit.ok ? [t('cliEvidence:verify.auditBroken', { at: report.audit.brokenAt ?? '' })] : []),
          ...(report.custodyGaps.length ? [t('cliEvidence:verify.gaps', { count: report.custodyGaps.length })] : []),
        ]
        throw new CommandFailed(parts.join('; '))
      }
      if (!json) io.out(t('cliEvidence:allBlobsMatchAudit', { checked: report.checked, entries: report.audit.entries }))
    },
  },
  {
    name: 'custody show',
    group: 'evidence',
    args: 'ITEM',
    positionals: 1,
    summary: 'cliEvidence:custodyShow.summary',
    options: { ...CASE_HINT },
    examples: ['custody show evidence_sample_clip'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const item = await withWorkspace(
        async (s) => s.evidence.get(await caseHolding(s, 'evidence', positionals[0], values), positionals[0]),
        { readOnly: true },
      )
      if (json) return printJson(io, item.custody)
      io.out(t('cliEvidence:chainCustody', { id: item.id, title: item.title }))
      if (!item.custody.length) return io.out(t('cliEvidence:noCustodyEntries'))
      table(
        [
          [t('cli:col.whenUtc'), t('cli:col.who'), t('cli:col.action'), 'SHA-256', t('cli:col.detail')],
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

export const verificationCommands: Command[] = [
  {
    name: 'evidence inspect',
    args: 'ITEM',
    examples: ['evidence inspect evidence_sample_clip', 'evidence inspect evidence_sample_clip --json'],
    summary: 'cliEvidence:evidenceInspect.summary',
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
    summary: 'cliEvidence:evidenceDuplicates.summary',
    positionals: [0, 1],
    async run({ withWorkspace, io, json, positionals }) {
      const pairs = await withWorkspace(
        async (s) => s.verification.duplicates(positionals[0] ? await caseOf(s, positionals[0]) : undefined),
        { readOnly: true },
      )
      if (json) return printJson(io, pairs)
      if (!pairs.length) return io.out(t('cliEvidence:noNearDuplicatesFound'))
      for (const p of pairs) {
        io.out(`${p.a.title} (${p.a.caseId}/${p.a.evidenceId})`)
        for (const m of p.matches) io.out(`  ${matchText(m)} (${m.caseId}/${m.evidenceId})`)
      }
    },
  },
  {
    name: 'evidence reread',
    args: '[ITEM]',
    examples: [
      'evidence reread evidence_sample_clip',
      'evidence reread --all',
      'evidence reread --all --case ECU-USA-2026-001',
    ],
    summary: 'cliEvidence:evidenceReread.summary',
    positionals: [0, 1],
    options: {
      all: { type: 'boolean', default: false, describe: 'cliEvidence:evidenceReread.opt.all' },
      case: { type: 'string', value: 'CASE', describe: 'cliEvidence:evidenceReread.opt.case' },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const all = values.all === true
      if (all === !!positionals[0]) throw new UsageError(t('cliEvidence:giveExactlyOneItem'))
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
      else for (const i of out.items) io.out(rereadLine(i))
      const failed = out.items.filter((i) => i.status === 'failed').length
      if (failed) throw new CommandFailed(t('cliEvidence:itemCouldReadAgain', { failed, itemCount: out.items.length }))
      if (!json) io.out(t('cliEvidence:itemRead', { filterCount: out.items.filter((i) => i.status === 'read').length }))
    },
  },
]

// Listed with the other evidence commands, so the command table needs no change of its own.
evidenceCommands.push(...verificationCommands)

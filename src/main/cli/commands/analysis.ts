/**
 * Evidence work at the level of ELAN and CaseMap (issue 15) on the command
 * line: transcripts in and out, stills and clips as derived exhibits, and the
 * legal issues of a case.
 */
import { cliLanguage, t } from '../language'
import { inlineDeep } from '../printable'
import { ANNOTATION_FORMATS, ISSUE_STATUSES, type Issue, type IssuePatch } from '@shared/domain'
import {
  type Command,
  example,
  type Options,
  optionalChoice,
  optionalList,
  optionalString,
  printJson,
  requireString,
  table,
  UsageError,
  type Values,
} from '../framework'
import { CASE_HINT, caseHolding, caseOf, removeRecordCommand } from '../lookup'
import { timeOf } from './annotations'

const LINKS: Options = {
  event: { type: 'string', value: 'ID', multiple: true, describe: 'cliCases:LINKS.opt.event' },
  evidence: { type: 'string', value: 'ID', multiple: true, describe: 'cliCases:LINKS.opt.evidence' },
  statute: { type: 'string', value: 'ID', multiple: true, describe: 'cliCases:LINKS.opt.statute' },
}

const ISSUE_FIELDS: Options = {
  question: { type: 'string', value: 'QUESTION', describe: 'cliCases:ISSUE_FIELDS.opt.question' },
  status: {
    type: 'string',
    value: 'STATUS',
    describe: () => t('cliCases:opt.issueStatus', { list: ISSUE_STATUSES.join(', ') }),
  },
  notes: { type: 'string', value: 'TEXT', describe: 'cliCases:ISSUE_FIELDS.opt.notes' },
}

function issueFields(values: Values): IssuePatch {
  const patch: IssuePatch = {
    question: optionalString(values, 'question'),
    status: optionalChoice(values, 'status', ISSUE_STATUSES),
    notes: optionalString(values, 'notes'),
    eventIds: optionalList(values, 'event'),
    evidenceIds: optionalList(values, 'evidence'),
    statuteIds: optionalList(values, 'statute'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as IssuePatch
}

const describeIssue = (i: Issue) =>
  `${i.id} [${i.status}] ${i.question} (${t('cli:issueCounts', { events: i.eventIds.length, exhibits: i.evidenceIds.length, excerpts: i.statuteIds.length })})`

export const analysisCommands: Command[] = [
  {
    name: 'annotation export',
    group: 'annotation',
    args: 'ITEM',
    positionals: 1,
    summary: 'cliCases:annotationExport.summary',
    options: {
      out: { type: 'string', value: 'FILE', required: true, describe: 'cliCases:annotationExport.opt.out' },
      format: {
        type: 'string',
        value: 'FORMAT',
        describe: () => t('cliCases:opt.annotationFormat', { list: ANNOTATION_FORMATS.join(', ') }),
      },
      tier: { type: 'string', value: 'NAME', describe: 'cliCases:annotationExport.opt.tier' },
      ...CASE_HINT,
    },
    examples: [
      example`annotation export evidence_sample_clip --out ${'cliHelp:example.eafFile'}`,
      example`annotation export evidence_sample_clip --tier ${'cliHelp:example.tierSpeech'} --out ${'cliHelp:example.vttFile'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const r = await withWorkspace(
        async (s) =>
          s.transcripts.exportTo(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], {
            outPath: requireString(values, 'out'),
            format: optionalChoice(values, 'format', ANNOTATION_FORMATS),
            tier: optionalString(values, 'tier'),
          }),
        { readOnly: true },
      )
      if (json) return printJson(io, r)
      io.out(t('cliCases:wroteCue', { path: inlineDeep(r.path), format: r.format.toUpperCase(), cues: r.cues }))
    },
  },
  {
    name: 'annotation import',
    group: 'annotation',
    args: 'ITEM FILE',
    positionals: 2,
    summary: 'cliCases:annotationImport.summary',
    options: { tier: { type: 'string', value: 'NAME', describe: 'cliCases:annotationImport.opt.tier' }, ...CASE_HINT },
    examples: [
      example`annotation import evidence_sample_clip ${'cliHelp:example.srtFile'} --tier ${'cliHelp:example.tierTranslation'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const [item, file] = positionals
      const r = await withWorkspace(async (s) =>
        s.transcripts.importFrom(await caseHolding(s, 'evidence', item, values), item, file, {
          tier: optionalString(values, 'tier'),
        }),
      )
      if (json) return printJson(io, r)
      io.out(t('cliCases:addedAnnotation', { addedCount: r.added.length, item }))
      for (const p of r.problems) io.err(t('cliCases:casefileWarningLine', { file, line: p.line, reason: p.message }))
    },
  },
  {
    name: 'evidence still',
    args: 'ITEM',
    positionals: 1,
    summary: 'cliCases:evidenceStill.summary',
    options: {
      at: { type: 'string', value: 'TIME', required: true, describe: 'cliCases:evidenceStill.opt.at' },
      title: { type: 'string', value: 'TITLE', describe: 'cliCases:evidenceStill.opt.title' },
      ...CASE_HINT,
    },
    examples: ['evidence still evidence_sample_clip --at 0:04.2'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const at = timeOf(requireString(values, 'at'), 'at')
      const item = await withWorkspace(async (s) =>
        s.derived.still(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], at, {
          title: optionalString(values, 'title'),
          language: cliLanguage(),
        }),
      )
      if (json) return printJson(io, item)
      io.out(t('cliCases:addedStillSha', { id: item.id, title: item.title, sha256: item.file?.sha256 }))
    },
  },
  {
    name: 'evidence clip',
    args: 'ITEM',
    positionals: 1,
    summary: 'cliCases:evidenceClip.summary',
    options: {
      from: { type: 'string', value: 'TIME', required: true, describe: 'cliCases:evidenceClip.opt.from' },
      to: { type: 'string', value: 'TIME', required: true, describe: 'cliCases:evidenceClip.opt.to' },
      title: { type: 'string', value: 'TITLE', describe: 'cliCases:evidenceClip.opt.title' },
      ...CASE_HINT,
    },
    examples: ['evidence clip evidence_sample_clip --from 0:02 --to 0:05.5'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const from = timeOf(requireString(values, 'from'), 'from')
      const to = timeOf(requireString(values, 'to'), 'to')
      if (to <= from) throw new UsageError(t('cliCases:mustComeAfter'))
      const item = await withWorkspace(async (s) =>
        s.derived.clip(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], from, to, {
          title: optionalString(values, 'title'),
          language: cliLanguage(),
        }),
      )
      if (json) return printJson(io, item)
      io.out(t('cliCases:addedClipSha', { id: item.id, title: item.title, sha256: item.file?.sha256 }))
    },
  },
  {
    name: 'issue add',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:issueAdd.summary',
    options: { ...ISSUE_FIELDS, ...LINKS },
    examples: [
      example`issue add ECU-USA-2026-001 --question ${'cliHelp:example.issueQuestion'} --evidence evidence_video --statute statute_vccr_31`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const fields = issueFields(values)
      if (!fields.question) throw new UsageError(t('cliCases:questionRequired'))
      const issue = await withWorkspace(async (s) =>
        s.issues.add(await caseOf(s, positionals[0]), { ...fields, question: fields.question! }),
      )
      if (json) return printJson(io, issue)
      io.out(t('cliCases:addedIssue', { issue: describeIssue(issue) }))
    },
  },
  {
    name: 'issue list',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:issueList.summary',
    examples: ['issue list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const issues = await withWorkspace(async (s) => s.issues.list(await caseOf(s, positionals[0])), {
        readOnly: true,
      })
      if (json) return printJson(io, issues)
      if (!issues.length) return io.out(t('cliCases:noIssuesYetCasefile'))
      table(
        [
          [t('cli:col.id'), t('cli:col.status'), t('cli:col.question')],
          ...issues.map((i) => [i.id, i.status, i.question]),
        ],
        io,
      )
    },
  },
  {
    name: 'issue edit',
    args: 'ISSUE',
    positionals: 1,
    summary: 'cliCases:issueEdit.summary',
    options: { ...ISSUE_FIELDS, ...LINKS, ...CASE_HINT },
    examples: [example`issue edit issue_0123 --status answered --notes ${'cliHelp:example.issueNotes'}`],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = issueFields(values)
      if (!Object.keys(patch).length) throw new UsageError(t('cliCases:nothingChangeGiveQuestion'))
      const issue = await withWorkspace(async (s) =>
        s.issues.update(await caseHolding(s, 'issue', positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, issue)
      io.out(t('cliCases:updatedIssue', { issue: describeIssue(issue) }))
    },
  },
  {
    name: 'issue link',
    args: 'ISSUE',
    positionals: 1,
    summary: 'cliCases:issueLink.summary',
    options: { ...LINKS, ...CASE_HINT },
    examples: ['issue link issue_0123 --event event_blocked --statute statute_vccr_31'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const links = {
        eventIds: optionalList(values, 'event'),
        evidenceIds: optionalList(values, 'evidence'),
        statuteIds: optionalList(values, 'statute'),
      }
      if (!links.eventIds && !links.evidenceIds && !links.statuteIds)
        throw new UsageError(t('cliCases:giveEventEvidenceStatute'))
      const issue = await withWorkspace(async (s) =>
        s.issues.link(await caseHolding(s, 'issue', positionals[0], values), positionals[0], links),
      )
      if (json) return printJson(io, issue)
      io.out(t('cliCases:linkedIssue', { issue: describeIssue(issue) }))
    },
  },
  removeRecordCommand({
    noun: 'issue',
    kind: 'issue',
    args: 'ISSUE',
    summary: 'cliCases:analysisCommands.summary',
    example: 'issue remove issue_0123',
    remove: (s, caseId, id) => s.issues.remove(caseId, id),
  }),
]

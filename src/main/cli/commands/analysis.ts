/**
 * Evidence work at the level of ELAN and CaseMap (issue 15) on the command
 * line: transcripts in and out, stills and clips as derived exhibits, and the
 * legal issues of a case.
 */
import { ANNOTATION_FORMATS, ISSUE_STATUSES, type Issue, type IssuePatch } from '@shared/domain'
import {
  type Command,
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
  event: { type: 'string', value: 'ID', multiple: true, describe: 'a timeline event that bears on it' },
  evidence: { type: 'string', value: 'ID', multiple: true, describe: 'an evidence item that bears on it' },
  statute: { type: 'string', value: 'ID', multiple: true, describe: 'a statute excerpt that bears on it' },
}

const ISSUE_FIELDS: Options = {
  question: { type: 'string', value: 'Q', describe: 'the legal question, e.g. "Was Art. 31(2) breached?"' },
  status: { type: 'string', value: 'S', describe: `${ISSUE_STATUSES.join(', ')} (default open)` },
  notes: { type: 'string', value: 'TEXT', describe: 'the position taken, or why it is open' },
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
  `${i.id} [${i.status}] ${i.question} (${i.eventIds.length} event(s), ${i.evidenceIds.length} exhibit(s), ${i.statuteIds.length} excerpt(s))`

export const analysisCommands: Command[] = [
  {
    name: 'annotation export',
    group: 'annotation',
    args: 'ITEM',
    positionals: 1,
    summary:
      "Write an item's time-coded annotations as WebVTT or SRT (one tier), or every tier as CSV or ELAN's EAF; the format comes from --out's name unless --format.",
    options: {
      out: { type: 'string', value: 'FILE', required: true, describe: 'where to write (.vtt, .srt, .csv or .eaf)' },
      format: { type: 'string', value: 'F', describe: ANNOTATION_FORMATS.join(', ') },
      tier: { type: 'string', value: 'NAME', describe: 'the tier WebVTT and SRT take (default: the unnamed one)' },
      ...CASE_HINT,
    },
    examples: [
      'annotation export evidence_video --out door.eaf',
      'annotation export evidence_video --tier speech --out door.vtt',
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
      io.out(`Wrote ${r.path} (${r.format.toUpperCase()}, ${r.cues} cue(s))`)
    },
  },
  {
    name: 'annotation import',
    group: 'annotation',
    args: 'ITEM FILE',
    positionals: 2,
    summary:
      'Read a WebVTT, SRT or ELAN EAF file into time-coded annotations of a video or audio item (VTT and SRT onto --tier; EAF keeps its tiers). Lines that cannot be read are listed, never guessed.',
    options: { tier: { type: 'string', value: 'NAME', describe: 'the tier VTT and SRT cues go to' }, ...CASE_HINT },
    examples: ['annotation import evidence_video subtitles.srt --tier translation'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const [item, file] = positionals
      const r = await withWorkspace(async (s) =>
        s.transcripts.importFrom(await caseHolding(s, 'evidence', item, values), item, file, {
          tier: optionalString(values, 'tier'),
        }),
      )
      if (json) return printJson(io, r)
      io.out(`Added ${r.added.length} annotation(s) to ${item}.`)
      for (const p of r.problems) io.err(`casefile: warning: ${file} line ${p.line}: ${p.message}`)
    },
  },
  {
    name: 'evidence still',
    args: 'ITEM',
    positionals: 1,
    summary:
      "Save the frame of a video at --at as a new image exhibit (ffmpeg), with its own SHA-256 and custody naming the source's SHA-256 and the time code; the original is not altered.",
    options: {
      at: { type: 'string', value: 'TIME', required: true, describe: 'the moment: 83.5, 1:23.5 or 00:01:23.5' },
      title: { type: 'string', value: 'T', describe: 'the new exhibit\'s title (default: "Still of … at …")' },
      ...CASE_HINT,
    },
    examples: ['evidence still evidence_video --at 0:14.2'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const at = timeOf(requireString(values, 'at'), 'at')
      const item = await withWorkspace(async (s) =>
        s.derived.still(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], at, {
          title: optionalString(values, 'title'),
        }),
      )
      if (json) return printJson(io, item)
      io.out(`Added still ${item.id}: ${item.title} (SHA-256 ${item.file?.sha256})`)
    },
  },
  {
    name: 'evidence clip',
    args: 'ITEM',
    positionals: 1,
    summary:
      'Cut the part of a video or audio between --from and --to into a new exhibit (ffmpeg), with its own SHA-256 and custody naming the source and the range; the original is not altered.',
    options: {
      from: { type: 'string', value: 'TIME', required: true, describe: 'the start' },
      to: { type: 'string', value: 'TIME', required: true, describe: 'the end' },
      title: { type: 'string', value: 'T', describe: "the new exhibit's title" },
      ...CASE_HINT,
    },
    examples: ['evidence clip evidence_video --from 0:12 --to 0:19.5'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const from = timeOf(requireString(values, 'from'), 'from')
      const to = timeOf(requireString(values, 'to'), 'to')
      if (to <= from) throw new UsageError('--to must come after --from')
      const item = await withWorkspace(async (s) =>
        s.derived.clip(await caseHolding(s, 'evidence', positionals[0], values), positionals[0], from, to, {
          title: optionalString(values, 'title'),
        }),
      )
      if (json) return printJson(io, item)
      io.out(`Added clip ${item.id}: ${item.title} (SHA-256 ${item.file?.sha256})`)
    },
  },
  {
    name: 'issue add',
    args: 'CASE',
    positionals: 1,
    summary: 'Add a legal question the case turns on, with the events, exhibits and excerpts that bear on it.',
    options: { ...ISSUE_FIELDS, ...LINKS },
    examples: [
      'issue add ECU-USA-2026-001 --question "Was Art. 31(2) VCCR breached?" --evidence evidence_video --statute statute_vccr_31_2',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const fields = issueFields(values)
      if (!fields.question) throw new UsageError('--question is required')
      const issue = await withWorkspace(async (s) =>
        s.issues.add(await caseOf(s, positionals[0]), { ...fields, question: fields.question! }),
      )
      if (json) return printJson(io, issue)
      io.out(`Added issue ${describeIssue(issue)}`)
    },
  },
  {
    name: 'issue list',
    args: 'CASE',
    positionals: 1,
    summary: 'List the legal issues of a case with their status and what bears on each.',
    examples: ['issue list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const issues = await withWorkspace(async (s) => s.issues.list(await caseOf(s, positionals[0])), {
        readOnly: true,
      })
      if (json) return printJson(io, issues)
      if (!issues.length) return io.out('No issues yet: casefile issue add CASE --question "…"')
      table([['ID', 'STATUS', 'QUESTION'], ...issues.map((i) => [i.id, i.status, i.question])], io)
    },
  },
  {
    name: 'issue edit',
    args: 'ISSUE',
    positionals: 1,
    summary:
      'Change an issue: only the fields given change (--event, --evidence, --statute replace its links; "" for none).',
    options: { ...ISSUE_FIELDS, ...LINKS, ...CASE_HINT },
    examples: ['issue edit issue_0123 --status answered --notes "Yes: the door was blocked, see Exhibit 1."'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = issueFields(values)
      if (!Object.keys(patch).length)
        throw new UsageError('nothing to change: give --question, --status, --notes or links')
      const issue = await withWorkspace(async (s) =>
        s.issues.update(await caseHolding(s, 'issue', positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, issue)
      io.out(`Updated issue ${describeIssue(issue)}`)
    },
  },
  {
    name: 'issue link',
    args: 'ISSUE',
    positionals: 1,
    summary: 'Add events, exhibits or excerpts to an issue, keeping those it has.',
    options: { ...LINKS, ...CASE_HINT },
    examples: ['issue link issue_0123 --event event_door --statute statute_vccr_31_2'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const links = {
        eventIds: optionalList(values, 'event'),
        evidenceIds: optionalList(values, 'evidence'),
        statuteIds: optionalList(values, 'statute'),
      }
      if (!links.eventIds && !links.evidenceIds && !links.statuteIds)
        throw new UsageError('give --event, --evidence or --statute')
      const issue = await withWorkspace(async (s) =>
        s.issues.link(await caseHolding(s, 'issue', positionals[0], values), positionals[0], links),
      )
      if (json) return printJson(io, issue)
      io.out(`Linked issue ${describeIssue(issue)}`)
    },
  },
  removeRecordCommand({
    noun: 'issue',
    kind: 'issue',
    args: 'ISSUE',
    summary: 'Remove an issue from its case (the events, exhibits and excerpts it named stay).',
    example: 'issue remove issue_0123',
    remove: (s, caseId, id) => s.issues.remove(caseId, id),
  }),
]

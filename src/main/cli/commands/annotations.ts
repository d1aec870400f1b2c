import {
  formatTarget,
  parseTimecode,
  type Annotation,
  type AnnotationPatch,
  type AnnotationTarget,
} from '@shared/domain'
import {
  type Command,
  type Options,
  optionalInt,
  optionalList,
  optionalString,
  printJson,
  table,
  UsageError,
  type Values,
} from '../framework'
import { CASE_HINT, caseHolding } from '../lookup'

const TARGET_OPTIONS: Options = {
  at: { type: 'string', value: 'TIME', describe: 'a moment of a video or audio: 83.5, 1:23.5 or 00:01:23.5' },
  from: { type: 'string', value: 'TIME', describe: 'the start of a time range (with --to)' },
  to: { type: 'string', value: 'TIME', describe: 'the end of a time range (with --from)' },
  page: { type: 'string', value: 'N', describe: 'a page of a document (with --quote)' },
  quote: { type: 'string', value: 'TEXT', describe: 'the exact words on that page' },
  region: {
    type: 'string',
    value: 'X,Y,W,H',
    describe:
      'a rectangle of an image or frame, as fractions of its size (0.1,0.2,0.3,0.25) or percentages (10%,20%,30%,25%)',
  },
}

const FIELD_OPTIONS: Options = {
  text: { type: 'string', value: 'TEXT', describe: 'the annotation itself' },
  tier: { type: 'string', value: 'NAME', describe: 'the lane it belongs to, e.g. speech, actions, translation' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'a tag' },
  event: { type: 'string', value: 'ID', multiple: true, describe: 'a timeline event it bears on ("" for none)' },
  statute: { type: 'string', value: 'ID', multiple: true, describe: 'a statute excerpt it bears on ("" for none)' },
}

export function timeOf(text: string, name: string): number {
  const t = parseTimecode(text)
  if (t === null) throw new UsageError(`--${name} ${text} is not a time code (83.5, 1:23.5 or 00:01:23.5)`)
  return Math.round(t * 1000) / 1000
}

function regionOf(text: string): AnnotationTarget {
  const parts = text.split(',').map((p) => p.trim())
  const nums = parts.map((p) => (p.endsWith('%') ? Number(p.slice(0, -1)) / 100 : Number(p)))
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n) || n < 0 || n > 1))
    throw new UsageError(`--region ${text} is not X,Y,W,H with each from 0 to 1 (or 0% to 100%), e.g. 0.1,0.2,0.3,0.25`)
  const [x, y, width, height] = nums
  return { type: 'region', x, y, width, height }
}

/** The one place the options name, or undefined when they name none. */
function targetOf(values: Values): AnnotationTarget | undefined {
  const at = optionalString(values, 'at')
  const from = optionalString(values, 'from')
  const to = optionalString(values, 'to')
  const page = optionalInt(values, 'page', 1, 1_000_000)
  const quote = optionalString(values, 'quote')
  const region = optionalString(values, 'region')
  const forms = [at !== undefined || from !== undefined || to !== undefined, page !== undefined, region !== undefined]
  if (forms.filter(Boolean).length > 1) throw new UsageError('give one place: --at/--from/--to, --page or --region')
  if (quote !== undefined && page === undefined) throw new UsageError('--quote goes with --page N')
  if (at !== undefined && (from !== undefined || to !== undefined))
    throw new UsageError('give --at TIME for a moment, or --from TIME --to TIME for a range')
  if (at !== undefined) {
    const t = timeOf(at, 'at')
    return { type: 'time', start: t, end: t }
  }
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new UsageError('a time range needs both --from and --to')
    const start = timeOf(from, 'from')
    const end = timeOf(to, 'to')
    if (end < start) throw new UsageError(`--to ${to} is before --from ${from}`)
    return { type: 'time', start, end }
  }
  if (page !== undefined) return { type: 'page', page, quote: quote ?? '' }
  if (region !== undefined) return regionOf(region)
  return undefined
}

function fields(values: Values): Omit<AnnotationPatch, 'target'> {
  const patch = {
    text: optionalString(values, 'text'),
    tier: optionalString(values, 'tier'),
    tags: optionalList(values, 'tag'),
    eventIds: optionalList(values, 'event'),
    statuteIds: optionalList(values, 'statute'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
}

const describe = (a: Annotation) => `${a.id} at ${formatTarget(a.target)}${a.text ? `: ${a.text}` : ''}`

export const annotationCommands: Command[] = [
  {
    name: 'annotation add',
    args: 'ITEM',
    positionals: 1,
    summary:
      'Annotate an evidence item at a place: a moment or time range of a video or audio, a page (and quote) of a document, or a region of an image.',
    options: { ...TARGET_OPTIONS, ...FIELD_OPTIONS, ...CASE_HINT },
    examples: [
      'annotation add evidence_video --from 0:12 --to 0:19.5 --text "Staff close the door on the agent"',
      'annotation add ev_0123456789abcdef --page 2 --quote "shall be inviolable" --text "The protest cites it"',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const target = targetOf(values)
      if (!target) throw new UsageError('say where: --at TIME, --from TIME --to TIME, --page N or --region X,Y,W,H')
      const item = positionals[0]
      const a = await withWorkspace(async (s) =>
        s.annotations.add(await caseHolding(s, 'evidence', item, values), item, { ...fields(values), target }),
      )
      if (json) return printJson(io, a)
      io.out(`Added annotation ${describe(a)}`)
    },
  },
  {
    name: 'annotation list',
    args: 'ITEM',
    positionals: 1,
    summary: 'List the annotations of an evidence item in order of place (time, page, region).',
    options: { ...CASE_HINT },
    examples: ['annotation list evidence_video'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const item = positionals[0]
      const list = await withWorkspace(
        async (s) => s.annotations.list(await caseHolding(s, 'evidence', item, values), item),
        { readOnly: true },
      )
      if (json) return printJson(io, list)
      if (!list.length)
        return io.out('No annotations on this item yet (casefile annotation add ITEM --at TIME --text T).')
      table(
        [
          ['ID', 'WHERE', 'TAGS', 'TEXT'],
          ...list.map((a) => [
            a.id,
            formatTarget(a.target) + (a.target.type === 'page' && a.target.quote ? ` “${a.target.quote}”` : ''),
            a.tags.join(',') || '—',
            a.text,
          ]),
        ],
        io,
      )
    },
  },
  {
    name: 'annotation edit',
    args: 'ANNOTATION',
    positionals: 1,
    summary: 'Change an annotation: a new place (any one form, as annotation add takes) or text, tags and links.',
    options: { ...TARGET_OPTIONS, ...FIELD_OPTIONS },
    examples: ['annotation edit ann_0123456789abcdef --to 0:21 --from 0:12 --tag door'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const target = targetOf(values)
      const patch: AnnotationPatch = { ...fields(values), ...(target ? { target } : {}) }
      if (!Object.keys(patch).length)
        throw new UsageError('nothing to change: give a place, --text, --tag, --event or --statute')
      const a = await withWorkspace(async (s) => {
        const { caseId, evidenceId } = await s.annotations.locate(positionals[0])
        return s.annotations.update(caseId, evidenceId, positionals[0], patch)
      })
      if (json) return printJson(io, a)
      io.out(`Updated annotation ${describe(a)}`)
    },
  },
  {
    name: 'annotation remove',
    args: 'ANNOTATION',
    positionals: 1,
    summary: 'Remove an annotation.',
    examples: ['annotation remove ann_0123456789abcdef'],
    async run({ withWorkspace, io, json, positionals }) {
      const where = await withWorkspace(async (s) => {
        const w = await s.annotations.locate(positionals[0])
        await s.annotations.remove(w.caseId, w.evidenceId, positionals[0])
        return w
      })
      if (json) return printJson(io, { removed: true, ...where, annotationId: positionals[0] })
      io.out(`Removed annotation ${positionals[0]} from evidence ${where.evidenceId}`)
    },
  },
]

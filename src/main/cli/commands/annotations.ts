import { cliLanguage, t } from '../language'
import {
  formatTarget,
  parseTimecode,
  type Annotation,
  type AnnotationPatch,
  type AnnotationTarget,
} from '@shared/domain'
import {
  type Command,
  example,
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
  at: { type: 'string', value: 'TIME', describe: 'cliEvidence:TARGET_OPTIONS.opt.at' },
  from: { type: 'string', value: 'TIME', describe: 'cliEvidence:TARGET_OPTIONS.opt.from' },
  to: { type: 'string', value: 'TIME', describe: 'cliEvidence:TARGET_OPTIONS.opt.to' },
  page: { type: 'string', value: 'PAGE', describe: 'cliEvidence:TARGET_OPTIONS.opt.page' },
  quote: { type: 'string', value: 'TEXT', describe: 'cliEvidence:TARGET_OPTIONS.opt.quote' },
  region: {
    type: 'string',
    value: 'X,Y,W,H',
    describe: 'cliEvidence:TARGET_OPTIONS.opt.region',
  },
}

const FIELD_OPTIONS: Options = {
  text: { type: 'string', value: 'TEXT', describe: 'cliEvidence:FIELD_OPTIONS.opt.text' },
  tier: { type: 'string', value: 'NAME', describe: 'cliEvidence:FIELD_OPTIONS.opt.tier' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'cliEvidence:evidenceEdit.opt.tag' },
  event: { type: 'string', value: 'ID', multiple: true, describe: 'cliEvidence:FIELD_OPTIONS.opt.event' },
  statute: { type: 'string', value: 'ID', multiple: true, describe: 'cliEvidence:FIELD_OPTIONS.opt.statute' },
}

export function timeOf(text: string, name: string): number {
  const secs = parseTimecode(text)
  if (secs === null) throw new UsageError(t('cliEvidence:timeCode', { name, text }))
  return Math.round(secs * 1000) / 1000
}

function regionOf(text: string): AnnotationTarget {
  const parts = text.split(',').map((p) => p.trim())
  const nums = parts.map((p) => (p.endsWith('%') ? Number(p.slice(0, -1)) / 100 : Number(p)))
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n) || n < 0 || n > 1))
    throw new UsageError(t('cliEvidence:regionEach', { text }))
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
  if (forms.filter(Boolean).length > 1) throw new UsageError(t('cliEvidence:giveOnePlacePage'))
  if (quote !== undefined && page === undefined) throw new UsageError(t('cliEvidence:quoteGoesPage'))
  if (at !== undefined && (from !== undefined || to !== undefined))
    throw new UsageError(t('cliEvidence:giveTimeMomentTime'))
  if (at !== undefined) {
    const moment = timeOf(at, 'at')
    return { type: 'time', start: moment, end: moment }
  }
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new UsageError(t('cliEvidence:timeRangeNeedsBoth'))
    const start = timeOf(from, 'from')
    const end = timeOf(to, 'to')
    if (end < start) throw new UsageError(t('cliEvidence:before', { to, from }))
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

const where = (a: Annotation) => formatTarget(a.target, cliLanguage() === 'es' ? 'es' : 'en')
const describe = (a: Annotation) =>
  `${t('cli:annotationAt', { id: a.id, where: where(a) })}${a.text ? `: ${a.text}` : ''}`

export const annotationCommands: Command[] = [
  {
    name: 'annotation add',
    args: 'ITEM',
    positionals: 1,
    summary: 'cliEvidence:annotationAdd.summary',
    options: { ...TARGET_OPTIONS, ...FIELD_OPTIONS, ...CASE_HINT },
    examples: [
      example`annotation add evidence_sample_clip --from 0:02 --to 0:05.5 --text ${'cliHelp:example.annotationText'}`,
      example`annotation add ev_0123456789abcdef --page 2 --quote ${'cliHelp:example.annotationQuote'} --text ${'cliHelp:example.annotationNote'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const target = targetOf(values)
      if (!target) throw new UsageError(t('cliEvidence:sayWhereTimeTime'))
      const item = positionals[0]
      const a = await withWorkspace(async (s) =>
        s.annotations.add(await caseHolding(s, 'evidence', item, values), item, { ...fields(values), target }),
      )
      if (json) return printJson(io, a)
      io.out(t('cliEvidence:addedAnnotation', { value: describe(a) }))
    },
  },
  {
    name: 'annotation list',
    args: 'ITEM',
    positionals: 1,
    summary: 'cliEvidence:annotationList.summary',
    options: { ...CASE_HINT },
    examples: ['annotation list evidence_sample_clip'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const item = positionals[0]
      const list = await withWorkspace(
        async (s) => s.annotations.list(await caseHolding(s, 'evidence', item, values), item),
        { readOnly: true },
      )
      if (json) return printJson(io, list)
      if (!list.length) return io.out(t('cliEvidence:noAnnotationsItemYet'))
      table(
        [
          [t('cli:col.id'), t('cli:col.where'), t('cli:col.tags'), t('cli:col.text')],
          ...list.map((a) => [
            a.id,
            where(a) + (a.target.type === 'page' && a.target.quote ? ` “${a.target.quote}”` : ''),
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
    summary: 'cliEvidence:annotationEdit.summary',
    options: { ...TARGET_OPTIONS, ...FIELD_OPTIONS },
    examples: [example`annotation edit ann_0123456789abcdef --to 0:21 --from 0:12 --tag ${'cliHelp:example.tagDoor'}`],
    async run({ withWorkspace, io, json, values, positionals }) {
      const target = targetOf(values)
      const patch: AnnotationPatch = { ...fields(values), ...(target ? { target } : {}) }
      if (!Object.keys(patch).length) throw new UsageError(t('cliEvidence:nothingChangeGivePlace'))
      const a = await withWorkspace(async (s) => {
        const { caseId, evidenceId } = await s.annotations.locate(positionals[0])
        return s.annotations.update(caseId, evidenceId, positionals[0], patch)
      })
      if (json) return printJson(io, a)
      io.out(t('cliEvidence:updatedAnnotation', { value: describe(a) }))
    },
  },
  {
    name: 'annotation remove',
    args: 'ANNOTATION',
    positionals: 1,
    summary: 'cliEvidence:annotationRemove.summary',
    examples: ['annotation remove ann_0123456789abcdef'],
    async run({ withWorkspace, io, json, positionals }) {
      const where = await withWorkspace(async (s) => {
        const w = await s.annotations.locate(positionals[0])
        await s.annotations.remove(w.caseId, w.evidenceId, positionals[0])
        return w
      })
      if (json) return printJson(io, { removed: true, ...where, annotationId: positionals[0] })
      io.out(t('cliEvidence:removedAnnotationEvidence', { positionals: positionals[0], evidenceId: where.evidenceId }))
    },
  },
]

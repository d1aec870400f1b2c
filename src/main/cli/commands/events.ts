import { cliLanguage, t } from '../language'
import { formatEventTime, PRECISIONS, type EventPatch, type TimelineEvent } from '@shared/domain'
import {
  type CliIO,
  type Command,
  dateTimeOf,
  example,
  type Options,
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

const EVENT_FIELDS: Options = {
  tz: {
    type: 'string',
    value: 'ZONE',
    describe: 'cliCases:EVENT_FIELDS.opt.tz',
  },
  text: { type: 'string', value: 'TEXT', describe: 'cliCases:EVENT_FIELDS.opt.text' },
  title: { type: 'string', value: 'TEXT', describe: 'cliCases:EVENT_FIELDS.opt.title' },
  precision: {
    type: 'string',
    value: 'PRECISION',
    describe: () => t('cliCases:opt.precision', { list: PRECISIONS.join(', ') }),
  },
  description: { type: 'string', value: 'TEXT', describe: 'cliCases:EVENT_FIELDS.opt.description' },
  location: { type: 'string', value: 'PLACE', describe: 'cliCases:EVENT_FIELDS.opt.location' },
  place: {
    type: 'string',
    value: 'LAT,LON',
    describe: 'cliCases:EVENT_FIELDS.opt.place',
  },
  actor: { type: 'string', value: 'ID', multiple: true, describe: 'cliCases:EVENT_FIELDS.opt.actor' },
  evidence: {
    type: 'string',
    value: 'ID',
    multiple: true,
    describe: 'cliCases:EVENT_FIELDS.opt.evidence',
  },
  source: { type: 'string', value: 'SOURCE', multiple: true, describe: 'cliCases:EVENT_FIELDS.opt.source' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'cliCases:CASE_FIELDS.opt.tag' },
}

/** --place LAT,LON as a position; '' clears it (null), absent leaves it. */
function placeOf(values: Values): EventPatch['place'] {
  const text = optionalString(values, 'place')
  if (text === undefined) return undefined
  if (!text.trim()) return null
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text)
  const [latitude, longitude] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN]
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
    throw new UsageError(t('cliCases:placeMustLatitudeLongitude'))
  return { latitude, longitude }
}

/** The fields given, without the time (which needs the zone the event has). */
function eventFields(values: Values): EventPatch {
  const text = optionalString(values, 'text')
  const title = optionalString(values, 'title')
  if (text !== undefined && title !== undefined && text !== title)
    throw new UsageError(t('cliCases:giveDescriptionOnceText'))
  const patch: EventPatch = {
    title: text ?? title,
    precision: optionalChoice(values, 'precision', PRECISIONS),
    description: optionalString(values, 'description'),
    location: optionalString(values, 'location'),
    place: placeOf(values),
    actorIds: optionalList(values, 'actor'),
    evidenceIds: optionalList(values, 'evidence'),
    sources: optionalList(values, 'source'),
    tags: optionalList(values, 'tag'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as EventPatch
}

const describe = (e: TimelineEvent) => `${e.id}: ${formatEventTime(e, cliLanguage())} — ${e.title}`

function printEvent(e: TimelineEvent, verb: 'added' | 'updated', zoneNote: string | null, io: CliIO) {
  io.out(t('cliCases:event', { verb, value: describe(e) }))
  if (e.actorIds.length) io.out(t('cliCases:actors', { actorIdList: e.actorIds.join(', ') }))
  if (e.evidenceIds.length) io.out(t('cliCases:evidence', { evidenceIdList: e.evidenceIds.join(', ') }))
  if (zoneNote) io.out(`  ${zoneNote}`)
}

export const eventCommands: Command[] = [
  {
    name: 'event add',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:eventAdd.summary',
    options: {
      at: { type: 'string', value: 'WHEN', required: true, describe: 'cliCases:eventAdd.opt.at' },
      ...EVENT_FIELDS,
    },
    examples: [
      example`event add ECU-USA-2026-001 --at 2026-01-27T11:00 --tz America/Chicago --text ${'cliHelp:example.eventText'} --precision approximate --actor actor_ice_agent`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const fields = eventFields(values)
      if (!fields.title) throw new UsageError(t('cliCases:textRequiredWhatHappened'))
      const given = optionalZone(values)
      const atText = String(values.at)
      if (given) dateTimeOf(atText, given, '--at') // a bad time is bad usage before anything opens
      let zone = given
      const event = await withWorkspace(async (s) => {
        zone ??= (await s.workspace.settings()).defaultTimeZone
        const at = dateTimeOf(atText, zone, '--at', io)
        return s.cases.addEvent(await caseOf(s, positionals[0]), {
          ...fields,
          place: fields.place ?? undefined,
          title: fields.title!,
          at,
          tz: zone,
        })
      })
      if (json) return printJson(io, event)
      printEvent(event, 'added', given ? null : t('cliCases:readInDefaultZone', { zone }), io)
    },
  },
  {
    name: 'event list',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:eventList.summary',
    examples: ['event list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const events = await withWorkspace(async (s) => (await s.cases.content(await caseOf(s, positionals[0]))).events, {
        readOnly: true,
      })
      if (json) return printJson(io, events)
      if (!events.length) return io.out(t('cliCases:noEventsCaseYet'))
      table(
        [
          [t('cli:col.id'), t('cli:col.when'), t('cli:col.actors'), t('cli:col.evidence'), t('cli:col.what')],
          ...events.map((e) => [
            e.id,
            formatEventTime(e, cliLanguage()),
            String(e.actorIds.length),
            String(e.evidenceIds.length),
            e.title,
          ]),
        ],
        io,
      )
    },
  },
  {
    name: 'event edit',
    args: 'EVENT',
    positionals: 1,
    summary: 'cliCases:eventEdit.summary',
    options: {
      at: { type: 'string', value: 'WHEN', describe: 'cliCases:eventEdit.opt.at' },
      ...EVENT_FIELDS,
      ...CASE_HINT,
    },
    examples: ['event edit event_blocked --evidence evidence_video --evidence evidence_bulletin'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = eventFields(values)
      const tz = optionalZone(values)
      const atText = optionalString(values, 'at')
      if (!Object.keys(patch).length && tz === undefined && atText === undefined)
        throw new UsageError(t('cliCases:nothingChangeGiveTz'))
      let note: string | null = null
      const event = await withWorkspace(async (s) => {
        const id = positionals[0]
        const caseId = await caseHolding(s, 'event', id, values)
        if (atText !== undefined) {
          const zone = tz ?? (await s.cases.content(caseId)).events.find((e) => e.id === id)?.tz ?? 'UTC'
          if (!tz) note = t('cliCases:readInEventZone', { zone })
          patch.at = dateTimeOf(atText, zone, '--at', io)
        }
        if (tz) patch.tz = tz
        return s.cases.updateEvent(caseId, id, patch)
      })
      if (json) return printJson(io, event)
      printEvent(event, 'updated', note, io)
    },
  },
  removeRecordCommand({
    noun: 'event',
    kind: 'event',
    args: 'EVENT',
    summary: 'cliCases:eventCommands.summary',
    example: 'event remove event_no_us_statement',
    remove: async (s, caseId, id) => void (await s.cases.removeEvent(caseId, id)),
  }),
]

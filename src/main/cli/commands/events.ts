import { formatEventTime, PRECISIONS, type EventPatch, type TimelineEvent } from '@shared/domain'
import {
  type CliIO,
  type Command,
  dateTimeOf,
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
    describe:
      "the IANA zone --at is read in and the event is shown in (event add: the workspace's default zone, UTC unless set)",
  },
  text: { type: 'string', value: 'T', describe: 'what happened, in one line' },
  title: { type: 'string', value: 'T', describe: 'the same as --text' },
  precision: { type: 'string', value: 'P', describe: `how exact --at is: ${PRECISIONS.join(', ')} (default exact)` },
  description: { type: 'string', value: 'TEXT', describe: 'more detail' },
  location: { type: 'string', value: 'PLACE', describe: 'where it happened' },
  place: {
    type: 'string',
    value: 'LAT,LON',
    describe:
      'where it happened as a position, e.g. 44.9778,-93.2650 (checked against photo and video metadata; "" for none)',
  },
  actor: { type: 'string', value: 'ID', multiple: true, describe: 'an actor of the case who took part ("" for none)' },
  evidence: {
    type: 'string',
    value: 'ID',
    multiple: true,
    describe: 'an evidence item of the case that supports it ("" for none)',
  },
  source: { type: 'string', value: 'S', multiple: true, describe: 'a source named in words or as a URL' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'a tag' },
}

/** --place LAT,LON as a position; '' clears it (null), absent leaves it. */
function placeOf(values: Values): EventPatch['place'] {
  const text = optionalString(values, 'place')
  if (text === undefined) return undefined
  if (!text.trim()) return null
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text)
  const [latitude, longitude] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN]
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
    throw new UsageError('--place must be a latitude and a longitude in degrees, e.g. 44.9778,-93.2650')
  return { latitude, longitude }
}

/** The fields given, without the time (which needs the zone the event has). */
function eventFields(values: Values): EventPatch {
  const text = optionalString(values, 'text')
  const title = optionalString(values, 'title')
  if (text !== undefined && title !== undefined && text !== title)
    throw new UsageError('give the description once: --text or --title')
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

const describe = (e: TimelineEvent) => `${e.id}: ${formatEventTime(e)} — ${e.title}`

function printEvent(e: TimelineEvent, verb: string, zoneNote: string | null, io: CliIO) {
  io.out(`${verb} event ${describe(e)}`)
  if (e.actorIds.length) io.out(`  Actors: ${e.actorIds.join(', ')}`)
  if (e.evidenceIds.length) io.out(`  Evidence: ${e.evidenceIds.join(', ')}`)
  if (zoneNote) io.out(`  ${zoneNote}`)
}

export const eventCommands: Command[] = [
  {
    name: 'event add',
    args: 'CASE',
    positionals: 1,
    summary:
      'Add a timeline event. --at is a local date-time read in --tz (2026-01-27T11:00, or a day 2026-01-27), or an instant with an offset (2026-01-27T17:00Z).',
    options: {
      at: { type: 'string', value: 'WHEN', required: true, describe: 'when it happened' },
      ...EVENT_FIELDS,
    },
    examples: [
      'event add ECU-USA-2026-001 --at 2026-01-27T11:00 --tz America/Chicago --text "Agent approaches the door" --precision approximate --actor actor_ice_agent',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const fields = eventFields(values)
      if (!fields.title) throw new UsageError('--text is required (what happened, in one line)')
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
      printEvent(
        event,
        'Added',
        given ? null : `Time read in ${zone}, the workspace's default zone (no --tz given).`,
        io,
      )
    },
  },
  {
    name: 'event list',
    args: 'CASE',
    positionals: 1,
    summary: 'List the timeline of a case in time order, each event in its own zone.',
    examples: ['event list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const events = await withWorkspace(async (s) => (await s.cases.content(await caseOf(s, positionals[0]))).events, {
        readOnly: true,
      })
      if (json) return printJson(io, events)
      if (!events.length) return io.out('No events in this case yet (casefile event add CASE --at WHEN --text T).')
      table(
        [
          ['ID', 'WHEN', 'ACTORS', 'EVIDENCE', 'WHAT'],
          ...events.map((e) => [
            e.id,
            formatEventTime(e),
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
    summary:
      'Change an event: only the fields given change; --actor, --evidence, --source and --tag replace their list. --at is read in --tz, else in the zone the event already has; --tz alone keeps the instant and shows it in the new zone.',
    options: { at: { type: 'string', value: 'WHEN', describe: 'a new time' }, ...EVENT_FIELDS, ...CASE_HINT },
    examples: ['event edit event_blocked --evidence evidence_video --evidence evidence_bulletin'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = eventFields(values)
      const tz = optionalZone(values)
      const atText = optionalString(values, 'at')
      if (!Object.keys(patch).length && tz === undefined && atText === undefined)
        throw new UsageError('nothing to change: give --at, --tz, --text or another field (casefile help event edit)')
      let note: string | null = null
      const event = await withWorkspace(async (s) => {
        const id = positionals[0]
        const caseId = await caseHolding(s, 'event', id, values)
        if (atText !== undefined) {
          const zone = tz ?? (await s.cases.content(caseId)).events.find((e) => e.id === id)?.tz ?? 'UTC'
          if (!tz) note = `Time read in the event's zone, ${zone}.`
          patch.at = dateTimeOf(atText, zone, '--at', io)
        }
        if (tz) patch.tz = tz
        return s.cases.updateEvent(caseId, id, patch)
      })
      if (json) return printJson(io, event)
      printEvent(event, 'Updated', note, io)
    },
  },
  removeRecordCommand({
    noun: 'event',
    kind: 'event',
    args: 'EVENT',
    summary: 'Remove an event from the timeline.',
    example: 'event remove event_no_us_statement',
    remove: async (s, caseId, id) => void (await s.cases.removeEvent(caseId, id)),
  }),
]

import { formatEventTime, isValidTimeZone, PRECISIONS, resolveLocalTime, type Precision } from '@shared/domain'
import { type Command, optionalString, requireString, table, UsageError } from '../framework'
import { printCase } from './printCase'

export const casesCommands: Command[] = [
  {
    name: 'demo',
    usage: 'demo [--workspace DIR]',
    summary:
      'Create the demo workspace: the Minneapolis consulate case, its evidence, the VCCR excerpt and a draft briefing.',
    async run({ withWorkspace, io, json, workspaceDir }) {
      const id = await withWorkspace((s) => s.demo.install())
      if (json) io.out(JSON.stringify({ workspace: workspaceDir, caseId: id }))
      else io.out(`Demo case ${id} created in ${workspaceDir}`)
    },
  },
  {
    name: 'cases',
    usage: 'cases [--workspace DIR] [--json]',
    summary: 'List the cases of the workspace, most recently changed first.',
    async run({ withWorkspace, io, json }) {
      const list = await withWorkspace((s) => s.cases.list(), { readOnly: true })
      if (json) return io.out(JSON.stringify(list, null, 2))
      if (!list.length) return io.out('No cases yet. Create one with: casefile case new --title "…"')
      table(
        [
          ['REFERENCE', 'STATUS', 'CLASSIFICATION', 'ID', 'TITLE'],
          ...list.map((c) => [c.reference || '—', c.status, c.classification, c.id, c.title]),
        ],
        io,
      )
    },
  },
  {
    name: 'show',
    usage: 'show CASE [--workspace DIR] [--json]',
    summary:
      'Print one case whole: overview, actors, timeline, evidence, linked statute excerpts and briefings. CASE is an id or a reference.',
    positionals: 1,
    async run({ withWorkspace, io, json, positionals }) {
      const detail = await withWorkspace(async (s) => s.caseDetail.get(await s.cases.resolve(positionals[0])), {
        readOnly: true,
      })
      if (json) return io.out(JSON.stringify(detail, null, 2))
      printCase(detail, io)
    },
  },
  {
    name: 'case new',
    usage: 'case new --title T [--reference R] [--classification C] [--workspace DIR] [--json]',
    summary: 'Create a case.',
    options: { title: { type: 'string' }, reference: { type: 'string' }, classification: { type: 'string' } },
    async run({ withWorkspace, io, json, values }) {
      const title = requireString(values, 'title')
      const c = await withWorkspace((s) =>
        s.cases.create({
          title,
          reference: optionalString(values, 'reference'),
          classification: optionalString(values, 'classification'),
        }),
      )
      if (json) io.out(JSON.stringify(c, null, 2))
      else io.out(`Created case ${c.id}${c.reference ? ` (${c.reference})` : ''}: ${c.title}`)
    },
  },
  {
    name: 'event add',
    usage:
      'event add CASE --at ISO --tz ZONE --text T [--precision exact|approximate|day|month] [--workspace DIR] [--json]',
    summary:
      'Add a timeline event. --at is a local date-time read in --tz (2026-01-27T11:00), or an instant with an offset.',
    positionals: 1,
    options: {
      at: { type: 'string' },
      tz: { type: 'string' },
      text: { type: 'string' },
      precision: { type: 'string' },
    },
    async run({ withWorkspace, io, json, values, positionals }) {
      const tz = requireString(values, 'tz')
      if (!isValidTimeZone(tz))
        throw new UsageError(`--tz ${tz} is not an IANA time zone (for example America/Chicago)`)
      const resolved = resolveLocalTime(requireString(values, 'at'), tz)
      if (!resolved) throw new UsageError(`--at ${String(values.at)} is not a date-time (for example 2026-01-27T11:00)`)
      const at = resolved.instant
      // A time the clocks skipped or repeated: said, not silently moved.
      if (resolved.note) io.err(`casefile: note: ${resolved.note}`)
      const precision = optionalString(values, 'precision') ?? 'exact'
      if (!(PRECISIONS as readonly string[]).includes(precision))
        throw new UsageError(`--precision must be one of ${PRECISIONS.join(', ')}`)
      const event = await withWorkspace(async (s) =>
        s.cases.addEvent(await s.cases.resolve(positionals[0]), {
          at,
          tz,
          precision: precision as Precision,
          title: requireString(values, 'text'),
        }),
      )
      if (json) io.out(JSON.stringify(event, null, 2))
      else io.out(`Added event ${event.id}: ${formatEventTime(event)} — ${event.title}`)
    },
  },
]

import type { Actor, ActorPatch } from '@shared/domain'
import { type Command, type Options, optionalString, printJson, table, UsageError, type Values } from '../framework'
import { CASE_HINT, caseHolding, caseOf, removeRecordCommand } from '../lookup'

const ACTOR_FIELDS: Options = {
  role: { type: 'string', value: 'R', describe: 'what they are in the case, e.g. "consular official"' },
  affiliation: { type: 'string', value: 'A', describe: 'whom they belong to, e.g. "Consulate of Ecuador"' },
  notes: { type: 'string', value: 'TEXT', describe: 'anything else worth knowing' },
}

function actorFields(values: Values): ActorPatch {
  const patch: ActorPatch = {
    name: optionalString(values, 'name'),
    role: optionalString(values, 'role'),
    affiliation: optionalString(values, 'affiliation'),
    notes: optionalString(values, 'notes'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as ActorPatch
}

const describe = (a: Actor) =>
  `${a.id}: ${a.name}${a.role ? ` — ${a.role}` : ''}${a.affiliation ? ` [${a.affiliation}]` : ''}`

export const actorCommands: Command[] = [
  {
    name: 'actor add',
    args: 'CASE',
    positionals: 1,
    summary: 'Add a person or body to a case.',
    options: { name: { type: 'string', value: 'N', required: true, describe: 'who it is' }, ...ACTOR_FIELDS },
    examples: ['actor add ECU-USA-2026-001 --name "ICE agent, unnamed" --role agent --affiliation "US ICE"'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const { name, withhold, ...rest } = actorFields(values)
      const actor = await withWorkspace(async (s) =>
        s.cases.addActor(await caseOf(s, positionals[0]), { ...rest, withhold: withhold ?? undefined, name: name! }),
      )
      if (json) return printJson(io, actor)
      io.out(`Added actor ${describe(actor)}`)
    },
  },
  {
    name: 'actor list',
    args: 'CASE',
    positionals: 1,
    summary: 'List the actors of a case with their ids (events link them by id).',
    examples: ['actor list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const actors = await withWorkspace(async (s) => (await s.cases.content(await caseOf(s, positionals[0]))).actors, {
        readOnly: true,
      })
      if (json) return printJson(io, actors)
      if (!actors.length) return io.out('No actors in this case yet (casefile actor add CASE --name N).')
      table([['ID', 'NAME', 'ROLE', 'AFFILIATION'], ...actors.map((a) => [a.id, a.name, a.role, a.affiliation])], io)
    },
  },
  {
    name: 'actor edit',
    args: 'ACTOR',
    positionals: 1,
    summary: 'Change an actor: only the fields given change.',
    options: { name: { type: 'string', value: 'N', describe: 'a new name' }, ...ACTOR_FIELDS, ...CASE_HINT },
    examples: ['actor edit actor_ice_agent --role "immigration agent"'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = actorFields(values)
      if (!Object.keys(patch).length)
        throw new UsageError('nothing to change: give --name, --role, --affiliation or --notes')
      const actor = await withWorkspace(async (s) =>
        s.cases.updateActor(await caseHolding(s, 'actor', positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, actor)
      io.out(`Updated actor ${describe(actor)}`)
    },
  },
  removeRecordCommand({
    noun: 'actor',
    kind: 'actor',
    args: 'ACTOR',
    summary: 'Remove an actor from its case; events that named it no longer do.',
    example: 'actor remove actor_ice_agent',
    remove: (s, caseId, id) => s.cases.removeActor(caseId, id),
  }),
]

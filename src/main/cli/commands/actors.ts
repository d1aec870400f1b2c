import { t } from '../language'
import type { Actor, ActorPatch } from '@shared/domain'
import {
  type Command,
  example,
  type Options,
  optionalString,
  printJson,
  table,
  UsageError,
  type Values,
} from '../framework'
import { CASE_HINT, caseHolding, caseOf, removeRecordCommand } from '../lookup'

const ACTOR_FIELDS: Options = {
  role: { type: 'string', value: 'ROLE', describe: 'cliCases:ACTOR_FIELDS.opt.role' },
  affiliation: { type: 'string', value: 'AFFILIATION', describe: 'cliCases:ACTOR_FIELDS.opt.affiliation' },
  notes: { type: 'string', value: 'TEXT', describe: 'cliCases:ACTOR_FIELDS.opt.notes' },
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
    summary: 'cliCases:actorAdd.summary',
    options: {
      name: { type: 'string', value: 'NAME', required: true, describe: 'cliCases:actorAdd.opt.name' },
      ...ACTOR_FIELDS,
    },
    examples: [
      example`actor add ECU-USA-2026-001 --name ${'cliHelp:example.actorName'} --role ${'cliHelp:example.actorRole'} --affiliation ${'cliHelp:example.actorAffiliation'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const { name, withhold, ...rest } = actorFields(values)
      const actor = await withWorkspace(async (s) =>
        s.cases.addActor(await caseOf(s, positionals[0]), { ...rest, withhold: withhold ?? undefined, name: name! }),
      )
      if (json) return printJson(io, actor)
      io.out(t('cliCases:addedActor', { value: describe(actor) }))
    },
  },
  {
    name: 'actor list',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:actorList.summary',
    examples: ['actor list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const actors = await withWorkspace(async (s) => (await s.cases.content(await caseOf(s, positionals[0]))).actors, {
        readOnly: true,
      })
      if (json) return printJson(io, actors)
      if (!actors.length) return io.out(t('cliCases:noActorsCaseYet'))
      table(
        [
          [t('cli:col.id'), t('cli:col.name'), t('cli:col.role'), t('cli:col.affiliation')],
          ...actors.map((a) => [a.id, a.name, a.role, a.affiliation]),
        ],
        io,
      )
    },
  },
  {
    name: 'actor edit',
    args: 'ACTOR',
    positionals: 1,
    summary: 'cliCases:actorEdit.summary',
    options: {
      name: { type: 'string', value: 'NAME', describe: 'cliCases:actorEdit.opt.name' },
      ...ACTOR_FIELDS,
      ...CASE_HINT,
    },
    examples: [example`actor edit actor_ice_agent --role ${'cliHelp:example.actorNewRole'}`],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = actorFields(values)
      if (!Object.keys(patch).length) throw new UsageError(t('cliCases:nothingChangeGiveName'))
      const actor = await withWorkspace(async (s) =>
        s.cases.updateActor(await caseHolding(s, 'actor', positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, actor)
      io.out(t('cliCases:updatedActor', { value: describe(actor) }))
    },
  },
  removeRecordCommand({
    noun: 'actor',
    kind: 'actor',
    args: 'ACTOR',
    summary: 'cliCases:actorCommands.summary',
    example: 'actor remove actor_ice_agent',
    remove: (s, caseId, id) => s.cases.removeActor(caseId, id),
  }),
]

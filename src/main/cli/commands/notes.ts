import { t } from '../language'
import { richTextFromPlain, richTextToPlain, type Note, type NotePatch } from '@shared/domain'
import {
  type CliIO,
  type Command,
  example,
  type Options,
  optionalList,
  optionalString,
  printJson,
  readTextFile,
  UsageError,
  type Values,
} from '../framework'
import { CASE_HINT, caseHolding, caseOf, removeRecordCommand } from '../lookup'

const NOTE_FIELDS: Options = {
  title: { type: 'string', value: 'TITLE', describe: 'cliCases:NOTE_FIELDS.opt.title' },
  text: {
    type: 'string',
    value: 'TEXT',
    describe: 'cliCases:NOTE_FIELDS.opt.text',
  },
  'text-file': { type: 'string', value: 'FILE', describe: 'cliCases:NOTE_FIELDS.opt.textFile' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'cliCases:CASE_FIELDS.opt.tag' },
}

/** The note's fields; the plain text becomes the rich-text document the window edits. */
async function noteFields(values: Values): Promise<NotePatch> {
  const text = optionalString(values, 'text')
  const file = optionalString(values, 'text-file')
  if (text !== undefined && file !== undefined) throw new UsageError(t('cliCases:giveTextTextFile'))
  const body = file !== undefined ? await readTextFile(file, '--text-file') : text
  const patch: NotePatch = {
    title: optionalString(values, 'title'),
    body: body === undefined ? undefined : richTextFromPlain(body),
    tags: optionalList(values, 'tag'),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
}

function printNote(n: Note, io: CliIO) {
  io.out(
    t('cliCases:updated', {
      id: n.id,
      value: n.title || t('cli:untitled'),
      updatedAt: n.updatedAt,
      value2: n.tags.length ? `  [${n.tags.join(', ')}]` : '',
    }),
  )
  for (const line of richTextToPlain(n.body).split('\n')) io.out(`    ${line}`)
}

export const noteCommands: Command[] = [
  {
    name: 'note add',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:noteAdd.summary',
    options: NOTE_FIELDS,
    examples: [
      example`note add ECU-USA-2026-001 --title ${'cliHelp:example.noteTitle'} --text ${'cliHelp:example.noteText'}`,
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const { body, ...rest } = await noteFields(values)
      if (!body?.content?.length && !rest.title?.trim()) throw new UsageError(t('cliCases:giveTextTextFile2'))
      const note = await withWorkspace(async (s) =>
        s.notes.add(await caseOf(s, positionals[0]), { ...rest, body: body ?? richTextFromPlain('') }),
      )
      if (json) return printJson(io, note)
      io.out(t('cliCases:addedNote', { id: note.id, value: note.title ? `: ${note.title}` : '' }))
    },
  },
  {
    name: 'note list',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:noteList.summary',
    examples: ['note list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const notes = await withWorkspace(async (s) => s.notes.list(await caseOf(s, positionals[0])), { readOnly: true })
      if (json) return printJson(io, notes)
      if (!notes.length) return io.out(t('cliCases:noNotesCaseYet'))
      notes.forEach((n, i) => {
        if (i) io.out('')
        printNote(n, io)
      })
    },
  },
  {
    name: 'note edit',
    args: 'NOTE',
    positionals: 1,
    summary: 'cliCases:noteEdit.summary',
    options: { ...NOTE_FIELDS, ...CASE_HINT },
    examples: [example`note edit note_0123456789abcdef --text ${'cliHelp:example.noteNewText'}`],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = await noteFields(values)
      if (!Object.keys(patch).length) throw new UsageError(t('cliCases:nothingChangeGiveTitle2'))
      const note = await withWorkspace(async (s) =>
        s.notes.update(await caseHolding(s, 'note', positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, note)
      io.out(t('cliCases:updatedNote'))
      printNote(note, io)
    },
  },
  removeRecordCommand({
    noun: 'note',
    kind: 'note',
    args: 'NOTE',
    summary: 'cliCases:noteCommands.summary',
    example: 'note remove note_0123456789abcdef',
    remove: (s, caseId, id) => s.notes.remove(caseId, id),
  }),
]

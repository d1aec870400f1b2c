import { richTextFromPlain, richTextToPlain, type Note, type NotePatch } from '@shared/domain'
import {
  type CliIO,
  type Command,
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
  title: { type: 'string', value: 'T', describe: 'a heading for the note' },
  text: {
    type: 'string',
    value: 'TEXT',
    describe: 'the note as plain text: a blank line starts a paragraph, a line break stays one',
  },
  'text-file': { type: 'string', value: 'FILE', describe: 'read the text from a UTF-8 file instead' },
  tag: { type: 'string', value: 'TAG', multiple: true, describe: 'a tag' },
}

/** The note's fields; the plain text becomes the rich-text document the window edits. */
async function noteFields(values: Values): Promise<NotePatch> {
  const text = optionalString(values, 'text')
  const file = optionalString(values, 'text-file')
  if (text !== undefined && file !== undefined) throw new UsageError('give --text or --text-file, not both')
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
    `${n.id}  ${n.title || '(untitled)'}  — updated ${n.updatedAt}${n.tags.length ? `  [${n.tags.join(', ')}]` : ''}`,
  )
  for (const line of richTextToPlain(n.body).split('\n')) io.out(`    ${line}`)
}

export const noteCommands: Command[] = [
  {
    name: 'note add',
    args: 'CASE',
    positionals: 1,
    summary: 'Add a note to a case. The plain text is stored as the rich text the window edits.',
    options: NOTE_FIELDS,
    examples: [
      'note add ECU-USA-2026-001 --title "Call with the consul" --text "Confirmed the door was closed at 11:05."',
    ],
    async run({ withWorkspace, io, json, values, positionals }) {
      const { body, ...rest } = await noteFields(values)
      if (!body?.content?.length && !rest.title?.trim()) throw new UsageError('give --text (or --text-file) or --title')
      const note = await withWorkspace(async (s) =>
        s.notes.add(await caseOf(s, positionals[0]), { ...rest, body: body ?? richTextFromPlain('') }),
      )
      if (json) return printJson(io, note)
      io.out(`Added note ${note.id}${note.title ? `: ${note.title}` : ''}`)
    },
  },
  {
    name: 'note list',
    args: 'CASE',
    positionals: 1,
    summary: 'Print the notes of a case, newest first, with their text.',
    examples: ['note list ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const notes = await withWorkspace(async (s) => s.notes.list(await caseOf(s, positionals[0])), { readOnly: true })
      if (json) return printJson(io, notes)
      if (!notes.length) return io.out('No notes in this case yet (casefile note add CASE --text T).')
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
    summary: 'Change a note: --text (or --text-file) replaces its text; --title and --tag change only themselves.',
    options: { ...NOTE_FIELDS, ...CASE_HINT },
    examples: ['note edit note_0123456789abcdef --text "Confirmed twice."'],
    async run({ withWorkspace, io, json, values, positionals }) {
      const patch = await noteFields(values)
      if (!Object.keys(patch).length)
        throw new UsageError('nothing to change: give --title, --text, --text-file or --tag')
      const note = await withWorkspace(async (s) =>
        s.notes.update(await caseHolding(s, 'note', positionals[0], values), positionals[0], patch),
      )
      if (json) return printJson(io, note)
      io.out('Updated note:')
      printNote(note, io)
    },
  },
  removeRecordCommand({
    noun: 'note',
    kind: 'note',
    args: 'NOTE',
    summary: 'Remove a note.',
    example: 'note remove note_0123456789abcdef',
    remove: (s, caseId, id) => s.notes.remove(caseId, id),
  }),
]

import { errorText, t } from '../language'
import { AppError } from '@shared/ipc/result'
import { citationLabel } from '@shared/domain'
import { type Command, printJson, table } from '../framework'
import { caseOf } from '../lookup'

/**
 * The trash from the command line, as the window has it: a case sent there whole, what the trash holds
 * (a case, or a statute excerpt `statute remove` sent there), and an entry put back.
 */
export const trashCommands: Command[] = [
  {
    name: 'case remove',
    args: 'CASE',
    positionals: 1,
    summary: 'cliCases:caseRemove.summary',
    examples: ['case remove ECU-USA-2026-001'],
    async run({ withWorkspace, io, json, positionals }) {
      const entry = await withWorkspace(async (s) => s.trashBin.removeCase(await caseOf(s, positionals[0])))
      if (json) return printJson(io, entry)
      io.out(t('cliCases:caseToTrash', { title: entry.title, entryId: entry.id }))
    },
  },
  {
    name: 'trash',
    aliases: ['trash list'],
    group: 'workspace',
    summary: 'cliCases:trash.summary',
    examples: ['trash', 'trash --json'],
    async run({ withWorkspace, io, json }) {
      const entries = await withWorkspace((s) => s.trashBin.list(), { readOnly: true })
      if (json) return printJson(io, entries)
      if (!entries.length) return io.out(t('cliCases:trashEmpty'))
      table(
        [
          [t('cli:col.id'), t('cli:col.kind'), t('cli:col.when'), t('cli:col.title')],
          ...entries.map((e) => [e.id, t('cliCases:trashKind', { kind: e.kind }), e.at, e.title || e.itemId]),
        ],
        io,
      )
    },
  },
  {
    name: 'trash restore',
    args: 'ENTRY',
    positionals: 1,
    group: 'workspace',
    summary: 'cliCases:trashRestore.summary',
    examples: ['trash restore 2026-12-05T10-00-00-000Z-case_ecu_mpls_2026-a1b2c3'],
    async run({ withWorkspace, io, json, positionals }) {
      const back = await withWorkspace((s) => s.trashBin.restore(positionals[0])).catch((e: unknown) => {
        if (!(e instanceof AppError) || !(e.details as { nothingHeld?: boolean } | undefined)?.nothingHeld) throw e
        throw new AppError(e.code, t('cliCases:trashForgetHint', { reason: errorText(e), entryId: positionals[0] }))
      })
      if (json) return printJson(io, back)
      if (back.kind === 'statute') {
        io.out(t('cliCases:statuteBackFromTrash', { id: back.statute.id, label: citationLabel(back.statute) }))
        for (const { caseId, inTrash } of back.notRelinked)
          io.out(
            t('cliCases:statuteNotRelinked', { caseId, inTrash: inTrash ? 'yes' : 'no', statuteId: back.statute.id }),
          )
        return
      }
      io.out(t('cliCases:caseBackFromTrash', { title: back.case.title, id: back.case.id }))
      if (back.fromBackup) io.out(t('cliCases:caseBackFromBackup', { backup: back.fromBackup }))
    },
  },
  {
    name: 'trash forget',
    args: 'ENTRY',
    positionals: 1,
    group: 'workspace',
    summary: 'cliCases:trashForget.summary',
    examples: ['trash forget 2026-12-05T10-00-00-000Z-case_ecu_mpls_2026-a1b2c3'],
    async run({ withWorkspace, io, json, positionals }) {
      const entry = await withWorkspace((s) => s.trashBin.forget(positionals[0]))
      if (json) return printJson(io, entry)
      io.out(t('cliCases:trashForgotten', { entryId: entry.id, title: entry.title || entry.itemId }))
    },
  },
]

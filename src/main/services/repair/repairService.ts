/**
 * `casefile repair` and the window's Repair: fixes what can be fixed without a
 * person's judgement, says what it did, and leaves the rest reported. Nothing is
 * deleted: what is moved out of the way goes under quarantine/ (set-aside/ for
 * leftovers of interrupted writes, resolved/ for damaged files replaced by a
 * backup). What it never decides alone: restoring a backup (that drops the edits
 * since) and acknowledging a broken audit log; both only on request.
 */
import { RepairOptions, type RepairAction, type RepairReport, type WorkspaceProblem } from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import { layout } from '@main/storage/layout'
import { setAside, staleTemps } from '@main/storage/leftovers'
import { AUDIT_LOG, type AuditLog } from '../audit/auditLog'
import { caseDir, caseFilePath } from '../cases/caseFiles'
import type { CasesService } from '../cases/casesService'
import { writtenFolders, type CheckService } from '../check/checkService'
import type { ServiceContext } from '../context'
import { evidenceTarget } from '../evidence/custodyGaps'
import type { EvidenceService } from '../evidence/evidenceService'
import type { WorkspaceService } from '../workspace/workspaceService'

export interface RepairDeps {
  workspace: WorkspaceService
  cases: CasesService
  evidence: EvidenceService
  audit: AuditLog
  check: CheckService
}

export function createRepairService(ctx: ServiceContext, deps: RepairDeps) {
  const { workspace, cases, evidence, audit, check } = deps

  return {
    async run(options: RepairOptions = {}): Promise<RepairReport> {
      ctx.store.assertWritable()
      const opts = RepairOptions.parse(options)
      const actions: RepairAction[] = []
      const did = (kind: RepairAction['kind'], file: string, message: string) => actions.push({ kind, file, message })

      // What opening the workspace for writing already did (repair opens it so).
      const rebuilt = ctx.store.problems.find((p) => p.file === 'workspace.json' && p.kind === 'missing')
      if (rebuilt && !ctx.store.readOnly) {
        did('index rebuilt', 'workspace.json', rebuilt.message)
        ctx.store.dropProblem(rebuilt)
      }
      await evidence.journal.replay()
      const settled = evidence.journal.settledSinceOpen()
      if (settled.completed || settled.dropped)
        did(
          'interrupted change settled',
          layout.journalDir,
          `${settled.completed} interrupted evidence change(s) completed (their audit entries appended)` +
            (settled.dropped ? `; ${settled.dropped} dropped (their case write had never landed)` : '') +
            '.',
        )

      // An append the app was stopped in: its fragment is set aside (kept) and that is recorded.
      const before = await audit.verifyChain()
      if (before.interrupted) {
        await audit.assertAppendable()
        did(
          'interrupted append set aside',
          AUDIT_LOG,
          `The audit log's last line was an entry the app was stopped while writing; its bytes were set aside under quarantine/set-aside/ and the log records that.`,
        )
      }
      if (opts.acknowledgeAuditBreak) {
        const ack = await audit.acknowledgeBreak({ note: opts.note })
        if (ack)
          did(
            'audit break acknowledged',
            AUDIT_LOG,
            `The break of the audit log (${String(ack.detail.reason)}) was acknowledged by ${ack.actor} and recorded as entry ${ack.seq}; the chain continues from it.`,
          )
      }

      const found = await cases.check()
      for (const id of found.stubs) {
        const to = await setAside(ctx.store.root, layout.quarantineDir, caseDir(id), ctx.now())
        did(
          'set aside',
          caseDir(id),
          `${caseDir(id)} held no case file (an interrupted case creation); moved to ${to}.`,
        )
      }
      for (const id of found.unindexed) {
        try {
          const c = await cases.reindex(id)
          did(
            'reindexed',
            caseFilePath(id),
            `Case "${c.title}" (${id}) was on disk but not in the index; it is listed again.`,
          )
        } catch (e) {
          if (!(e instanceof AppError)) throw e
        }
      }

      const folders = found.folders.filter((id) => !found.stubs.includes(id))
      for (const t of await staleTemps(ctx.store.root, writtenFolders(folders))) {
        const to = await setAside(ctx.store.root, layout.quarantineDir, t.file, ctx.now())
        did('set aside', t.file, `${t.file}, the temp file of a write that never finished, was moved to ${to}.`)
      }

      if (opts.restoreBackups) {
        for (const p of workspace.problems()) {
          if (!p.backupAvailable || p.kind === 'newer-version' || p.file === AUDIT_LOG) continue
          try {
            await workspace.restoreBackup(p.file)
            did(
              'backup restored',
              p.file,
              `${p.file} was put back from its newest good backup; the damaged copy stays under quarantine/.`,
            )
          } catch (e) {
            if (!(e instanceof AppError)) throw e
          }
        }
        // A case file restored into a folder the index had lost.
        for (const id of (await cases.check()).unindexed) await cases.reindex(id).catch(() => undefined)
      }

      // Custody entries whose audit twin never came (from before the journal, or written elsewhere).
      if ((await audit.verifyChain()).ok) {
        const readable = (await cases.check()).readable
        for (const g of await evidence.custodyGaps(readable)) {
          await audit.append({
            action: g.action,
            target: evidenceTarget(g.caseId, g.evidenceId),
            detail: {
              ...(g.sha256 ? { sha256: g.sha256 } : {}),
              repair: true,
              custodyAt: g.at,
              note: `Re-appended by repair: the custody entry "${g.action}" of ${g.at} had no audit entry (the app stopped between the two writes).`,
            },
          })
          did(
            'audit twin appended',
            caseFilePath(g.caseId),
            `Custody entry "${g.action}" of ${g.at} on "${g.title}" had no audit entry; a marked repair entry was appended.`,
          )
        }
      }

      let remaining: WorkspaceProblem[]
      try {
        remaining = (await check.run()).problems
      } catch (e) {
        remaining = [{ file: '.', kind: 'unreadable', message: `The check after repair failed: ${messageOf(e)}` }]
      }
      return { actions, remaining }
    },
  }
}
export type RepairService = ReturnType<typeof createRepairService>

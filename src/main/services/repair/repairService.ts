/**
 * `casefile repair` and the window's Repair: fixes what can be fixed without a
 * person's judgement, says what it did, and leaves the rest reported. Nothing is
 * deleted: what is moved out of the way goes under quarantine/ (set-aside/ for
 * leftovers of interrupted writes, resolved/ for damaged files replaced by a
 * backup). What it never decides alone: restoring a backup (that drops the edits
 * since) and acknowledging a broken audit log; both only on request.
 */
import { worded } from '@shared/i18n/appError'
import { RepairOptions, type RepairAction, type RepairReport, type WorkspaceProblem } from '@shared/domain'
import { AppError, messageOf } from '@shared/ipc/result'
import { MIGRATION_FILE } from '@main/storage/crypto/vault'
import { layout } from '@main/storage/layout'
import { setAside, staleTemps } from '@main/storage/leftovers'
import { AUDIT_LOG, type AuditLog } from '../audit/auditLog'
import { caseDir, caseFilePath, caseIdOfFile, caseIdUnder } from '../cases/caseFiles'
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

  /** Puts back a damaged file's newest backup; a case file's entry in the case list follows it. */
  async function restoreBackup(file: string): Promise<void> {
    const caseId = caseIdOfFile(file)
    if (caseId) return void (await cases.restoreBackup(caseId))
    const owner = caseIdUnder(file)
    if (owner) await cases.assertStillHere(owner)
    await workspace.restoreBackup(file)
  }

  return {
    restoreBackup,

    async run(options: RepairOptions = {}): Promise<RepairReport> {
      ctx.store.assertWritable()
      const opts = RepairOptions.parse(options)
      const actions: RepairAction[] = []
      const did = (kind: RepairAction['kind'], file: string, said: string | ReturnType<typeof worded>) =>
        actions.push({ kind, file, ...(typeof said === 'string' ? { message: said } : said) })

      // What opening the workspace for writing already did (repair opens it so).
      const rebuilt = ctx.store.problems.all().find((p) => p.file === 'workspace.json' && p.kind === 'missing')
      if (rebuilt && !ctx.store.readOnly) {
        did(
          'index rebuilt',
          'workspace.json',
          rebuilt.text ? { message: rebuilt.message, text: rebuilt.text } : rebuilt.message,
        )
        ctx.store.problems.drop(rebuilt)
      }
      // An encryption change the open finished (its notice says how to get a recovery key): done, not left to a person.
      for (const finished of ctx.store.problems.all().filter((p) => p.file === MIGRATION_FILE)) {
        did(
          'encryption change finished',
          MIGRATION_FILE,
          finished.text ? { message: finished.message, text: finished.text } : finished.message,
        )
        ctx.store.problems.drop(finished)
      }
      await evidence.journal.replay()
      const settled = evidence.journal.settledSinceOpen()
      if (settled.completed || settled.dropped)
        did(
          'interrupted change settled',
          layout.journalDir,
          worded('errStorage:interruptedEvidenceChangeCompleted', {
            completed: settled.completed,
            dropped: settled.dropped,
          }),
        )

      // An append the app was stopped in: its fragment is set aside (kept) and that is recorded.
      const before = await audit.verifyChain()
      if (before.interrupted) {
        await audit.assertAppendable()
        did('interrupted append set aside', AUDIT_LOG, worded('errStorage:auditLogLastLine'))
      }
      if (opts.acknowledgeAuditBreak) {
        const ack = await audit.acknowledgeBreak({ note: opts.note })
        if (ack)
          did(
            'audit break acknowledged',
            AUDIT_LOG,
            worded('errStorage:breakAuditLogAcknowledged', {
              reason: String(ack.detail.reason),
              actor: ack.actor,
              seq: ack.seq,
            }),
          )
      }

      const found = await cases.check()
      for (const id of found.stubs) {
        const to = await setAside(ctx.store.root, layout.quarantineDir, caseDir(id), ctx.now())
        did('set aside', caseDir(id), worded('errStorage:heldNoCaseFile', { caseDir: caseDir(id), to }))
      }
      for (const { id, holds } of found.copies) {
        // Moved whole to quarantine (nothing deleted): it may be a person's copy, kept to compare by hand.
        await ctx.store.retireUnder(caseDir(id))
        const to = await setAside(ctx.store.root, layout.quarantineDir, caseDir(id), ctx.now())
        did('set aside', caseDir(id), worded('errStorage:caseFolderCopySetAside', { rel: caseDir(id), holds, to }))
      }
      for (const id of found.unindexed) {
        try {
          const c = await cases.reindex(id)
          did('reindexed', caseFilePath(id), worded('errStorage:caseDiskButIndex', { title: c.title, id }))
        } catch (e) {
          if (!(e instanceof AppError)) throw e
        }
      }

      const folders = found.folders.filter((id) => !found.stubs.includes(id))
      for (const t of await staleTemps(ctx.store.root, writtenFolders(folders))) {
        const to = await setAside(ctx.store.root, layout.quarantineDir, t.file, ctx.now())
        did('set aside', t.file, worded('errStorage:tempFileWriteNever2', { file: t.file, to }))
      }

      if (opts.restoreBackups) {
        // Every file is loaded first, so one no window opened since it was damaged is found, and restored, too.
        await check.run().catch(() => undefined)
        for (const p of workspace.problems()) {
          if (!p.backupAvailable || p.kind === 'newer-version' || p.file === AUDIT_LOG) continue
          try {
            await restoreBackup(p.file)
            did(
              'backup restored',
              p.file,
              worded('errStorage:putBackNewestGood', { file: p.file, backup: p.backupAvailable }),
            )
          } catch (e) {
            // Still a problem, and now also why its backup is not in place: listed with what remains.
            ctx.store.problems.report({
              file: p.file,
              kind: p.kind,
              ...worded('errStorage:backupNotPutBack', {
                file: p.file,
                backup: p.backupAvailable,
                reason: messageOf(e),
              }),
            })
          }
        }
        // A restored case file re-indexes its own case; a restored index may have lost others.
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
            worded('errStorage:custodyEntryHadNo', { action: g.action, at: g.at, title: g.title }),
          )
        }
      }

      let remaining: WorkspaceProblem[]
      try {
        remaining = (await check.run()).problems
      } catch (e) {
        remaining = [
          { file: '.', kind: 'unreadable', ...worded('errStorage:checkAfterRepairFailed', { reason: messageOf(e) }) },
        ]
      }
      return { actions, remaining }
    },
  }
}
export type RepairService = ReturnType<typeof createRepairService>

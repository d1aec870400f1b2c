/**
 * Makes a custody change and its audit twin one step. Without it, a stop between
 * the case write and the audit append left custody entries the log never saw
 * (31 of 150 kills in the audit of issue 11).
 *
 *   1. the intent (journal/<id>.json: the custody entries and the audit entries) is
 *      written durably;
 *   2. the case file is written;
 *   3. the audit entries are appended, each carrying `txn: <id>`;
 *   4. the intent is removed.
 *
 * On the next writable open every intent left is settled: if the case file holds
 * its custody entries (or, for a removal, no longer holds the item), the audit
 * entries not yet in the log are appended; otherwise the case write never landed
 * and the intent is dropped. Either way the two files agree afterwards.
 */
import { worded } from '@shared/i18n/appError'
import { mkdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CURRENT_SCHEMA_VERSION,
  CustodyIntent,
  type CustodyEntry,
  type EvidenceItem,
  type WorkspaceProblem,
} from '@shared/domain'
import { AppError } from '@shared/ipc/result'
import { durableWriteFile, fsyncDir } from '@main/storage/durableWrite'
import { entriesIn } from '@main/storage/folders'
import { layout } from '@main/storage/layout'
import { decodeUtf8, readRegularFile } from '@main/storage/safeRead'
import type { AnnotationsService } from '../annotations/annotationsService'
import type { AuditAppend, AuditLog } from '../audit/auditLog'
import type { CaseRecords } from '../cases/caseRecords'
import { nowIso, type ServiceContext } from '../context'

export type IntentInput = Pick<CustodyIntent, 'op' | 'caseId' | 'evidenceId' | 'custody'> & {
  audit: (AuditAppend & { actor: string })[]
}

const sameEntry = (a: CustodyEntry, b: CustodyEntry) =>
  a.at === b.at && a.actor === b.actor && a.action === b.action && a.sha256 === b.sha256 && a.detail === b.detail

export function createCustodyJournal(
  ctx: ServiceContext,
  deps: { audit: AuditLog; records: CaseRecords<EvidenceItem>; annotations: AnnotationsService },
) {
  const { audit, records, annotations } = deps
  const rel = (id: string) => join(layout.journalDir, `${id}.json`)
  /** Intents of this session whose completion failed: settled before the next change. */
  let unsettled = false
  /** Intents settled since the workspace was opened (repair says what the open did). */
  const totals = { completed: 0, dropped: 0 }

  async function write(intent: CustodyIntent): Promise<void> {
    await mkdir(ctx.store.resolve(layout.journalDir), { recursive: true })
    await durableWriteFile(ctx.store.resolve(rel(intent.id)), JSON.stringify(intent))
  }

  async function drop(id: string): Promise<void> {
    await unlink(ctx.store.resolve(rel(id))).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e
    })
    await fsyncDir(ctx.store.resolve(layout.journalDir))
  }

  /** Whether the case file holds what the intent was about to write. null: cannot tell (the case is unreadable). */
  async function landed(intent: CustodyIntent): Promise<boolean | null> {
    let item: EvidenceItem | null = null
    try {
      item = await records.get(intent.caseId, intent.evidenceId)
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      if (e.code === 'CORRUPT' || e.code === 'IO') return null
      // NOT_FOUND: no such item (or case).
    }
    if (intent.op === 'remove') return item === null
    return !!item && intent.custody.every((c) => item!.custody.some((x) => sameEntry(x, c)))
  }

  /**
   * Appends the audit entries of the intent the log does not have yet (`replayed`: some may be
   * there from before the stop; a change just made has none, so the log is not read for it).
   */
  async function complete(intent: CustodyIntent, replayed: boolean): Promise<void> {
    const have = new Set<number>()
    if (replayed)
      for (const e of await audit.list())
        if (e.detail.txn === intent.id && typeof e.detail.part === 'number') have.add(e.detail.part)
    if (intent.op === 'remove') await annotations.removeAllFor(intent.caseId, intent.evidenceId)
    for (const [part, a] of intent.audit.entries()) {
      if (have.has(part)) continue
      await audit.append({ ...a, detail: { ...a.detail, txn: intent.id, part } })
    }
    await drop(intent.id)
  }

  /** Completes or drops one intent; false when it must wait (its case cannot be read now). */
  async function settle(intent: CustodyIntent): Promise<boolean> {
    const done = await landed(intent)
    if (done === null) return false
    if (done) await complete(intent, true)
    else await drop(intent.id)
    return true
  }

  async function read(name: string): Promise<CustodyIntent | null> {
    const bytes = await readRegularFile(ctx.store.resolve(join(layout.journalDir, name))).catch(() => null)
    const text = bytes && decodeUtf8(bytes)
    if (!text) return null
    try {
      const parsed = CustodyIntent.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  /** Every intent file, oldest first (ids sort by time: see run). */
  async function pendingFiles(): Promise<{ name: string; intent: CustodyIntent | null }[]> {
    const out: { name: string; intent: CustodyIntent | null }[] = []
    for (const e of await entriesIn(ctx.store.root, layout.journalDir)) {
      if (e.name.startsWith('.') || !e.name.endsWith('.json')) continue
      out.push({ name: e.name, intent: await read(e.name) })
    }
    return out
  }

  /**
   * Runs `writeCase` (the case-file change) between the intent and the audit twins. Refuses before
   * anything is written when the audit log cannot take the twins (a broken chain).
   */
  async function run<T>(input: IntentInput, writeCase: () => Promise<T>): Promise<T> {
    if (unsettled) await replay()
    await audit.assertAppendable()
    const at = ctx.now()
    const intent = CustodyIntent.parse({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      // Time first, so a folder listing is in the order the changes were made.
      id: `${at.getTime().toString(36).padStart(9, '0')}-${ctx.newId('txn').replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 80),
      createdAt: nowIso(ctx),
      ...input,
    })
    await write(intent)
    let result: T
    try {
      result = await writeCase()
    } catch (e) {
      // A write can fail after its rename (the folder fsync): settle by what the case file holds.
      unsettled = !(await settle(intent).catch(() => false))
      throw e
    }
    try {
      await complete(intent, false)
    } catch (e) {
      unsettled = true
      throw e
    }
    return result
  }

  /** Settles every intent left by a stop (or a failed append). Problems: intents that must wait. */
  async function replay(): Promise<{ completed: number; dropped: number; waiting: WorkspaceProblem[] }> {
    const out = { completed: 0, dropped: 0, waiting: [] as WorkspaceProblem[] }
    let left = false
    for (const { name, intent } of await pendingFiles()) {
      if (!intent) {
        out.waiting.push({
          file: join(layout.journalDir, name),
          kind: 'unreadable',
          ...worded('errStorage:interruptedEvidenceChangeCannot', { join: join(layout.journalDir, name) }),
        })
        continue
      }
      const done = await landed(intent)
      if (done === null) {
        left = true
        out.waiting.push({
          file: join(layout.journalDir, name),
          kind: 'inconsistent',
          ...worded('errStorage:interruptedChangeEvidenceCase', {
            evidenceId: intent.evidenceId,
            caseId: intent.caseId,
          }),
        })
      } else if (done) {
        await complete(intent, true)
        out.completed++
      } else {
        await drop(intent.id)
        out.dropped++
      }
    }
    unsettled = left
    totals.completed += out.completed
    totals.dropped += out.dropped
    return out
  }

  return {
    run,
    replay,
    settledSinceOpen: () => ({ ...totals }),

    /** For check (read-only): each intent still waiting, as a problem that writable open or repair settles. */
    async pending(): Promise<WorkspaceProblem[]> {
      return (await pendingFiles()).map(({ name, intent }) => ({
        file: join(layout.journalDir, name),
        kind: 'inconsistent' as const,
        message: intent
          ? `A change to evidence ${intent.evidenceId} of case ${intent.caseId} (${intent.audit.map((a) => a.action).join(', ')}) was interrupted before its audit entries were written; opening the workspace for writing (or casefile repair) completes or drops it.`
          : `${join(layout.journalDir, name)} (an interrupted evidence change) cannot be read.`,
      }))
    },
  }
}
export type CustodyJournal = ReturnType<typeof createCustodyJournal>

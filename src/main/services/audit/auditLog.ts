import { appError, worded } from '@shared/i18n/appError'
/**
 * The hash-chained, append-only audit log (audit.log.jsonl, one JSON entry per
 * line). Each entry's hash covers its own fields and the previous entry's hash,
 * so editing, removing or reordering any entry breaks the chain from there on.
 * A small head file (audit.head.json: last seq and hash) also catches entries
 * cut off the end, which a chain alone cannot see. auditChain.ts judges a log.
 *
 * The appender never writes past a break: before its first append (and whenever
 * the file is not the size it left it) it verifies the whole log, and a broken
 * one refuses every append until a person acknowledges the break, which is
 * itself recorded. The head is only ever moved forward to the entry just
 * written, so it can never be rewritten to make a shortened or torn log look
 * whole. One exception needs no person: an append the app was stopped in
 * (a torn last line while the head still names the entry before it) is set
 * aside, bytes kept under quarantine/set-aside/, and that is recorded.
 */
import { mkdir, stat, truncate } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AuditEntry, type AuditChainReport } from '@shared/domain'

import { durableWriteFile } from '@main/storage/durableWrite'
import { logLine, readLogFile } from '@main/storage/crypto/logLines'
import { fsio, writeAll } from '@main/storage/fsio'
import { layout } from '@main/storage/layout'
import { SET_ASIDE_DIR } from '@main/storage/quarantine'
import { decodeUtf8, readRegularFile } from '@main/storage/safeRead'
import { nowIso, type ServiceContext } from '../context'
import {
  ACK_ACTION,
  canonicalJson,
  entryHash,
  parseEntry,
  RECOVERED_ACTION,
  spanHash,
  splitLog,
  verifyLog,
  type ChainState,
  type Head,
  type LogBytes,
} from './auditChain'

export { canonicalJson, entryHash } from './auditChain'

export const AUDIT_LOG = 'audit.log.jsonl'
export const AUDIT_HEAD = 'audit.head.json'

export interface AuditAppend {
  action: string
  target: string
  detail?: Record<string, unknown>
  /** Defaults to the workspace's user name. */
  actor?: string
}

/** Where the appender stands: the next entry, and the log file as the last append left it. */
interface AppendPoint {
  seq: number
  prevHash: string
  /** size:mtime (ns):inode of the log after the last append: anything else means it changed behind us. */
  stamp: string
}

const stampOf = (s: { size: bigint; mtimeNs: bigint; ino: bigint } | null) =>
  s ? `${s.size}:${s.mtimeNs}:${s.ino}` : 'none'

export function createAuditLog(ctx: ServiceContext, userName: () => Promise<string>) {
  const path = () => ctx.store.resolve(AUDIT_LOG)
  const headPath = () => ctx.store.resolve(AUDIT_HEAD)
  let tail: Promise<unknown> = Promise.resolve()
  let point: AppendPoint | null = null

  async function readLog(): Promise<{ log: LogBytes; size: number }> {
    // Sealed line by line in an encrypted workspace: read back as plain lines, size as on disk.
    let read: { bytes: Buffer; size: number }
    try {
      read = await readLogFile(path())
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      read = { bytes: Buffer.alloc(0), size: 0 }
    }
    return { log: splitLog(read.bytes), size: read.size }
  }

  async function readHead(): Promise<Head> {
    let bytes: Buffer
    try {
      bytes = await readRegularFile(headPath())
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'damaged'
    }
    try {
      const h = JSON.parse(decodeUtf8(bytes) ?? '') as { seq: unknown; hash: unknown }
      return typeof h?.seq === 'number' && Number.isInteger(h.seq) && h.seq >= 0 && typeof h.hash === 'string'
        ? { seq: h.seq, hash: h.hash }
        : 'damaged'
    } catch {
      return 'damaged'
    }
  }

  async function state(): Promise<{ log: LogBytes; size: number; chain: ChainState }> {
    const [{ log, size }, head] = await Promise.all([readLog(), readHead()])
    return { log, size, chain: verifyLog(log, head) }
  }

  /** One writer at a time: entries are chained, so appends must not interleave. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.catch(() => undefined).then(fn)
    tail = run
    return run
  }

  const brokenMessage = (chain: ChainState) => worded('errStorage:auditBroken', { reason: chain.reason ?? '' })

  /** Appends one line at the end: every byte counted, then fsync; a fresh line if the file ends mid-line. */
  async function writeLine(text: string): Promise<string> {
    const fh = await fsio.open(path(), 'a+', 0o644)
    try {
      const { size } = await fh.stat()
      let line = `${logLine(path(), text)}\n`
      if (size > 0) {
        const last = Buffer.alloc(1)
        await fh.read(last, 0, 1, size - 1)
        if (last[0] !== 0x0a) line = `\n${line}`
      }
      await writeAll(fh, Buffer.from(line, 'utf8'), null)
      await fsio.sync(fh)
      return stampOf(await fh.stat({ bigint: true }))
    } finally {
      await fsio.close(fh)
    }
  }

  const currentStamp = () => stat(path(), { bigint: true }).then(stampOf, () => 'none')

  /** Writes a chained entry and moves the head to it (only ever forward, to the entry just written). */
  async function writeEntry(
    at: { seq: number; prevHash: string },
    fields: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>,
  ) {
    const body = { ...fields, seq: at.seq, prevHash: at.prevHash }
    const entry = AuditEntry.parse({ ...body, hash: entryHash(body) })
    const stamp = await writeLine(canonicalJson(entry))
    // The first append creates the file: sync the folder so the new name survives a power cut.
    if (entry.seq === 0) await fsio.syncDir(dirname(path()))
    point = { seq: entry.seq + 1, prevHash: entry.hash, stamp }
    await durableWriteFile(headPath(), JSON.stringify({ seq: entry.seq, hash: entry.hash }))
    return entry
  }

  /** Sets the fragment of an interrupted append aside (kept byte for byte) and cuts the log back to whole lines. */
  async function setAsideTorn(log: LogBytes, size: number): Promise<string> {
    const dir = join(layout.quarantineDir, SET_ASIDE_DIR)
    await mkdir(ctx.store.resolve(dir), { recursive: true })
    const rel = join(dir, `${nowIso(ctx).replace(/[:.]/g, '-')}__${AUDIT_LOG}.torn-${log.lines.length}`)
    await durableWriteFile(ctx.store.resolve(rel), log.tail)
    await truncate(path(), size - log.tail.length)
    const fh = await fsio.open(path(), 'r+')
    try {
      await fsio.sync(fh)
    } finally {
      await fsio.close(fh)
    }
    return rel
  }

  /** Where the next entry goes, after verifying the log when it may have changed; refuses a broken log. */
  async function appendPoint(): Promise<AppendPoint> {
    if (point && point.stamp === (await currentStamp())) return point
    point = null
    const before = await currentStamp()
    let { log, size, chain } = await state()
    if (chain.interrupted) {
      const bytes = log.tail.length
      const kept = await setAsideTorn(log, size)
      ;({ log, size, chain } = await state())
      if (chain.ok) {
        await writeEntry(chain.next, {
          at: nowIso(ctx),
          actor: await userName(),
          action: RECOVERED_ACTION,
          target: `audit:${AUDIT_LOG}`,
          detail: { entry: chain.next.seq, bytes, keptAs: kept },
        })
        return point!
      }
    }
    if (!chain.ok) {
      ctx.store.problems.report({ file: AUDIT_LOG, kind: 'invalid', ...brokenMessage(chain) })
      throw appError('CORRUPT', 'errStorage:auditBroken', { reason: chain.reason ?? '' })
    }
    if (chain.headBehind && chain.entries > 0) {
      // The app stopped between a line and its head: move the head up to the last entry, which verified.
      const last = parseEntry(log.lines[chain.entries - 1])!
      await durableWriteFile(headPath(), JSON.stringify({ seq: last.seq, hash: last.hash }))
    }
    return (point = { ...chain.next, stamp: before })
  }

  async function append(input: AuditAppend): Promise<AuditEntry> {
    ctx.store.assertWritable()
    const actor = input.actor ?? (await userName())
    return serial(async () =>
      writeEntry(await appendPoint(), {
        at: nowIso(ctx),
        actor,
        action: input.action,
        target: input.target,
        detail: JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>,
      }),
    )
  }

  /** Refuses (CORRUPT) when nothing could be appended now: changes to record check this before they write. */
  async function assertAppendable(): Promise<void> {
    ctx.store.assertWritable()
    await serial(() => appendPoint())
  }

  async function list(filter: { target?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const out: AuditEntry[] = []
    for (const line of (await readLog()).log.lines) {
      const e = parseEntry(line)
      // unreadable lines are verify's business
      if (e && (!filter.target || e.target === filter.target || e.target.startsWith(`${filter.target}/`))) out.push(e)
    }
    return filter.limit ? out.slice(-filter.limit) : out
  }

  async function verifyChain(): Promise<AuditChainReport> {
    await tail.catch(() => undefined)
    const { chain } = await state()
    if (chain.ok) return { ok: true, entries: chain.entries }
    return {
      ok: false,
      entries: chain.entries,
      brokenAt: chain.brokenAt,
      reason: chain.reason,
      ...(chain.interrupted ? { interrupted: true } : {}),
    }
  }

  /**
   * A person acknowledges the break the log shows: recorded as an entry (who, when, where it broke
   * and why, and the SHA-256 of the damaged lines as they are), from which the chain resumes.
   * An interrupted append is set aside first (that needs no acknowledgement). Returns the entry,
   * or null when the log was whole.
   */
  async function acknowledgeBreak(by: { actor?: string; note?: string } = {}): Promise<AuditEntry | null> {
    ctx.store.assertWritable()
    const actor = by.actor ?? (await userName())
    return serial(async () => {
      point = null
      let { log, chain } = await state()
      if (chain.interrupted) {
        await appendPoint()
        ;({ log, chain } = await state())
      }
      if (chain.ok || !chain.ack) return null
      // A torn last line becomes a line of its own when the acknowledgement is appended after it.
      const lines = log.tail.length ? [...log.lines, log.tail] : log.lines
      const spanFrom = chain.ack.spanFrom ?? (log.tail.length ? log.lines.length : null)
      const head = await readHead()
      const entry = await writeEntry(
        { seq: lines.length, prevHash: chain.ack.prevHash },
        {
          at: nowIso(ctx),
          actor,
          action: ACK_ACTION,
          target: `audit:${AUDIT_LOG}`,
          detail: {
            brokenAt: spanFrom ?? chain.ack.brokenAt,
            reason: chain.ack.reason,
            ...(spanFrom !== null
              ? { span: { from: spanFrom, to: lines.length - 1, sha256: spanHash(lines, spanFrom, lines.length - 1) } }
              : {}),
            headWas: head === 'damaged' ? 'damaged' : head,
            ...(by.note ? { note: by.note } : {}),
          },
        },
      )
      ctx.store.problems.clear(AUDIT_LOG)
      return entry
    })
  }

  return {
    append,
    assertAppendable,
    acknowledgeBreak,
    list,
    verifyChain,
    path: () => path(),
    folder: () => dirname(path()),
  }
}
export type AuditLog = ReturnType<typeof createAuditLog>

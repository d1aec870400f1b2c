/**
 * The hash-chained, append-only audit log (audit.log.jsonl, one JSON entry per
 * line). Each entry's hash covers its own fields and the previous entry's hash,
 * so editing, removing or reordering any entry breaks the chain from there on.
 * A small head file (audit.head.json: last seq and hash) also catches entries
 * cut off the end, which a chain alone cannot see.
 */
import { createHash } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AuditEntry, GENESIS_HASH, type AuditChainReport } from '@shared/domain'
import { durableWriteFile, fsyncDir } from '@main/storage/durableWrite'
import { nowIso, type ServiceContext } from '../context'

export const AUDIT_LOG = 'audit.log.jsonl'
export const AUDIT_HEAD = 'audit.head.json'

/** JSON with object keys sorted at every level: the same entry always serializes to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, target, detail, prevHash } = e
  return createHash('sha256').update(canonicalJson({ seq, at, actor, action, target, detail, prevHash })).digest('hex')
}

export interface AuditAppend {
  action: string
  target: string
  detail?: Record<string, unknown>
  /** Defaults to the workspace's user name. */
  actor?: string
}

export function createAuditLog(ctx: ServiceContext, userName: () => Promise<string>) {
  const path = () => ctx.store.resolve(AUDIT_LOG)
  const headPath = () => ctx.store.resolve(AUDIT_HEAD)
  let tail: Promise<unknown> = Promise.resolve()
  let head: { seq: number; hash: string } | null = null

  async function readLines(): Promise<string[]> {
    let text: string
    try {
      text = await readFile(path(), 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const lines = text.split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    return lines
  }

  /** Where the next entry chains from: the last line that parses (a broken tail is reported by verify, not hidden). */
  async function loadHead(): Promise<{ seq: number; hash: string }> {
    const lines = await readLines()
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        const e = AuditEntry.parse(JSON.parse(lines[i]))
        return { seq: e.seq, hash: e.hash }
      } catch {
        // keep looking further up
      }
    }
    return { seq: -1, hash: GENESIS_HASH }
  }

  /** One writer at a time: entries are chained, so appends must not interleave. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.catch(() => undefined).then(fn)
    tail = run
    return run
  }

  async function append(input: AuditAppend): Promise<AuditEntry> {
    ctx.store.assertWritable()
    const actor = input.actor ?? (await userName())
    return serial(async () => {
      head ??= await loadHead()
      const body = {
        seq: head.seq + 1,
        at: nowIso(ctx),
        actor,
        action: input.action,
        target: input.target,
        detail: JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>,
        prevHash: head.hash,
      }
      const entry = AuditEntry.parse({ ...body, hash: entryHash(body) })
      let line = `${canonicalJson(entry)}\n`
      const fh = await open(path(), 'a+', 0o644)
      try {
        // A crash or a failed write mid-append leaves a torn last line without its newline: start on a
        // fresh line, or this entry would fuse with the fragment and be unreadable for good.
        const { size } = await fh.stat()
        if (size > 0) {
          const last = Buffer.alloc(1)
          await fh.read(last, 0, 1, size - 1)
          if (last[0] !== 0x0a) line = `\n${line}`
        }
        await fh.write(line)
        await fh.sync()
      } finally {
        await fh.close()
      }
      // The first append creates the file: sync the folder so the new name survives a power cut.
      if (entry.seq === 0) await fsyncDir(dirname(path()))
      head = { seq: entry.seq, hash: entry.hash }
      await durableWriteFile(headPath(), JSON.stringify(head))
      return entry
    })
  }

  async function list(filter: { target?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const out: AuditEntry[] = []
    for (const line of await readLines()) {
      try {
        const e = AuditEntry.parse(JSON.parse(line))
        if (!filter.target || e.target === filter.target || e.target.startsWith(`${filter.target}/`)) out.push(e)
      } catch {
        // unreadable lines are verify's business
      }
    }
    return filter.limit ? out.slice(-filter.limit) : out
  }

  async function verifyChain(): Promise<AuditChainReport> {
    await tail.catch(() => undefined)
    const lines = await readLines()
    let prev = GENESIS_HASH
    const broken = (i: number, reason: string): AuditChainReport => ({
      ok: false,
      entries: lines.length,
      brokenAt: i,
      reason,
    })
    for (let i = 0; i < lines.length; i++) {
      let e: AuditEntry
      try {
        e = AuditEntry.parse(JSON.parse(lines[i]))
      } catch {
        return broken(i, `entry ${i} (line ${i + 1}) is not a readable audit entry`)
      }
      if (e.seq !== i)
        return broken(i, `entry ${i} has sequence number ${e.seq}: an entry was removed, inserted or moved`)
      if (e.prevHash !== prev)
        return broken(i, `entry ${i} does not chain to the entry before it: an entry was removed, changed or moved`)
      if (entryHash(e) !== e.hash)
        return broken(i, `entry ${i} was changed after it was written (its hash does not match)`)
      prev = e.hash
    }
    const anchor = await readHead()
    if (anchor && anchor.seq >= lines.length) {
      return broken(
        lines.length,
        `the log ends at entry ${lines.length - 1} but entry ${anchor.seq} was written: entries were cut off the end`,
      )
    }
    if (anchor && anchor.seq === lines.length - 1 && anchor.hash !== prev) {
      return broken(anchor.seq, `the last entry (${anchor.seq}) is not the one that was written`)
    }
    return { ok: true, entries: lines.length }
  }

  async function readHead(): Promise<{ seq: number; hash: string } | null> {
    try {
      const h = JSON.parse(await readFile(headPath(), 'utf8')) as { seq: unknown; hash: unknown }
      return typeof h.seq === 'number' && typeof h.hash === 'string' ? { seq: h.seq, hash: h.hash } : null
    } catch {
      return null
    }
  }

  return { append, list, verifyChain, path: () => path(), folder: () => dirname(path()) }
}
export type AuditLog = ReturnType<typeof createAuditLog>

/**
 * Verification of the audit log's bytes against its head, pure (no I/O), so the
 * appender, `check`, `evidence verify` and the acknowledgement all judge a log
 * the same way.
 *
 * A log is whole when every line is an entry whose seq is its line number, whose
 * prevHash is the hash before it and whose hash covers it, and when the head
 * (audit.head.json: the last seq and hash written) names an entry of the log.
 * The head may lag (the app stopped between the line and the head); it may never
 * be ahead (entries were cut off the end) or name a different entry.
 *
 * A break stays a break until a person acknowledges it. The acknowledgement is an
 * entry of its own ("audit break acknowledged") appended after the damage: it says
 * who, when, where the chain broke and why, and holds the SHA-256 of the damaged
 * lines as they were. From it the chain resumes; any later change to those lines,
 * to the entries before them or after the acknowledgement breaks the chain again.
 */
import { createHash } from 'node:crypto'
import { AuditEntry, GENESIS_HASH } from '@shared/domain'
import { decodeUtf8 } from '@main/storage/safeRead'

export const ACK_ACTION = 'audit break acknowledged'
/** What the appender records when it set aside the fragment of an append a stop cut short. */
export const RECOVERED_ACTION = 'interrupted append set aside'

export type Head = { seq: number; hash: string } | null | 'damaged'

export interface LogBytes {
  /** Complete lines, without their newline. */
  lines: Buffer[]
  /** Bytes after the last newline: a torn last line when not empty. */
  tail: Buffer
}

export function splitLog(bytes: Buffer): LogBytes {
  const lines: Buffer[] = []
  let start = 0
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i))
    start = i + 1
  }
  return { lines, tail: bytes.subarray(start) }
}

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

export function parseEntry(line: Uint8Array): AuditEntry | null {
  const text = decodeUtf8(line)
  if (text === null) return null
  try {
    const parsed = AuditEntry.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** SHA-256 of lines [from, to] as they stand, joined by newlines: what an acknowledgement vouches for. */
export function spanHash(lines: Buffer[], from: number, to: number): string {
  const h = createHash('sha256')
  for (let i = from; i <= to; i++) {
    if (i > from) h.update('\n')
    h.update(lines[i])
  }
  return h.digest('hex')
}

export interface ChainState {
  ok: boolean
  /** Complete lines. */
  entries: number
  brokenAt?: number
  reason?: string
  /**
   * The only fault is a torn last line while the head still names an entry before it: an
   * append the app was stopped in. Nothing acknowledged was lost; the fragment can be set aside.
   */
  interrupted?: { bytes: number }
  /** Where the next entry chains from (meaningful when ok or interrupted). */
  next: { seq: number; prevHash: string }
  /** The head names an entry before the last: rewrite it at the next append. */
  headBehind: boolean
  /** What an acknowledgement of this break must record (when broken, not interrupted). */
  ack?: { brokenAt: number; reason: string; spanFrom: number | null; prevHash: string }
}

interface Ack {
  brokenAt: number
  span?: { from: number; to: number; sha256: string }
}

/** The acknowledgement at line j of a break at line i, if it is one and vouches for exactly lines i..j-1. */
function acknowledges(lines: Buffer[], j: number, i: number, prevHash: string): boolean {
  const e = parseEntry(lines[j])
  if (!e || e.action !== ACK_ACTION || e.seq !== j || entryHash(e) !== e.hash || e.prevHash !== prevHash) return false
  const d = e.detail as unknown as Ack
  return (
    d.brokenAt === i &&
    !!d.span &&
    d.span.from === i &&
    d.span.to === j - 1 &&
    d.span.sha256 === spanHash(lines, i, j - 1)
  )
}

export function verifyLog(log: LogBytes, head: Head): ChainState {
  const { lines, tail } = log
  const n = lines.length
  /** hashes[i]: the hash of entry i when it chains, null inside an acknowledged span. */
  const hashes: (string | null)[] = new Array(n).fill(null)
  let prev = GENESIS_HASH
  const broken = (at: number, reason: string, ack: ChainState['ack']): ChainState => ({
    ok: false,
    entries: n,
    brokenAt: at,
    reason,
    next: { seq: n, prevHash: prev },
    headBehind: false,
    ack,
  })

  for (let i = 0; i < n; i++) {
    const e = parseEntry(lines[i])
    let reason: string | null = null
    if (!e) reason = `entry ${i} (line ${i + 1}) is not a readable audit entry`
    else if (e.seq !== i) reason = `entry ${i} has sequence number ${e.seq}: an entry was removed, inserted or moved`
    else if (e.prevHash !== prev)
      reason = `entry ${i} does not chain to the entry before it: an entry was removed, changed or moved`
    else if (entryHash(e) !== e.hash) reason = `entry ${i} was changed after it was written (its hash does not match)`
    if (!reason) {
      prev = e!.hash
      hashes[i] = prev
      continue
    }
    let resumed = false
    for (let j = i + 1; j < n && !resumed; j++) {
      if (acknowledges(lines, j, i, prev)) {
        prev = parseEntry(lines[j])!.hash
        hashes[j] = prev
        i = j
        resumed = true
      }
    }
    if (!resumed) return broken(i, reason, { brokenAt: i, reason, spanFrom: i, prevHash: prev })
  }

  // The head: present once anything beyond the first entry was written, and never ahead of the log.
  const headProblem = (at: number, reason: string) =>
    broken(at, reason, { brokenAt: at, reason, spanFrom: null, prevHash: prev })
  if (head === 'damaged') return headProblem(n, 'audit.head.json is damaged: entries cut off the end could not be seen')
  if (head === null && n > 1)
    return headProblem(n, 'audit.head.json is missing: entries cut off the end could not be seen')
  if (head && head.seq >= n)
    return headProblem(
      n,
      `the log ends at entry ${n - 1} but entry ${head.seq} was written: entries were cut off the end`,
    )
  if (head && hashes[head.seq] !== head.hash)
    return headProblem(head.seq, `entry ${head.seq} is not the one that was written (the head names another)`)

  const state: ChainState = {
    ok: true,
    entries: n,
    next: { seq: n, prevHash: prev },
    headBehind: head ? head.seq < n - 1 : n > 0,
  }
  if (tail.length) {
    // The head names an entry of the log, so the torn line is an append that never finished.
    return {
      ...state,
      ok: false,
      brokenAt: n,
      reason: `entry ${n} was cut off while it was being written (${tail.length} bytes; the app stopped mid-append)`,
      interrupted: { bytes: tail.length },
    }
  }
  return state
}

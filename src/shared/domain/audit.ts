import { z } from 'zod'
import { Instant, Sha256 } from './common'

export const AuditEntry = z.object({
  seq: z.number().int().nonnegative(),
  at: Instant,
  actor: z.string().max(200),
  action: z.string().max(80),
  /** What it concerns: "case:<id>", "evidence:<caseId>/<id>", "blob:<sha>" ... */
  target: z.string().max(400),
  detail: z.record(z.string(), z.unknown()).default({}),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: Sha256,
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const GENESIS_HASH = '0'.repeat(64)

/** The state of the hash-chained audit log: where it first breaks, if it does. */
export const AuditChainReport = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** The first entry (seq as stored, or line number when unreadable) that fails. */
  brokenAt: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
  /**
   * The only fault is an append the app was stopped in (a torn last line the head never named):
   * nothing acknowledged is missing; repair, or the next append, sets the fragment aside.
   */
  interrupted: z.boolean().optional(),
})
export type AuditChainReport = z.infer<typeof AuditChainReport>

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

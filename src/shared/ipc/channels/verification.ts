/**
 * Verification aids for the evidence screens (issue 16): what Casefile read from
 * an item's file and what it advises. Each item's stored `analysis` (in
 * evidence:get / cases:get) already holds the metadata facts, the C2PA result
 * and the fingerprint as read at import; these channels add what is worked out
 * on demand.
 *
 *  - verification:inspect — one item: its analysis, the warnings against its
 *    claims as they stand now (event date, linked events' time, zone and place),
 *    the claims compared, near-duplicates anywhere in the workspace ("this clip
 *    matches item X at 00:00:04–00:00:09"), and the sun then and there.
 *  - verification:duplicates — near-duplicate pairs for a case (or the workspace).
 *  - verification:reread — reads files again (one item, a case, or all), as task
 *    `taskId`: `progress` events {taskId, label, done, total} in items; tasks:cancel stops it.
 *  - verification:sun — the sun and the zone for any time and place (to try another time).
 * The margins and trust anchors are workspace settings (settings:update { verification }).
 */
import { z } from 'zod'
import { DuplicatePair, Id, ItemInspection, RereadOutcome, SunPosition, SunRequest } from '@shared/domain'
import { channel } from '../define'

export const verificationChannels = {
  'verification:inspect': channel(z.object({ caseId: Id, evidenceId: Id }), ItemInspection),
  'verification:duplicates': channel(z.object({ caseId: Id.optional() }), z.array(DuplicatePair)),
  /** evidenceId needs caseId; caseId alone: the case's items; neither: every item of the workspace. */
  'verification:reread': channel(
    z.object({ caseId: Id.optional(), evidenceId: Id.optional(), taskId: z.string().min(1).max(100).optional() }),
    RereadOutcome,
  ),
  'verification:sun': channel(SunRequest, SunPosition),
} as const

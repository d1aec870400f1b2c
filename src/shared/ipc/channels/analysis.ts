/**
 * Working on evidence as ELAN and CaseMap do: transcripts in and out, stills
 * and clips as derived exhibits, the legal issues of a case, and every link of
 * a case seen from both ends.
 */
import { z } from 'zod'
import {
  Annotation,
  AnnotationFormat,
  CaseLinks,
  EvidenceItem,
  Id,
  Issue,
  IssueInput,
  IssuePatch,
  TierName,
} from '@shared/domain'
import { channel } from '../define'

const CaseRef = z.object({ caseId: Id })
const ItemRef = CaseRef.extend({ evidenceId: Id })
const Seconds = z.number().nonnegative().max(1_000_000)
const Links = z.object({
  eventIds: z.array(Id).max(1_000).optional(),
  evidenceIds: z.array(Id).max(1_000).optional(),
  statuteIds: z.array(Id).max(1_000).optional(),
})

export const analysisChannels = {
  /** Asks where to save, then writes the item's annotations: one tier as .vtt or .srt, every tier as .csv or .eaf. */
  'annotations:export': channel(
    ItemRef.extend({ format: AnnotationFormat, tier: TierName.optional() }),
    z.object({ path: z.string(), format: AnnotationFormat, cues: z.number().int().nonnegative() }),
  ),
  /** Asks for a .vtt, .srt or .eaf file and adds its cues as annotations (VTT and SRT onto `tier`). */
  'annotations:import': channel(
    ItemRef.extend({ tier: TierName.optional() }),
    z.object({
      added: z.array(Annotation),
      problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  ),
  /** A still at `at` seconds as a new exhibit: the PNG the player grabbed (base64), else a frame ffmpeg cuts. */
  'evidence:still': channel(
    ItemRef.extend({
      at: Seconds,
      png: z.string().max(36_000_000).optional(),
      title: z.string().trim().max(500).optional(),
    }),
    EvidenceItem,
  ),
  /** A clip from `from` to `to` seconds as a new exhibit (needs ffmpeg); cancellable by taskId. */
  'evidence:clip': channel(
    ItemRef.extend({
      from: Seconds,
      to: Seconds,
      title: z.string().trim().max(500).optional(),
      taskId: z.string().min(1).max(100).optional(),
    }),
    EvidenceItem,
  ),

  'issues:list': channel(CaseRef, z.array(Issue)),
  'issues:add': channel(CaseRef.extend({ issue: IssueInput }), Issue),
  /** `dropMissingLinks` (undo, redo): links to records removed since are dropped, not refused. */
  'issues:update': channel(
    CaseRef.extend({ issueId: Id, patch: IssuePatch, dropMissingLinks: z.boolean().optional() }),
    Issue,
  ),
  /** Adds links to an issue, keeping those it has. */
  'issues:link': channel(CaseRef.extend({ issueId: Id, links: Links }), Issue),
  'issues:remove': channel(CaseRef.extend({ issueId: Id }), z.object({ removed: z.literal(true) })),
  /** Puts an issue removed in this session back as it was removed (undo); links to records gone meanwhile are dropped. */
  'issues:restore': channel(CaseRef.extend({ issue: Issue }), Issue),

  /** Every link of the case from both ends: a card's exhibits and actors, an actor's events, where an exhibit is cited. */
  'cases:links': channel(CaseRef, CaseLinks),
} as const

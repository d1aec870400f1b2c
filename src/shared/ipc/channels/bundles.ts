/**
 * Case bundles (.casefile) and the keys that sign them.
 *
 * No channel takes a file path from the page. Export shows the save dialog in
 * main; import is two steps: bundles:inspect shows the open dialog and returns
 * what the chosen bundle holds with a ticket for it, then bundles:import imports
 * by that ticket (with the person's answer to a clash). Long work reports
 * `progress` events under the taskId and stops on tasks:cancel.
 */
import { z } from 'zod'
import {
  BundleExportResult,
  BundleImportResult,
  BundleInspection,
  Id,
  KeyList,
  KnownKey,
  OnClash,
} from '@shared/domain'
import { channel } from '../define'

const TaskId = z.string().min(1).max(100)
/** Hex digits, spaces and colons allowed (as a fingerprint is read out or pasted). */
const FingerprintText = z.object({ fingerprint: z.string().min(1).max(200) })

export const bundlesChannels = {
  /** Save dialog, then writes the case (less the items left out) as a signed bundle. cancelled: the dialog was dismissed. */
  'bundles:export': channel(
    z.object({ caseId: Id, leaveOut: z.array(Id).max(100_000).default([]), taskId: TaskId.optional() }),
    z.object({ cancelled: z.boolean(), result: BundleExportResult.optional() }),
  ),
  /** Open dialog, then what the bundle holds and who signed it; `ticket` stands for the file in bundles:import. */
  'bundles:inspect': channel(
    z.object({ taskId: TaskId.optional() }),
    z.object({ cancelled: z.boolean(), ticket: z.string().optional(), inspection: BundleInspection.optional() }),
  ),
  /**
   * Imports the inspected bundle. CONFLICT (details: { clash }) when the case is already here and no
   * onClash was given; VALIDATION ("The bundle was refused: …") when it fails any check; nothing changes then.
   */
  'bundles:import': channel(
    z.object({ ticket: z.string().min(1).max(100), onClash: OnClash.optional(), taskId: TaskId.optional() }),
    BundleImportResult,
  ),

  /** This workspace's key (made on first use) and every key trusted or seen here. */
  'keys:list': channel(z.object({}), KeyList),
  'keys:trust': channel(FingerprintText, KnownKey),
  'keys:remove': channel(FingerprintText, z.object({ removed: z.literal(true) })),
} as const

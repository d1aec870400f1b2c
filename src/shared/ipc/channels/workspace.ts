import { z } from 'zod'
import { RepairOptions, RepairReport, UserName, WorkspaceInfo } from '@shared/domain'
import { channel } from '../define'

export const workspaceChannels = {
  'workspace:info': channel(z.object({}), WorkspaceInfo),
  /** Asks main to show the folder picker and switch to the chosen workspace. */
  'workspace:choose': channel(z.object({}), z.object({ opened: z.boolean(), root: z.string().optional() })),
  'workspace:setUserName': channel(z.object({ userName: UserName }), WorkspaceInfo),
  /** Puts back the newest good backup of a quarantined file. */
  'workspace:restoreBackup': channel(z.object({ file: z.string().min(1) }), WorkspaceInfo),
  /**
   * Fixes what can be fixed safely (rebuilt index, interrupted changes, temp files, missing audit
   * twins) and says what it did; restoring backups and acknowledging an audit break only on request.
   */
  'workspace:repair': channel(RepairOptions, RepairReport),
  /** Opens an http(s) link in the system browser, on the user's click; any other scheme is refused. */
  'app:openExternal': channel(z.object({ url: z.string().min(1).max(4_000) }), z.object({ opened: z.boolean() })),
} as const

import { appError } from '@shared/i18n/appError'
import { extname } from 'node:path'
import { blobUrl, type SettingsPatch, type WorkspaceSettings } from '@shared/domain'
import type { EvidenceService } from '../evidence/evidenceService'
import type { WorkspaceService } from '../workspace/workspaceService'

const LOGO_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' } as const

/**
 * The workspace's settings (kept by the workspace service in workspace.json),
 * and the organisation's logo, whose bytes go into the blob store like any file.
 */
export function createSettingsService(deps: { workspace: WorkspaceService; evidence: EvidenceService }) {
  const { workspace, evidence } = deps
  return {
    get: (): Promise<WorkspaceSettings> => workspace.settings(),
    update: (patch: SettingsPatch): Promise<WorkspaceSettings> => workspace.updateSettings(patch),

    /** Stores a PNG or JPEG as the letterhead's logo; null removes it (the blob stays, as every blob does). */
    async setLogo(path: string | null): Promise<WorkspaceSettings> {
      if (path === null) return workspace.setLogo(null)
      const mediaType = LOGO_TYPES[extname(path).toLowerCase() as keyof typeof LOGO_TYPES]
      if (!mediaType) throw appError('VALIDATION', 'errRecords:logoMustPngJpeg')
      const stored = await evidence.storeBlob(path)
      return workspace.setLogo({ sha256: stored.sha256, mediaType })
    },

    /** Where the page loads the logo from (`base`: the platform's blob URL base); null when there is none. */
    async logoUrl(base?: string): Promise<string | null> {
      const logo = (await workspace.settings()).organisation.logo
      return logo ? blobUrl(logo, base) : null
    },

    /** Asks for an image (`choose`: the open dialog), then makes it the logo; null when dismissed. */
    async chooseLogo(choose: () => Promise<string[] | null>): Promise<WorkspaceSettings | null> {
      const [path] = (await choose()) ?? []
      return path ? this.setLogo(path) : null
    },
  }
}
export type SettingsService = ReturnType<typeof createSettingsService>

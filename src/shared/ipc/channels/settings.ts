import { z } from 'zod'
import { Preferences, PreferencesPatch, SettingsPatch, WorkspaceSettings } from '@shared/domain'
import { channel } from '../define'

export const settingsChannels = {
  /** The workspace's settings: organisation (letterhead, memo numbers, signatory), markings, zone, memo language. */
  'settings:get': channel(z.object({}), WorkspaceSettings),
  /** Changes what the patch names; organisation fields merge. */
  'settings:update': channel(SettingsPatch, WorkspaceSettings),
  /** Shows the open dialog for a PNG or JPEG and makes it the letterhead's logo; null when dismissed. */
  'settings:chooseLogo': channel(z.object({}), WorkspaceSettings.nullable()),
  /** Where the window loads the letterhead's logo from; null when there is none. */
  'settings:logoUrl': channel(z.object({}), z.object({ url: z.string().nullable() })),
  /** Removes the letterhead's logo. */
  'settings:removeLogo': channel(z.object({}), WorkspaceSettings),
  /** The user's own preferences (language, theme), kept in the user profile. */
  'preferences:get': channel(z.object({}), Preferences),
  /** `null` clears a preference (the language then follows the system). */
  'preferences:set': channel(PreferencesPatch, Preferences),
} as const

/**
 * What every screen may need of the settings: the user's preferences (kept in
 * the user profile: language, theme, timeline zone) and the open workspace's
 * settings (markings, default zone, memo language, organisation). The shell
 * (app/App.tsx) loads both and provides them; outside it (tests of one
 * component) the defaults apply.
 */
import { createContext, useContext } from 'react'
import { CLASSIFICATION_PRESETS, type Preferences, type PreferencesPatch, type WorkspaceSettings } from '@shared/domain'

export interface AppSettings {
  preferences: Preferences
  /** Saves a change of preferences and applies it (language, theme) at once. */
  setPreferences: (patch: PreferencesPatch) => Promise<void>
  /** Null until loaded (or when the workspace's settings could not be read). */
  settings: WorkspaceSettings | null
  /** After a change saved elsewhere (the settings screen): every screen sees the new settings. */
  settingsChanged: (s: WorkspaceSettings) => void
}

const fallback: AppSettings = {
  preferences: { theme: 'system' },
  setPreferences: async () => undefined,
  settings: null,
  settingsChanged: () => undefined,
}

export const AppSettingsContext = createContext<AppSettings>(fallback)

export const useAppSettings = (): AppSettings => useContext(AppSettingsContext)

/** The markings cases and briefings pick from: the workspace's list, or the presets before it is loaded. */
export function useClassificationChoices(): readonly string[] {
  return useAppSettings().settings?.classifications ?? CLASSIFICATION_PRESETS
}

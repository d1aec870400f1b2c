import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Preferences, PreferencesPatch, WorkspaceSettings } from '@shared/domain'
import { call } from '@renderer/lib/api'
import type { AppSettings } from '@renderer/lib/appSettings'
import { setLanguage } from '@renderer/lib/i18n'
import { applyTheme } from '@renderer/lib/theme'
import { setWorkspaceTimeZone } from '@renderer/lib/timeZones'

/**
 * Loads the user's preferences once (and applies their language and theme) and
 * the workspace's settings whenever the workspace is (re)loaded: `generation`.
 */
export function useAppSettingsState(generation: number): AppSettings & { ready: boolean } {
  const [preferences, setPrefs] = useState<Preferences>({ theme: 'system' })
  const [settings, setSettings] = useState<WorkspaceSettings | null>(null)
  const [ready, setReady] = useState(false)

  const apply = useCallback(async (p: Preferences) => {
    setPrefs(p)
    applyTheme(p.theme)
    await setLanguage(p.language)
  }, [])

  useEffect(() => {
    call('preferences:get', {})
      .then(apply)
      // Without preferences the window follows the system, which is what they default to.
      .catch(() => undefined)
      .finally(() => setReady(true))
  }, [apply])

  useEffect(() => {
    let stale = false
    call('settings:get', {})
      .then((s) => {
        if (stale) return
        setSettings(s)
        setWorkspaceTimeZone(s.defaultTimeZone)
      })
      .catch(() => !stale && setSettings(null))
    return () => {
      stale = true
    }
  }, [generation])

  const setPreferences = useCallback(
    async (patch: PreferencesPatch) => {
      await apply(await call('preferences:set', patch))
    },
    [apply],
  )

  const settingsChanged = useCallback((s: WorkspaceSettings) => {
    setSettings(s)
    setWorkspaceTimeZone(s.defaultTimeZone)
  }, [])

  return useMemo(
    () => ({ preferences, setPreferences, settings, settingsChanged, ready }),
    [preferences, setPreferences, settings, settingsChanged, ready],
  )
}

import { useEffect, useState } from 'react'
import type { WorkspaceInfo, WorkspaceSettings } from '@shared/domain'
import { SaveStatus } from '@renderer/components/SaveStatus'
import { useAutosave } from '@renderer/components/useAutosave'
import { call } from '@renderer/lib/api'
import { useAppSettings } from '@renderer/lib/appSettings'
import { useFocusOnOpen } from '@renderer/lib/focus'
import { useT } from '@renderer/lib/i18n'
import { forgetPickedTimeZone } from '@renderer/lib/timeZones'
import { messageOf } from '@shared/ipc/result'
import { OrganisationSection } from './OrganisationSection'
import { PersonalSection } from './PersonalSection'
import { WorkspaceSection } from './WorkspaceSection'
import { SecuritySection } from './security/SecuritySection'
import { draftOf, type SettingsDraft } from './draft'
import './settings.css'

interface Props {
  info: WorkspaceInfo | null
  /** After the user's name changed: the shell re-reads the workspace info. */
  onInfoChanged: () => Promise<void>
}

/**
 * The settings screen (#/settings, Ctrl+, or the menu): the user's own
 * preferences, kept on this computer, then the open workspace's settings and
 * the organisation the memos come from. Workspace settings save as they are
 * typed, like a case's overview.
 */
export function SettingsScreen({ info, onInfoChanged }: Props) {
  const t = useT()
  const { settings, settingsChanged } = useAppSettings()
  const headingRef = useFocusOnOpen<HTMLHeadingElement>()
  const [draft, setDraft] = useState<SettingsDraft | null>(() => (settings ? draftOf(settings) : null))
  const [loadError, setLoadError] = useState('')
  const readOnly = info?.readOnly ?? false

  // Settings may arrive after the screen opens (a reload); the draft starts from the first ones seen.
  useEffect(() => {
    if (!draft && settings) setDraft(draftOf(settings))
  }, [draft, settings])
  useEffect(() => {
    if (settings) return
    call('settings:get', {})
      .then((s) => {
        settingsChanged(s)
        setLoadError('')
      })
      .catch((e: unknown) => setLoadError(messageOf(e)))
  }, [settings, settingsChanged])

  const autosave = useAutosave(async (next: SettingsDraft) => {
    const before = settings?.defaultTimeZone
    const saved = await call('settings:update', next)
    // A new default zone applies to the next new event, whatever zone was picked last.
    if (saved.defaultTimeZone !== before) forgetPickedTimeZone()
    settingsChanged(saved)
  })

  const change = (next: SettingsDraft) => {
    setDraft(next)
    autosave.change(next)
  }
  const flush = () => void autosave.flush()

  return (
    <div className="settings">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.title')}
        </h1>
        <SaveStatus state={autosave.state} />
      </header>
      <PersonalSection info={info} onInfoChanged={onInfoChanged} />
      {loadError && (
        <p className="form-error" role="alert">
          {t('settings.loadFailed', { reason: loadError })}
        </p>
      )}
      {draft && settings && (
        <>
          <WorkspaceSection draft={draft} readOnly={readOnly} onChange={change} onBlur={flush} />
          <OrganisationSection
            draft={draft}
            settings={settings}
            readOnly={readOnly}
            onChange={change}
            onBlur={flush}
            onSettings={(s: WorkspaceSettings) => settingsChanged(s)}
          />
        </>
      )}
      <SecuritySection readOnly={readOnly} />
    </div>
  )
}

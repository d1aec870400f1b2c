import { useId } from 'react'
import { THEMES, type Language, type Theme, type WorkspaceInfo } from '@shared/domain'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { UserNameForm } from '@renderer/components/UserNameForm'
import { useAppSettings } from '@renderer/lib/appSettings'
import { useT } from '@renderer/lib/i18n'
import { showToast } from '@renderer/lib/toasts'
import { messageOf } from '@shared/ipc/result'

/** The person's own settings: the name the workspace records, and how the window looks on this computer. */
export function PersonalSection({
  info,
  onInfoChanged,
}: {
  info: WorkspaceInfo | null
  onInfoChanged: () => Promise<void>
}) {
  const t = useT()
  const ids = useId()
  const { preferences, setPreferences } = useAppSettings()

  const set = (patch: Parameters<typeof setPreferences>[0]) =>
    setPreferences(patch).catch((e: unknown) =>
      showToast({ tone: 'error', message: t('settings.saveFailed', { reason: messageOf(e) }) }),
    )

  return (
    <section className="settings__section" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('settings.you')}</h2>
      {info && <UserNameForm id="settings-user-name" info={info} onChanged={onInfoChanged} />}
      <div className="form-grid settings__grid">
        <div className="field">
          <label htmlFor={`${ids}-lang`}>{t('settings.language')}</label>
          <select
            id={`${ids}-lang`}
            value={preferences.language ?? ''}
            onChange={(e) => void set({ language: (e.target.value || null) as Language | null })}
          >
            <option value="">{t('settings.languageSystem')}</option>
            <option value="es" lang="es">
              {t('language.es')}
            </option>
            <option value="en" lang="en">
              {t('language.en')}
            </option>
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('settings.theme')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.theme')}>
            {THEMES.map((theme: Theme) => (
              <label
                key={theme}
                className={`segmented__option ${preferences.theme === theme ? 'segmented__option--on' : ''}`}
              >
                <input
                  type="radio"
                  name={`${ids}-theme`}
                  value={theme}
                  checked={preferences.theme === theme}
                  onChange={() => void set({ theme })}
                />
                {t(`settings.theme.${theme}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-zone`}>{t('settings.timelineZone')}</label>
          <TimeZoneSelect
            id={`${ids}-zone`}
            value={preferences.timelineZone ?? ''}
            onChange={(tz) => void set({ timelineZone: tz || null })}
            aria-describedby={`${ids}-zone-hint`}
          >
            <option value="">{t('timeline.eachOwnZone')}</option>
          </TimeZoneSelect>
          <p className="hint" id={`${ids}-zone-hint`}>
            {t('settings.timelineZoneHint')}
          </p>
        </div>
      </div>
    </section>
  )
}

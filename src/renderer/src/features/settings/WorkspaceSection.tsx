import { useId } from 'react'
import type { Language } from '@shared/domain'
import { TimeZoneSelect } from '@renderer/components/TimeZoneSelect'
import { useT } from '@renderer/lib/i18n'
import { MarkingsEditor } from './MarkingsEditor'
import type { SettingsDraft } from './draft'

interface Props {
  draft: SettingsDraft
  readOnly: boolean
  onChange: (next: SettingsDraft) => void
  onBlur: () => void
}

/** What the open workspace starts new things with: zone, memo language, and the markings to pick from. */
export function WorkspaceSection({ draft, readOnly, onChange, onBlur }: Props) {
  const t = useT()
  const ids = useId()
  return (
    <section className="settings__section" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('settings.workspace')}</h2>
      <fieldset disabled={readOnly} className="form-grid settings__grid">
        <div className="field">
          <label htmlFor={`${ids}-zone`}>{t('settings.defaultZone')}</label>
          <TimeZoneSelect
            id={`${ids}-zone`}
            value={draft.defaultTimeZone}
            aria-describedby={`${ids}-zone-hint`}
            onChange={(defaultTimeZone) => onChange({ ...draft, defaultTimeZone })}
            onBlur={onBlur}
          />
          <p className="hint" id={`${ids}-zone-hint`}>
            {t('settings.defaultZoneHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-memo-lang`}>{t('settings.memoLanguage')}</label>
          <select
            id={`${ids}-memo-lang`}
            value={draft.memoLanguage}
            aria-describedby={`${ids}-memo-lang-hint`}
            onChange={(e) => onChange({ ...draft, memoLanguage: e.target.value as Language })}
            onBlur={onBlur}
          >
            <option value="es" lang="es">
              {t('language.es')}
            </option>
            <option value="en" lang="en">
              {t('language.en')}
            </option>
          </select>
          <p className="hint" id={`${ids}-memo-lang-hint`}>
            {t('settings.memoLanguageHint')}
          </p>
        </div>
        <div className="field field--wide">
          <MarkingsEditor
            markings={draft.classifications}
            disabled={readOnly}
            onChange={(classifications) => onChange({ ...draft, classifications })}
            onBlur={onBlur}
          />
        </div>
      </fieldset>
    </section>
  )
}

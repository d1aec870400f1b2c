import { useId } from 'react'
import { formatMemoNumber, type WorkspaceSettings } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'
import { LogoField } from './LogoField'
import type { SettingsDraft } from './draft'

interface Props {
  draft: SettingsDraft
  settings: WorkspaceSettings
  readOnly: boolean
  onChange: (next: SettingsDraft) => void
  onBlur: () => void
  /** The logo is saved at once (chosen or removed), not through the draft. */
  onSettings: (s: WorkspaceSettings) => void
}

type OrgField = Exclude<keyof SettingsDraft['organisation'], 'letterhead'>

/** The number the next final memo will get, from the pattern and the counter (which restarts each year). */
export function nextMemoNumber(
  pattern: string,
  counter: WorkspaceSettings['organisation']['memoCounter'],
  now = new Date(),
) {
  const year = now.getFullYear()
  return formatMemoNumber(pattern, counter?.year === year ? counter.last + 1 : 1, year)
}

/** Who the memos come from: letterhead, logo, memo numbers, and the people a memo names by default. */
export function OrganisationSection({ draft, settings, readOnly, onChange, onBlur, onSettings }: Props) {
  const t = useT()
  const ids = useId()
  const org = draft.organisation
  const set = (field: OrgField, value: string) => onChange({ ...draft, organisation: { ...org, [field]: value } })
  const pattern = org.memoNumberPattern.trim()

  const input = (field: OrgField, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${field}`}>{label}</label>
      <input
        id={`${ids}-${field}`}
        value={org[field]}
        aria-describedby={hint ? `${ids}-${field}-hint` : undefined}
        onChange={(e) => set(field, e.target.value)}
        onBlur={onBlur}
      />
      {hint && (
        <p className="hint" id={`${ids}-${field}-hint`}>
          {hint}
        </p>
      )}
    </div>
  )

  return (
    <section className="settings__section" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('org.title')}</h2>
      <p className="hint settings__intro">{t('org.intro')}</p>
      <fieldset disabled={readOnly} className="form-grid settings__grid">
        <div className="field field--span2">
          <label htmlFor={`${ids}-letterhead`}>{t('org.letterhead')}</label>
          <textarea
            id={`${ids}-letterhead`}
            rows={4}
            value={org.letterhead.join('\n')}
            aria-describedby={`${ids}-letterhead-hint`}
            onChange={(e) =>
              onChange({ ...draft, organisation: { ...org, letterhead: e.target.value.split('\n').slice(0, 6) } })
            }
            onBlur={() => {
              // Blank lines at the ends print nothing; drop them once the person is done typing.
              const lines = org.letterhead.map((l) => l.trim())
              while (lines.length && !lines[lines.length - 1]) lines.pop()
              if (lines.join('\n') !== org.letterhead.join('\n'))
                onChange({ ...draft, organisation: { ...org, letterhead: lines } })
              onBlur()
            }}
          />
          <p className="hint" id={`${ids}-letterhead-hint`}>
            {t('org.letterheadHint')}
          </p>
        </div>
        <LogoField settings={settings} disabled={readOnly} onSettings={onSettings} />
        <div className="field">
          <label htmlFor={`${ids}-pattern`}>{t('org.pattern')}</label>
          <input
            id={`${ids}-pattern`}
            value={org.memoNumberPattern}
            spellCheck={false}
            aria-describedby={`${ids}-pattern-hint ${ids}-pattern-next`}
            onChange={(e) => set('memoNumberPattern', e.target.value)}
            onBlur={onBlur}
          />
          <p className="hint" id={`${ids}-pattern-hint`}>
            {t('org.patternHint')}
          </p>
          <p className="settings__preview" id={`${ids}-pattern-next`} aria-live="polite">
            {pattern ? (
              <>
                {t('org.nextNumber')}{' '}
                <code translate="no">{nextMemoNumber(pattern, settings.organisation.memoCounter)}</code>
              </>
            ) : (
              <span className="muted">{t('org.noPattern')}</span>
            )}
          </p>
        </div>
        {input('cc', t('org.cc'), t('org.ccHint'))}
        {input('drafter', t('org.drafter'))}
        <div className="field">
          <label htmlFor={`${ids}-clearance`}>{t('org.clearance')}</label>
          <textarea
            id={`${ids}-clearance`}
            rows={2}
            value={org.clearance}
            aria-describedby={`${ids}-clearance-hint`}
            onChange={(e) => set('clearance', e.target.value)}
            onBlur={onBlur}
          />
          <p className="hint" id={`${ids}-clearance-hint`}>
            {t('org.clearanceHint')}
          </p>
        </div>
        {input('signatoryName', t('org.signatoryName'))}
        {input('signatoryTitle', t('org.signatoryTitle'))}
      </fieldset>
    </section>
  )
}

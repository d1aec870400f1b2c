import { useId, useState } from 'react'
import { LANGUAGES, type Language, type MemoHeader } from '@shared/domain'
import { ClassificationInput } from '@renderer/components/ClassificationInput'
import { useT } from '@renderer/lib/i18n'

interface Props {
  header: MemoHeader
  language: Language
  onChange: (header: MemoHeader) => void
  onLanguage: (language: Language) => void
  onBlur: () => void
  disabled?: boolean
}

type TextField = Exclude<keyof MemoHeader, 'classification' | 'number'>

/** Each field: its key, whether it takes a whole row, and whether it is a few lines. */
const FIELDS: { key: TextField; wide?: boolean; lines?: boolean }[] = [
  { key: 'to' },
  { key: 'from' },
  { key: 'cc' },
  { key: 'date' },
  { key: 'reference' },
  { key: 'subject', wide: true },
  { key: 'signatoryName' },
  { key: 'signatoryTitle' },
  { key: 'drafter' },
  { key: 'clearance', wide: true, lines: true },
]

const FOLD_KEY = 'casefile.briefingHeaderOpen'
const initiallyOpen = () => {
  try {
    return localStorage.getItem(FOLD_KEY) === '1'
  } catch {
    return false
  }
}

/**
 * The memo header (TO / FROM / CC / DATE / REF / SUBJECT, number, signature and
 * clearance lines), its classification and the memo's language. Folded to one
 * line by default so the text gets the screen; the choice is remembered.
 */
export function HeaderForm({ header, language, onChange, onLanguage, onBlur, disabled }: Props) {
  const t = useT('briefings')
  const ids = useId()
  const [open, setOpen] = useState(initiallyOpen)
  const toggle = () => {
    setOpen(!open)
    try {
      localStorage.setItem(FOLD_KEY, open ? '0' : '1')
    } catch {
      // Not remembering the fold costs a click next time.
    }
  }

  return (
    <div className={`memo-header ${open ? 'memo-header--open' : ''}`}>
      <div className="memo-header__summary">
        <button
          type="button"
          className="memo-header__toggle"
          aria-expanded={open}
          aria-controls={`${ids}-fields`}
          onClick={toggle}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('header.toggle')}
        </button>
        {!open && (
          <span className="memo-header__line" aria-hidden="true">
            <span className="memo-header__mark">{header.classification}</span>
            {header.to && (
              <span>
                {t('header.to')}: {header.to}
              </span>
            )}
            {header.subject && <span className="memo-header__subject">{header.subject}</span>}
            <span className="memo-header__lang">{language.toUpperCase()}</span>
          </span>
        )}
      </div>
      <fieldset className="memo-header__fields" id={`${ids}-fields`} disabled={disabled} hidden={!open}>
        <legend className="visually-hidden">{t('header.legend')}</legend>
        <div className="memo-header__field">
          <label htmlFor={`${ids}-classification`}>{t('header.classification')}</label>
          <ClassificationInput
            id={`${ids}-classification`}
            value={header.classification}
            onChange={(classification) => onChange({ ...header, classification })}
            onBlur={onBlur}
          />
        </div>
        <div className="memo-header__field">
          <label htmlFor={`${ids}-language`}>{t('header.language')}</label>
          <select
            id={`${ids}-language`}
            value={language}
            aria-describedby={`${ids}-language-hint`}
            onChange={(e) => onLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          <span className="hint memo-header__hint" id={`${ids}-language-hint`}>
            {t('header.languageHint')}
          </span>
        </div>
        <div className="memo-header__field">
          <label htmlFor={`${ids}-number`}>{t('header.number')}</label>
          <input
            id={`${ids}-number`}
            value={header.number}
            readOnly
            placeholder={t('header.numberPending')}
            aria-describedby={`${ids}-number-hint`}
          />
          <span className="hint memo-header__hint" id={`${ids}-number-hint`}>
            {t('header.numberHint')}
          </span>
        </div>
        {FIELDS.map((f) => (
          <div key={f.key} className={`memo-header__field ${f.wide ? 'memo-header__field--wide' : ''}`}>
            <label htmlFor={`${ids}-${f.key}`}>{t(`header.${f.key}`)}</label>
            {f.lines ? (
              <textarea
                id={`${ids}-${f.key}`}
                rows={2}
                value={header[f.key]}
                placeholder={t(`header.${f.key}Placeholder`)}
                onChange={(e) => onChange({ ...header, [f.key]: e.target.value })}
                onBlur={onBlur}
              />
            ) : (
              <input
                id={`${ids}-${f.key}`}
                value={header[f.key]}
                placeholder={t(`header.${f.key}Placeholder`)}
                onChange={(e) => onChange({ ...header, [f.key]: e.target.value })}
                onBlur={onBlur}
              />
            )}
          </div>
        ))}
      </fieldset>
    </div>
  )
}

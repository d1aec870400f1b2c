import { useId, useState } from 'react'
import { BRIEFING_TEMPLATES, LANGUAGE_NAMES, LANGUAGES, type BriefingTemplate, type Language } from '@shared/domain'
import { call } from '@renderer/lib/api'
import { useT } from '@renderer/lib/i18n'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { messageOf } from '@shared/ipc/result'

/** 'From the case file' first: it drafts the memo from what the case holds, so it is the usual start. */
export const TEMPLATE_ORDER: readonly BriefingTemplate[] = [
  'case file',
  ...BRIEFING_TEMPLATES.filter((t) => t !== 'case file'),
]

interface Props {
  caseId: string
  onCreated: () => Promise<void>
  onOpen: (briefingId: string) => void
}

/** "New briefing": a template, an optional title and the memo's language (the workspace's by default). */
export function NewBriefingForm({ caseId, onCreated, onOpen }: Props) {
  const t = useT('briefings')
  const [template, setTemplate] = useState<BriefingTemplate>(TEMPLATE_ORDER[0])
  const [title, setTitle] = useState('')
  const [language, setLanguage] = useState<Language | ''>('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const ids = useId()

  const create = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const b = await call('briefings:create', {
        caseId,
        template,
        title: title.trim() || undefined,
        language: language || undefined,
      })
      await onCreated()
      onOpen(b.id)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <form className="new-briefing" onSubmit={create} aria-labelledby={`${ids}-h`}>
      <h2 className="new-briefing__title" id={`${ids}-h`}>
        {t('new.heading')}
      </h2>
      <div className="new-briefing__row">
        <div className="field">
          <label htmlFor={`${ids}-template`}>{t('new.template')}</label>
          <select
            id={`${ids}-template`}
            value={template}
            onChange={(e) => setTemplate(e.target.value as BriefingTemplate)}
          >
            {TEMPLATE_ORDER.map((name) => (
              <option key={name} value={name}>
                {t(`template.${name}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field new-briefing__name">
          <label htmlFor={`${ids}-title`}>{t('new.title')}</label>
          <input
            id={`${ids}-title`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('new.titlePlaceholder')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-lang`}>{t('new.language')}</label>
          <select id={`${ids}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as Language | '')}>
            <option value="">{t('new.languageDefault')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button--primary" disabled={busy}>
          {t('new.create')}
        </button>
      </div>
      <p className="hint">
        {t(`templateNote.${template}`)} {t('new.headerNote')}
      </p>
      <ErrorAlert>{error}</ErrorAlert>
    </form>
  )
}

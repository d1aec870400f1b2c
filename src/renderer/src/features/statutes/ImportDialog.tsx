import { useId, useState } from 'react'
import { citationLabel } from '@shared/domain'
import type { StatuteImportOutcome } from '@shared/domain'
import { Dialog } from '@renderer/components/Dialog'
import { call } from '@renderer/lib/api'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { currentLanguage, i18n, useT } from '@renderer/lib/i18n'
import { localValues } from '@shared/i18n/invalidInput'
import { messageOf } from '@shared/ipc/result'

interface Props {
  caseId?: string
  onImported: (outcome: StatuteImportOutcome) => void
  onClose: () => void
}

type Format = 'text' | 'json'

const EXAMPLES: Record<Format, string> = {
  text: `Instrument: Vienna Convention on Consular Relations (VCCR), 1963
Source: United Nations, Treaty Series, vol. 596, p. 261
Jurisdiction: International
Tags: consular, inviolability

Art. 31(2) — Inviolability of the consular premises
The authorities of the receiving State shall not enter …

Art. 36 — Communication and contact with nationals
…`,
  json: `[
  { "instrument": "Vienna Convention on Diplomatic Relations", "shortName": "VCDR", "year": 1961,
    "article": "22", "paragraph": "1", "heading": "Inviolability of the mission",
    "text": "The premises of the mission shall be inviolable. …", "source": "UNTS vol. 500, p. 95",
    "tags": ["inviolability"] }
]`,
}

/** Paste → preview (a dry run in main, the same parser) → confirm. */
export function ImportDialog({ caseId, onImported, onClose }: Props) {
  const t = useT()
  const [format, setFormat] = useState<Format>('text')
  const [content, setContent] = useState('')
  const [preview, setPreview] = useState<StatuteImportOutcome | null>(null)
  const [link, setLink] = useState(!!caseId)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const ids = useId()

  const run = async (dryRun: boolean) => {
    setBusy(true)
    setError('')
    try {
      const outcome = await call('statutes:import', {
        format,
        content,
        dryRun,
        linkToCaseId: !dryRun && link ? caseId : undefined,
      })
      if (dryRun) setPreview(outcome)
      else {
        onImported(outcome)
        onClose()
      }
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const fresh = preview ? preview.parsed.length - preview.duplicates.length : 0
  const dupRows = new Set(preview?.duplicates.map((d) => d.row))

  return (
    <Dialog title={t('import.title')} onClose={onClose} className="dialog--wide">
      <div className="import-dialog">
        <div className="segmented" role="radiogroup" aria-label={t('import.format')}>
          {(['text', 'json'] as const).map((f) => (
            <label key={f} className={`segmented__option ${format === f ? 'segmented__option--on' : ''}`}>
              <input
                type="radio"
                name={`${ids}-format`}
                checked={format === f}
                onChange={() => {
                  setFormat(f)
                  setPreview(null)
                }}
              />
              {f === 'text' ? t('import.pastedText') : t('import.json')}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-content`}>{format === 'text' ? t('import.textLabel') : t('import.jsonLabel')}</label>
          <textarea
            id={`${ids}-content`}
            className="statute-text-input"
            rows={10}
            value={content}
            spellCheck={false}
            placeholder={EXAMPLES[format]}
            translate="no"
            data-autofocus
            onChange={(e) => {
              setContent(e.target.value)
              setPreview(null)
            }}
          />
          <p className="hint">{format === 'text' ? t('import.textHint') : t('import.jsonHint')}</p>
        </div>

        {preview && (
          <section className="import-preview" aria-label={t('import.preview')}>
            <p>
              {t('import.summary', {
                fresh,
                duplicates: preview.duplicates.length,
                problems: preview.problems.length,
              })}
            </p>
            {preview.parsed.length > 0 && (
              <ul className="import-preview__rows">
                {preview.parsed.map((r) => (
                  <li key={r.row} className={dupRows.has(r.row) ? 'muted' : ''}>
                    <span className="statute-label" translate="no">
                      {citationLabel({ ...r, shortName: r.shortName ?? '', paragraph: r.paragraph ?? '' })}
                    </span>{' '}
                    {r.heading}{' '}
                    <span className="muted">
                      {t(format === 'json' ? 'import.rowRef' : 'import.lineRef', { row: r.row })}
                    </span>
                    {dupRows.has(r.row) && ` — ${t('import.skipped')}`}
                  </li>
                ))}
              </ul>
            )}
            {preview.problems.length > 0 && (
              <ul className="import-preview__problems" aria-label={t('import.problems')}>
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    {p.row > 0 && (
                      <span className="muted">
                        {t(format === 'json' ? 'import.rowAt' : 'import.lineAt', { row: p.row })}{' '}
                      </span>
                    )}
                    {p.text ? i18n.t(p.text.key, localValues(p.text, currentLanguage())) : p.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {caseId && (
          <label className="check">
            <input type="checkbox" checked={link} onChange={(e) => setLink(e.target.checked)} /> {t('import.link')}
          </label>
        )}
        <ErrorAlert>{error}</ErrorAlert>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" disabled={busy || !content.trim()} onClick={() => void run(true)}>
            {t('import.previewButton')}
          </button>
          <button
            type="button"
            className="button--primary"
            disabled={busy || !preview || (fresh === 0 && !(link && preview.duplicates.length))}
            onClick={() => void run(false)}
          >
            {t('import.submit', { count: fresh })}
          </button>
        </div>
      </div>
    </Dialog>
  )
}

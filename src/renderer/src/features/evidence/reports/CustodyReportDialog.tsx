import { useId, useState } from 'react'
import { LANGUAGES, REPORT_FORMATS, type Language, type ReportFormat } from '@shared/domain'
import { formatBytes } from '@shared/i18n/format'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorAlert } from '@renderer/components/ErrorAlert'
import { ApiError, call } from '@renderer/lib/api'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { messageOf } from '@shared/ipc/result'

type Outcome = { path: string; format: ReportFormat; sha256: string; bytes: number; exhibits: number }

/**
 * The chain-of-custody report of the case, for a court or another agency: PDF to
 * read, CSV or JSON for a technical expert. Main asks where to save it, writes
 * it and records its SHA-256 in the custody log.
 */
export function CustodyReportDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const t = useT('evidence')
  const lang = useLanguage()
  const ids = useId()
  const [format, setFormat] = useState<ReportFormat>('pdf')
  const [language, setLanguage] = useState<Language>(lang)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState<Outcome | null>(null)

  const save = async () => {
    setBusy(true)
    setError('')
    try {
      setDone(await call('reports:custody', { caseId, format, language }))
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CANCELLED')) setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('report.title')} onClose={onClose} className="ev-report">
      <p className="hint">{t('report.intro')}</p>
      <fieldset className="ev-report__formats" disabled={busy}>
        <legend>{t('report.format')}</legend>
        {REPORT_FORMATS.map((f) => (
          <label key={f} className="ev-report__format">
            <input type="radio" name={`${ids}-f`} checked={format === f} onChange={() => setFormat(f)} />{' '}
            <span>
              <strong>{t(`report.formatName.${f}`)}</strong>
              <span className="muted small"> — {t(`report.formatHint.${f}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field ev-report__lang">
        <label htmlFor={`${ids}-lang`}>{t('report.language')}</label>
        <select
          id={`${ids}-lang`}
          value={language}
          disabled={busy}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {done && (
        <div className="ev-report__done" role="status">
          <p>
            {t('report.saved', {
              file: done.path.split(/[\\/]/).pop() ?? done.path,
              count: done.exhibits,
              size: formatBytes(done.bytes, lang),
            })}
          </p>
          <p className="mono small ev-report__sha">
            SHA-256 <code data-testid="report-sha256">{done.sha256}</code>
          </p>
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button--primary" disabled={busy} onClick={() => void save()}>
          {done ? t('report.again') : t('report.save')}
        </button>
      </div>
    </Dialog>
  )
}

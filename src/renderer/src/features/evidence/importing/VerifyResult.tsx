import type { VerifyReport } from '@shared/domain'
import { formatDateTime } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'

/** What "Verify integrity" found: every mismatch by item, whether the audit chain holds, custody missing from it. */
export function VerifyResult({
  report,
  onSelect,
  onClose,
}: {
  report: VerifyReport
  onSelect: (evidenceId: string) => void
  onClose: () => void
}) {
  const t = useT('evidence')
  const lang = useLanguage()
  const { audit } = report
  return (
    <section className={`ev-verify ${report.ok ? 'ev-verify--ok' : 'ev-verify--bad'}`} aria-label={t('verify.label')}>
      <header className="ev-verify__head">
        <strong role="status">
          {report.problems.length === 0
            ? t('verify.allMatch', { count: report.checked })
            : t('verify.failed', { failed: report.problems.length, count: report.checked })}
        </strong>
        <button type="button" className="button--link" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      {report.problems.length > 0 && (
        <ul className="ev-verify__problems">
          {report.problems.map((p) => (
            <li key={p.evidenceId}>
              <button type="button" className="button--link" onClick={() => onSelect(p.evidenceId)}>
                {p.title}
              </button>{' '}
              <span className="badge badge--red">
                {p.status === 'missing' ? t('integrity.missing') : t('integrity.mismatch')}
              </span>
              <div className="mono small">
                {t('verify.expected')} {p.expected}
              </div>
              {p.actual && (
                <div className="mono small">
                  {t('verify.actual')} {p.actual}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="ev-verify__audit">
        {audit.ok
          ? t('verify.auditIntact', { count: audit.entries })
          : audit.reason
            ? t('verify.auditBrokenWhy', { at: audit.brokenAt ?? '?', reason: audit.reason })
            : t('verify.auditBroken', { at: audit.brokenAt ?? '?' })}
      </p>
      {report.custodyGaps.length > 0 && (
        <>
          <p className="ev-verify__audit">{t('verify.gaps', { count: report.custodyGaps.length })}</p>
          <ul className="ev-verify__problems">
            {report.custodyGaps.map((g) => (
              <li key={`${g.evidenceId}/${g.action}/${g.at}`}>
                <button type="button" className="button--link" onClick={() => onSelect(g.evidenceId)}>
                  {g.title}
                </button>{' '}
                <span className="badge badge--red">{t('verify.notInLog')}</span>
                <div className="small">
                  {t('verify.gapEntry', {
                    action: t(`custodyAction.${g.action}`),
                    at: formatDateTime(g.at, lang, 'UTC', { showZone: true }),
                  })}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

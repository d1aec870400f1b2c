import type { VerifyReport } from '@shared/domain'
import { isoMinute } from '../format'

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
  const { audit } = report
  return (
    <section
      className={`ev-verify ${report.ok ? 'ev-verify--ok' : 'ev-verify--bad'}`}
      aria-label="Integrity check result"
    >
      <header className="ev-verify__head">
        <strong role="status">
          {report.problems.length === 0
            ? `All ${report.checked} stored file${report.checked === 1 ? '' : 's'} match their recorded SHA-256.`
            : `${report.problems.length} of ${report.checked} file${report.checked === 1 ? '' : 's'} failed the check.`}
        </strong>
        <button type="button" className="button--link" onClick={onClose}>
          Close
        </button>
      </header>
      {report.problems.length > 0 && (
        <ul className="ev-verify__problems">
          {report.problems.map((p) => (
            <li key={p.evidenceId}>
              <button type="button" className="button--link" onClick={() => onSelect(p.evidenceId)}>
                {p.title}
              </button>{' '}
              <span className="badge badge--red">{p.status === 'missing' ? 'file missing' : 'hash mismatch'}</span>
              <div className="mono small">expected {p.expected}</div>
              {p.actual && <div className="mono small">actual&nbsp;&nbsp; {p.actual}</div>}
            </li>
          ))}
        </ul>
      )}
      <p className="ev-verify__audit">
        Audit chain:{' '}
        {audit.ok
          ? `intact (${audit.entries} entries).`
          : `BROKEN at entry ${audit.brokenAt ?? '?'}${audit.reason ? `: ${audit.reason}` : ''}.`}
      </p>
      {report.custodyGaps.length > 0 && (
        <>
          <p className="ev-verify__audit">
            {report.custodyGaps.length} custody entr{report.custodyGaps.length === 1 ? 'y is' : 'ies are'} missing from
            the audit log (the app may have stopped between the two writes):
          </p>
          <ul className="ev-verify__problems">
            {report.custodyGaps.map((g) => (
              <li key={`${g.evidenceId}/${g.action}/${g.at}`}>
                <button type="button" className="button--link" onClick={() => onSelect(g.evidenceId)}>
                  {g.title}
                </button>{' '}
                <span className="badge badge--red">not in audit log</span>
                <div className="small">
                  “{g.action}”, {isoMinute(g.at)}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

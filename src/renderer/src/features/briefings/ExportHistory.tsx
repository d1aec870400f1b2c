import type { ExportRecord } from '@shared/domain'
import { formatDateTime } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'
import { browserTimeZone } from '@renderer/lib/timeZones'

export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** Every export of the briefing, newest first: when, file, format, marks, pages, hash, Open. */
export function ExportHistory({ exports, onOpen }: { exports: ExportRecord[]; onOpen: (path: string) => void }) {
  const t = useT('briefings')
  const lang = useLanguage()
  const history = [...exports].reverse()
  return (
    <>
      <h3 className="export-history__title">{t('export.history')}</h3>
      {history.length ? (
        <table className="table export-history">
          <thead>
            <tr>
              <th scope="col">{t('export.when')}</th>
              <th scope="col">{t('export.file')}</th>
              <th scope="col">{t('export.pages')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <tr key={`${r.at}-${r.sha256}`}>
                <td>{formatDateTime(r.at, lang, browserTimeZone())}</td>
                <td title={r.file}>
                  {fileName(r.file)}
                  <span className="badge badge--small export-history__format">{t(`export.format.${r.format}`)}</span>
                  {r.options.draft && (
                    <span className="badge badge--small export-history__draft">{t('export.draftBadge')}</span>
                  )}
                  {r.release && (
                    <span className="badge badge--small export-history__release" title={r.release.reasons.join('; ')}>
                      {t('export.releaseBadge')}
                    </span>
                  )}
                </td>
                <td>{r.format === 'pdf' ? r.pages : '—'}</td>
                <td>
                  <code className="export-history__hash" title={r.sha256}>
                    {r.sha256.slice(0, 16)}…
                  </code>
                </td>
                <td>
                  <button
                    type="button"
                    className="button--small"
                    aria-label={t('export.openNamed', { file: fileName(r.file) })}
                    onClick={() => onOpen(r.file)}
                  >
                    {t('export.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('export.never')}</p>
      )}
    </>
  )
}

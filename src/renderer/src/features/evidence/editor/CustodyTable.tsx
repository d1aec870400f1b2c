import type { CustodyEntry } from '@shared/domain'
import { formatDateTime } from '@shared/i18n/format'
import { useLanguage, useT } from '@renderer/lib/i18n'

/** The chain of custody, oldest first, as recorded by main: nobody edits it here. Times in UTC. */
export function CustodyTable({ entries }: { entries: CustodyEntry[] }) {
  const t = useT('evidence')
  const lang = useLanguage()
  if (!entries.length) return <p className="muted">{t('custody.none')}</p>
  return (
    <table className="ev-custody">
      <caption className="visually-hidden">{t('custody.caption')}</caption>
      <colgroup>
        <col className="ev-custody__when" />
        <col className="ev-custody__who" />
        <col className="ev-custody__action" />
        <col className="ev-custody__hash" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('custody.when')}</th>
          <th scope="col">{t('custody.who')}</th>
          <th scope="col">{t('custody.action')}</th>
          <th scope="col">{t('custody.hash')}</th>
          <th scope="col">{t('custody.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={i} className={e.action === 'hash mismatch' ? 'ev-custody--bad' : undefined}>
            <td>{formatDateTime(e.at, lang, 'UTC')}</td>
            <td>{e.actor}</td>
            <td>{t(`custodyAction.${e.action}`)}</td>
            <td className="mono small" title={e.sha256}>
              {e.sha256 ? `${e.sha256.slice(0, 12)}…` : ''}
            </td>
            <td>{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

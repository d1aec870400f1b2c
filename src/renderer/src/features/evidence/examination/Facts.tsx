import type { MediaMetadata } from '@shared/domain'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'

/** The metadata the readers found, each fact beside the field it was read from. */
export function Facts({ metadata }: { metadata: MediaMetadata }) {
  const t = useT('examination')
  const fmt = useFormat()
  return (
    <>
      <p className="ex-meta-status" data-status={metadata.status}>
        {t(`metaStatus.${metadata.status}`)}
      </p>
      {metadata.facts.length > 0 && (
        <table className="table ex-facts">
          <caption className="visually-hidden">{t('factsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('factName')}</th>
              <th scope="col">{t('factValue')}</th>
              <th scope="col">{t('factSource')}</th>
            </tr>
          </thead>
          <tbody>
            {metadata.facts.map((f, i) => (
              <tr key={i} data-fact={f.name}>
                <th scope="row">{t(`fact.${f.name}`)}</th>
                <td className="mono" translate="no">
                  {typeof f.value === 'number' ? fmt.number(f.value) : f.value}
                </td>
                <td className="mono small" translate="no">
                  {f.source.reader}: {f.source.field}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

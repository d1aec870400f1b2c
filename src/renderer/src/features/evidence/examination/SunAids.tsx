import type { CaseDetail, TimePlaceAid } from '@shared/domain'
import { useFormat } from '@renderer/lib/format'
import { useT } from '@renderer/lib/i18n'
import { claimName } from './words'

/** The sun then and there, for each time and place the item is said (or says itself) to be from. */
export function SunAids({ aids, detail }: { aids: TimePlaceAid[]; detail: CaseDetail }) {
  const t = useT('examination')
  const fmt = useFormat()
  if (!aids.length) return <p className="muted">{t('sun.none')}</p>
  const deg = (n: number) => fmt.number(Math.round(n * 10) / 10)
  return (
    <div className="ex-sun">
      {aids.map((a, i) => {
        const { sun } = a
        const basis =
          a.from && a.from !== 'file' && a.claim
            ? t(`sun.from.${a.from}`, { claim: claimName(t, a.claim, detail) })
            : a.from === 'file'
              ? t('sun.from.file')
              : a.basis
        const clock = (v: string | null) => (v ? fmt.dateTime(v, sun.zone).split(', ').pop() : '—')
        return (
          <section key={i} className="ex-sun__aid" aria-label={t('sun.caption')}>
            <h5>{basis.charAt(0).toUpperCase() + basis.slice(1)}</h5>
            <dl className="ev-facts">
              <dt>{t('sun.localTime')}</dt>
              <dd>
                {fmt.dateTime(sun.at, sun.zone)}{' '}
                <span className="mono" translate="no">
                  ({sun.zone})
                </span>
              </dd>
              <dt>{t('sun.position')}</dt>
              <dd>
                {sun.altitude > 0
                  ? t('sun.above', { altitude: deg(sun.altitude), azimuth: deg(sun.azimuth) })
                  : t('sun.below', { altitude: deg(sun.altitude) })}
              </dd>
              <dt>{t('sun.shadows')}</dt>
              <dd>
                {sun.shadowAzimuth !== null && sun.shadowRatio !== null
                  ? t('sun.shadowValue', { bearing: deg(sun.shadowAzimuth), ratio: deg(sun.shadowRatio) })
                  : t('sun.noShadows')}
              </dd>
              <dt>{t('sun.daylight')}</dt>
              <dd>{t('sun.daylightValue', { sunrise: clock(sun.sunrise), sunset: clock(sun.sunset) })}</dd>
            </dl>
          </section>
        )
      })}
    </div>
  )
}

import type { CaseDetail, ConsistencyWarning } from '@shared/domain'
import { useFormat } from '@renderer/lib/format'
import { useT, type T } from '@renderer/lib/i18n'
import { claimName, duration } from './words'

/** One warning in the window's words, from its code and the numbers it compared. */
function warningText(w: ConsistencyWarning, detail: CaseDetail, t: T<'examination'>, n: (x: number) => string) {
  const num = (k: string) => Number(w.numbers[k] ?? 0)
  const claim = w.claim ? claimName(t, w.claim, detail) : ''
  switch (w.code) {
    case 'capture-time-differs': {
      const zone = w.numbers.readInZone
      const text = t('warning.capture-time-differs', {
        difference: duration(t, num('differenceMinutes'), n),
        direction: num('differenceMinutes') > 0 ? 'after' : 'before',
        claim,
        margin: duration(t, num('marginMinutes'), n),
      })
      return zone ? `${text} ${t('warning.readInZone', { zone })}` : text
    }
    case 'far-from-place':
      return t('warning.far-from-place', { km: n(num('distanceKm')), claim, radius: n(num('radiusKm')) })
    case 'modified-after-capture':
      return t('warning.modified-after-capture', { difference: duration(t, num('minutesAfterCapture'), n) })
    default:
      return t(`warning.${w.code}`)
  }
}

/** The warnings against the claims, each with the facts it rests on: advice, never a verdict. */
export function Warnings({ warnings, detail }: { warnings: ConsistencyWarning[]; detail: CaseDetail }) {
  const t = useT('examination')
  const fmt = useFormat()
  if (!warnings.length) return null
  return (
    <ul className="ex-warnings">
      {warnings.map((w, i) => (
        <li key={i} className="ex-warning" data-code={w.code}>
          <p>{warningText(w, detail, t, fmt.number)}</p>
          {w.facts.length > 0 && (
            <p className="muted small">
              {t('basedOn')}{' '}
              {w.facts.map((f, j) => (
                <span key={j}>
                  {j > 0 && '; '}
                  {t(`fact.${f.name}`)}{' '}
                  <span className="mono" translate="no">
                    {String(f.value)}
                  </span>
                </span>
              ))}
            </p>
          )}
        </li>
      ))}
    </ul>
  )
}

import type { CaseDetail, ConsistencyWarning } from '@shared/domain'
import { useFormat } from '@renderer/lib/format'
import { useT, type T } from '@renderer/lib/i18n'
import { warningText as wordWarning } from '@shared/i18n/examinationWords'

/** One warning in the window's words, from its code and the numbers it compared. */
const warningText = (w: ConsistencyWarning, detail: CaseDetail, t: T<'examination'>, n: (x: number) => string) =>
  wordWarning(w, detail.events, t, n)

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

import type { C2paResult } from '@shared/domain'
import { useT } from '@renderer/lib/i18n'

/** Content Credentials as read offline: the outcome, the checks behind it, and the claim chain. */
export function Credentials({ c2pa }: { c2pa: C2paResult }) {
  const t = useT('examination')
  const verdict = (v: boolean | null) => (v === null ? t('c2pa.undecided') : v ? t('c2pa.yes') : t('c2pa.no'))
  const tone =
    c2pa.status === 'invalid' || c2pa.status === 'error' ? 'danger' : c2pa.status === 'absent' ? 'muted' : 'ok'
  return (
    <div className="ex-c2pa" data-status={c2pa.status}>
      <p className={`ex-c2pa__status ex-tone--${tone}`}>{t(`c2pa.${c2pa.status}`)}</p>
      {c2pa.status !== 'absent' && (
        <dl className="ev-facts">
          <dt>{t('c2pa.signature')}</dt>
          <dd>{verdict(c2pa.signatureValid)}</dd>
          <dt>{t('c2pa.binding')}</dt>
          <dd>{verdict(c2pa.hashBindingValid)}</dd>
          <dt>{t('c2pa.trust')}</dt>
          <dd>{verdict(c2pa.signerTrusted)}</dd>
        </dl>
      )}
      {c2pa.manifests.map((m, i) => (
        <dl key={i} className="ev-facts ex-c2pa__manifest">
          {m.signer && <Pair label={t('c2pa.signer')} value={m.signer} />}
          {m.issuer && <Pair label={t('c2pa.issuer')} value={m.issuer} />}
          {m.signedAt && <Pair label={t('c2pa.signedAt')} value={m.signedAt} />}
          {m.tool && <Pair label={t('c2pa.tool')} value={m.tool} />}
          {m.actions.length > 0 && (
            <Pair
              label={t('c2pa.actions')}
              value={m.actions.map((a) => [a.action, a.softwareAgent].filter(Boolean).join(' — ')).join('; ')}
            />
          )}
          {m.ingredients.length > 0 && <Pair label={t('c2pa.ingredients')} value={m.ingredients.join('; ')} />}
        </dl>
      ))}
      {c2pa.failures.length > 0 && (
        <>
          <p className="small">{t('c2pa.failures')}</p>
          <ul className="small mono" translate="no">
            {c2pa.failures.map((f, i) => (
              <li key={i}>
                {f.code}
                {f.explanation && `: ${f.explanation}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {c2pa.validator && <p className="muted small">{t('c2pa.validator', { validator: c2pa.validator })}</p>}
    </div>
  )
}

/** A label from the catalogue beside a value from the file (marked as not to be translated). */
function Pair({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd translate="no">{value}</dd>
    </>
  )
}

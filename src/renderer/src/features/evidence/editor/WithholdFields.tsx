import { useId } from 'react'
import { useT } from '@renderer/lib/i18n'
import { WITHHOLD_FIELDS, type WithholdForm } from './form'

/**
 * "Not for release": a release copy of a memo leaves this item out (or only the
 * chosen fields), with a bar that gives the reason. The item stays whole here.
 */
export function WithholdFields({ value, onChange }: { value: WithholdForm; onChange: (w: WithholdForm) => void }) {
  const t = useT('evidence')
  const id = useId()
  return (
    <fieldset className={`ev-withhold ${value.on ? 'ev-withhold--on' : ''}`}>
      <legend>{t('withhold.legend')}</legend>
      <label className="ev-withhold__check">
        <input type="checkbox" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} />{' '}
        {t('withhold.flag')}
      </label>
      {value.on && (
        <>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('withhold.reason')}</label>
            <input
              id={`${id}-reason`}
              value={value.reason}
              maxLength={200}
              placeholder={t('withhold.reasonPlaceholder')}
              onChange={(e) => onChange({ ...value, reason: e.target.value })}
            />
          </div>
          <div className="ev-withhold__scope" role="radiogroup" aria-label={t('withhold.scope')}>
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={value.scope === 'item'}
                onChange={() => onChange({ ...value, scope: 'item' })}
              />{' '}
              {t('withhold.whole')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={value.scope === 'fields'}
                onChange={() => onChange({ ...value, scope: 'fields' })}
              />{' '}
              {t('withhold.some')}
            </label>
          </div>
          {value.scope === 'fields' && (
            <div className="ev-withhold__fields" role="group" aria-label={t('withhold.fields')}>
              {WITHHOLD_FIELDS.map((f) => (
                <label key={f}>
                  <input
                    type="checkbox"
                    checked={value.fields.includes(f)}
                    onChange={(e) =>
                      onChange({
                        ...value,
                        fields: e.target.checked
                          ? WITHHOLD_FIELDS.filter((x) => x === f || value.fields.includes(x))
                          : value.fields.filter((x) => x !== f),
                      })
                    }
                  />{' '}
                  {t(`withhold.field.${f}`)}
                </label>
              ))}
            </div>
          )}
          <p className="muted small">{t('withhold.hint')}</p>
        </>
      )}
    </fieldset>
  )
}

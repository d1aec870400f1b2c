import { useId, useState } from 'react'
import { useT } from '@renderer/lib/i18n'

interface Props {
  markings: string[]
  disabled?: boolean
  onChange: (markings: string[]) => void
  onBlur: () => void
}

/** The most a workspace keeps (WorkspaceSettings.classifications). */
const MAX = 30

/**
 * The workspace's classification markings, in the order cases and briefings
 * offer them (the first is what a new case starts with): add, reorder, remove;
 * at least one stays.
 */
export function MarkingsEditor({ markings, disabled, onChange, onBlur }: Props) {
  const t = useT()
  const ids = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState('')

  const add = () => {
    const v = text.trim().replace(/\s+/g, ' ')
    if (!v) return
    if (markings.some((m) => m.toUpperCase() === v.toUpperCase()))
      return setError(t('markings.duplicate', { marking: v }))
    if (v.length > 120) return setError(t('markings.tooLong'))
    if (markings.length >= MAX) return setError(t('markings.tooMany', { max: MAX }))
    setError('')
    setText('')
    onChange([...markings, v])
  }

  const move = (i: number, by: -1 | 1) => {
    const next = [...markings]
    ;[next[i], next[i + by]] = [next[i + by], next[i]]
    onChange(next)
  }

  return (
    <div className="markings" onBlur={onBlur}>
      <span className="markings__label" id={`${ids}-label`}>
        {t('markings.label')}
      </span>
      <p className="hint" id={`${ids}-hint`}>
        {t('markings.hint')}
      </p>
      <ol className="markings__list" aria-labelledby={`${ids}-label`} aria-describedby={`${ids}-hint`}>
        {markings.map((m, i) => (
          <li key={m} className="markings__item">
            <span className="markings__name">{m}</span>
            <span className="markings__actions">
              <button
                type="button"
                className="button--small"
                disabled={disabled || i === 0}
                aria-label={t('markings.up', { marking: m })}
                title={t('markings.up', { marking: m })}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button--small"
                disabled={disabled || i === markings.length - 1}
                aria-label={t('markings.down', { marking: m })}
                title={t('markings.down', { marking: m })}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button--small button--link-danger"
                disabled={disabled || markings.length === 1}
                aria-label={t('markings.remove', { marking: m })}
                onClick={() => onChange(markings.filter((x) => x !== m))}
              >
                {t('common.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="input-row markings__add">
        <label htmlFor={`${ids}-new`} className="visually-hidden">
          {t('markings.new')}
        </label>
        <input
          id={`${ids}-new`}
          value={text}
          spellCheck={false}
          disabled={disabled}
          placeholder={t('markings.placeholder')}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value)
            setError('')
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <button type="button" disabled={disabled || !text.trim()} onClick={add}>
          {t('markings.add')}
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${ids}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

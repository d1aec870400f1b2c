import { useId, useState } from 'react'
import { useT } from '@renderer/lib/i18n'

interface ChipsInputProps {
  label: string
  values: string[]
  onChange: (values: string[]) => void
  onBlur?: () => void
  placeholder?: string
  disabled?: boolean
}

/** A list of short strings as removable chips; Enter or comma adds, Backspace on empty removes the last. */
export function ChipsInput({ label, values, onChange, onBlur, placeholder, disabled }: ChipsInputProps) {
  const t = useT()
  const [text, setText] = useState('')
  const id = useId()

  const add = () => {
    const v = text.trim().replace(/,$/, '').trim()
    if (v && !values.includes(v)) onChange([...values, v])
    setText('')
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={`chips ${disabled ? 'chips--disabled' : ''}`}>
        {values.map((v) => (
          <span className="chip" key={v}>
            {v}
            {!disabled && (
              <button
                type="button"
                className="chip__remove"
                aria-label={t('chips.remove', { value: v })}
                onClick={() => onChange(values.filter((x) => x !== v))}
              >
                ×
              </button>
            )}
          </span>
        ))}
        <input
          id={id}
          value={text}
          disabled={disabled}
          placeholder={values.length ? '' : placeholder}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === ',') && text.trim()) {
              e.preventDefault()
              add()
            } else if (e.key === 'Backspace' && !text && values.length) {
              onChange(values.slice(0, -1))
            }
          }}
          onBlur={() => {
            if (text.trim()) add()
            onBlur?.()
          }}
        />
      </div>
    </div>
  )
}

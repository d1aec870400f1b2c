import { useId } from 'react'
import { CLASSIFICATION_PRESETS } from '@shared/domain'

interface ClassificationInputProps {
  id?: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  invalid?: boolean
}

/** A combobox: the usual markings are offered, any other marking can be typed. */
export function ClassificationInput({ id, value, onChange, onBlur, invalid }: ClassificationInputProps) {
  const listId = useId()
  return (
    <>
      <input
        id={id}
        list={listId}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <datalist id={listId}>
        {CLASSIFICATION_PRESETS.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </>
  )
}

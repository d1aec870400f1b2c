import { useId } from 'react'
import { useClassificationChoices } from '@renderer/lib/appSettings'

interface ClassificationInputProps {
  id?: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  invalid?: boolean
}

/** A combobox: the workspace's markings (Settings) are offered, any other marking can be typed. */
export function ClassificationInput({ id, value, onChange, onBlur, invalid }: ClassificationInputProps) {
  const listId = useId()
  const choices = useClassificationChoices()
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
        {choices.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </>
  )
}

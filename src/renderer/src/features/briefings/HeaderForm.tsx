import { useId } from 'react'
import type { MemoHeader } from '@shared/domain'
import { ClassificationInput } from '@renderer/components/ClassificationInput'

interface Props {
  header: MemoHeader
  onChange: (header: MemoHeader) => void
  onBlur: () => void
  disabled?: boolean
}

const FIELDS: {
  key: Exclude<keyof MemoHeader, 'classification'>
  label: string
  wide?: boolean
  placeholder: string
}[] = [
  { key: 'to', label: 'To', placeholder: 'Minister of Foreign Affairs' },
  { key: 'from', label: 'From', placeholder: 'Directorate, desk officer' },
  { key: 'date', label: 'Date', placeholder: '28 January 2026' },
  { key: 'reference', label: 'Reference', placeholder: 'ECU-USA-2026-001' },
  { key: 'subject', label: 'Subject', wide: true, placeholder: 'What the memo is about' },
]

/** The memo header block (TO / FROM / DATE / SUBJECT / REF) and the classification marking. */
export function HeaderForm({ header, onChange, onBlur, disabled }: Props) {
  const ids = useId()
  return (
    <fieldset className="memo-header" disabled={disabled}>
      <legend className="visually-hidden">Memo header</legend>
      <div className="memo-header__field memo-header__field--classification">
        <label htmlFor={`${ids}-classification`}>Classification</label>
        <ClassificationInput
          id={`${ids}-classification`}
          value={header.classification}
          onChange={(classification) => onChange({ ...header, classification })}
          onBlur={onBlur}
        />
      </div>
      {FIELDS.map((f) => (
        <div key={f.key} className={`memo-header__field ${f.wide ? 'memo-header__field--wide' : ''}`}>
          <label htmlFor={`${ids}-${f.key}`}>{f.label}</label>
          <input
            id={`${ids}-${f.key}`}
            value={header[f.key]}
            placeholder={f.placeholder}
            onChange={(e) => onChange({ ...header, [f.key]: e.target.value })}
            onBlur={onBlur}
          />
        </div>
      ))}
    </fieldset>
  )
}

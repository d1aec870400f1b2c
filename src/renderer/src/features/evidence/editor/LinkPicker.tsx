import { useState } from 'react'
import { useT } from '@renderer/lib/i18n'

/**
 * A checkbox list for linking to events or statute excerpts; a filter appears
 * once the list is long enough to need one.
 */
export function LinkPicker<T extends { id: string }>({
  legend,
  options,
  selected,
  describe,
  onChange,
  empty,
}: {
  legend: string
  options: readonly T[]
  selected: string[]
  describe: (o: T) => string
  onChange: (ids: string[]) => void
  empty: string
}) {
  const t = useT('evidence')
  const [q, setQ] = useState('')
  const shown = q ? options.filter((o) => describe(o).toLowerCase().includes(q.toLowerCase())) : options
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id))
  return (
    <fieldset className="ev-links">
      <legend>
        {legend} <span className="muted">{t('links.count', { count: selected.length })}</span>
      </legend>
      {options.length === 0 && <p className="muted small">{empty}</p>}
      {options.length > 6 && (
        <input
          type="search"
          aria-label={t('links.filter', { what: legend })}
          placeholder={t('links.filterPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      )}
      <div className="ev-links__list">
        {shown.map((o) => (
          <label key={o.id} className="ev-links__item">
            <input type="checkbox" checked={selected.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {/* The records' own words (titles, citations, dates): workspace content, not the window's. */}
            <span translate="no">{describe(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

import { useState } from 'react'
import { useT } from '@renderer/lib/i18n'

/**
 * At most this many boxes are drawn: a 10,000-event timeline would otherwise put
 * 10,000 checkboxes in the form. Ticked ones always show; the filter finds the rest.
 */
const MAX_SHOWN = 200

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
  const tu = useT()
  const matching = q ? options.filter((o) => describe(o).toLowerCase().includes(q.toLowerCase())) : options
  const shown =
    matching.length <= MAX_SHOWN
      ? matching
      : [
          ...options.filter((o) => selected.includes(o.id)),
          ...matching.filter((o) => !selected.includes(o.id)).slice(0, MAX_SHOWN),
        ]
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
      {shown.length < matching.length && (
        <p className="muted small">{tu('links.pickerMore', { shown: shown.length, count: matching.length })}</p>
      )}
    </fieldset>
  )
}

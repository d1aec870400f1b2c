import { useId, useMemo, useRef, useState } from 'react'
import { formatEventTime, formatTarget, type CitationAttrs } from '@shared/domain'
import { describeCitation, type CitationSources } from '@shared/domain/citationDisplay'
import { Dialog } from '@renderer/components/Dialog'

interface Props {
  sources: CitationSources
  linkedStatuteIds: Set<string>
  onInsert: (attrs: CitationAttrs) => void
  onClose: () => void
}

interface Option {
  key: string
  group: string
  attrs: CitationAttrs
  title: string
  meta: string
  caveat: string | null
  haystack: string
}

export function buildOptions(sources: CitationSources, linked: Set<string>): Option[] {
  const opt = (group: string, attrs: CitationAttrs, title: string, meta: string, extra = ''): Option => {
    const d = describeCitation(attrs, sources)
    return {
      key: `${attrs.target}:${attrs.id}`,
      group,
      attrs,
      title,
      meta,
      caveat: d.caveat,
      haystack: `${title} ${meta} ${d.label} ${extra}`.toLowerCase(),
    }
  }
  const byItem = new Map(sources.evidence.map((e) => [e.id, e]))
  const statutes = (group: string, pick: (id: string) => boolean) =>
    sources.statutes
      .filter((s) => pick(s.id))
      .map((s) =>
        opt(
          group,
          { target: 'statute', id: s.id, pinpoint: '' },
          s.heading || s.instrument,
          `${s.instrument}${s.year ? ` (${s.year})` : ''}`,
          `${s.tags.join(' ')} ${s.text.slice(0, 400)}`,
        ),
      )
  return [
    ...sources.evidence.map((e) =>
      opt(
        'Evidence',
        { target: 'evidence', id: e.id, pinpoint: '' },
        e.title,
        `${e.kind} · ${e.verification.status}`,
        e.tags.join(' '),
      ),
    ),
    ...sources.annotations.map((a) => {
      const item = byItem.get(a.evidenceId)
      return opt(
        'Annotations',
        { target: 'annotation', id: a.id, evidenceId: a.evidenceId, pinpoint: '' },
        `${formatTarget(a.target)} ${a.text}`.trim(),
        item ? `on ${item.title}` : 'on a removed item',
        a.tags.join(' '),
      )
    }),
    ...sources.events.map((ev) =>
      opt('Timeline events', { target: 'event', id: ev.id, pinpoint: '' }, ev.title, formatEventTime(ev), ev.location),
    ),
    ...statutes('Statutes linked to this case', (id) => linked.has(id)),
    ...statutes('Statute library', (id) => !linked.has(id)),
  ]
}

const matches = (o: Option, words: string[]) => words.every((w) => o.haystack.includes(w))

/** Ctrl/Cmd+Shift+C: find what to cite, set a pinpoint, Enter inserts. */
export function CitationPicker({ sources, linkedStatuteIds, onInsert, onClose }: Props) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [pinpoint, setPinpoint] = useState('')
  const ids = useId()
  const listRef = useRef<HTMLUListElement>(null)

  const all = useMemo(() => buildOptions(sources, linkedStatuteIds), [sources, linkedStatuteIds])
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    return words.length ? all.filter((o) => matches(o, words)) : all
  }, [all, query])
  const current = shown[Math.min(active, shown.length - 1)]
  const attrs = current ? { ...current.attrs, pinpoint: pinpoint.trim() } : null
  const preview = attrs ? describeCitation(attrs, sources) : null

  const move = (to: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, to))
    setActive(next)
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView?.({ block: 'nearest' })
  }

  const insert = () => {
    if (!attrs) return
    onInsert(attrs)
    onClose()
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') move(active + 1)
    else if (e.key === 'ArrowUp') move(active - 1)
    else if (e.key === 'PageDown') move(active + 8)
    else if (e.key === 'PageUp') move(active - 8)
    else if (e.key === 'Enter') insert()
    else return
    e.preventDefault()
  }

  let lastGroup = ''
  return (
    <Dialog title="Insert a citation" onClose={onClose} className="dialog--wide citation-picker">
      <div className="citation-picker__controls">
        <div className="field citation-picker__filter">
          <label htmlFor={`${ids}-q`}>Find</label>
          <input
            id={`${ids}-q`}
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls={`${ids}-list`}
            aria-activedescendant={current ? `${ids}-o-${shown.indexOf(current)}` : undefined}
            aria-autocomplete="list"
            placeholder="Evidence, annotation, event or statute…"
            value={query}
            data-autofocus
            onChange={(e) => {
              setQuery(e.target.value)
              setActive(0)
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <div className="field citation-picker__pinpoint">
          <label htmlFor={`${ids}-pin`}>Pinpoint</label>
          <input
            id={`${ids}-pin`}
            value={pinpoint}
            placeholder={current?.attrs.target === 'statute' ? 'e.g. 2 for art. 31(2)' : 'optional, e.g. p. 3'}
            onChange={(e) => setPinpoint(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                insert()
              }
            }}
          />
        </div>
      </div>
      <ul id={`${ids}-list`} ref={listRef} role="listbox" aria-label="Citable items" className="citation-picker__list">
        {shown.map((o, i) => {
          const header = o.group !== lastGroup ? o.group : null
          lastGroup = o.group
          return (
            <li key={o.key} role="presentation">
              {header && (
                <div className="citation-picker__group" role="presentation">
                  {header}
                </div>
              )}
              <div
                id={`${ids}-o-${i}`}
                role="option"
                aria-selected={o === current}
                data-index={i}
                className={`citation-picker__option ${o === current ? 'citation-picker__option--active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => setActive(i)}
                onDoubleClick={insert}
              >
                <span className="citation-picker__label">
                  {o.attrs.target === 'statute' ? (
                    <span className="statute-label">{describeCitation(o.attrs, sources).label}</span>
                  ) : null}{' '}
                  {o.title}
                </span>
                <span className="citation-picker__meta muted">{o.meta}</span>
                {o.caveat && <span className="citation-picker__caveat">⚠ {o.caveat}</span>}
              </div>
            </li>
          )
        })}
        {!shown.length && <li className="muted citation-picker__empty">Nothing matches “{query}”.</li>}
      </ul>
      <div className="citation-picker__foot">
        <p className="hint" aria-live="polite">
          {preview ? (
            <>
              Inserts{' '}
              <span
                className={`citation-chip citation-chip--static citation-chip--${preview.caveat ? 'caveat' : 'ok'}`}
              >
                {preview.label}
              </span>
              {preview.caveat && <> — {preview.caveat}</>}
            </>
          ) : (
            'Nothing selected.'
          )}{' '}
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> insert · <kbd>Esc</kbd> close
        </p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button--primary" disabled={!attrs} onClick={insert}>
            Insert citation
          </button>
        </div>
      </div>
    </Dialog>
  )
}

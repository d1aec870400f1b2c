import { useId, useMemo, useRef, useState } from 'react'
import { formatEventTime, formatTarget, type CitationAttrs, type Language } from '@shared/domain'
import type { CitationDisplay, CitationSources } from '@shared/domain/citationDisplay'
import { Dialog } from '@renderer/components/Dialog'
import { useLanguage, useT, type T } from '@renderer/lib/i18n'
import { useDescribeCitation } from './citationText'

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

type Describe = (attrs: CitationAttrs, sources: CitationSources) => CitationDisplay

export function buildOptions(
  sources: CitationSources,
  linked: Set<string>,
  describe: Describe,
  t: T<'briefings'>,
  te: T<'evidence'>,
  lang: Language,
): Option[] {
  const opt = (group: string, attrs: CitationAttrs, title: string, meta: string, extra = ''): Option => {
    const d = describe(attrs, sources)
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
        t('picker.group.evidence'),
        { target: 'evidence', id: e.id, pinpoint: '' },
        e.title,
        `${te(`kind.${e.kind}`)} · ${te(`status.${e.verification.status}`)}`,
        e.tags.join(' '),
      ),
    ),
    ...sources.annotations.map((a) => {
      const item = byItem.get(a.evidenceId)
      return opt(
        t('picker.group.annotations'),
        { target: 'annotation', id: a.id, evidenceId: a.evidenceId, pinpoint: '' },
        `${formatTarget(a.target, lang)} ${a.text}`.trim(),
        item ? t('picker.on', { title: item.title }) : t('picker.onRemoved'),
        a.tags.join(' '),
      )
    }),
    ...sources.events.map((ev) =>
      opt(
        t('picker.group.events'),
        { target: 'event', id: ev.id, pinpoint: '' },
        ev.title,
        formatEventTime(ev, lang),
        ev.location,
      ),
    ),
    ...statutes(t('picker.group.linked'), (id) => linked.has(id)),
    ...statutes(t('picker.group.library'), (id) => !linked.has(id)),
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
  const t = useT('briefings')
  const te = useT('evidence')
  const lang = useLanguage()
  const describe = useDescribeCitation()

  const all = useMemo(
    () => buildOptions(sources, linkedStatuteIds, describe, t, te, lang),
    [sources, linkedStatuteIds, describe, t, te, lang],
  )
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    return words.length ? all.filter((o) => matches(o, words)) : all
  }, [all, query])
  const current = shown[Math.min(active, shown.length - 1)]
  const attrs = current ? { ...current.attrs, pinpoint: pinpoint.trim() } : null
  const preview = attrs ? describe(attrs, sources) : null

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
    <Dialog title={t('picker.title')} onClose={onClose} className="dialog--wide citation-picker">
      <div className="citation-picker__controls">
        <div className="field citation-picker__filter">
          <label htmlFor={`${ids}-q`}>{t('picker.find')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls={`${ids}-list`}
            aria-activedescendant={current ? `${ids}-o-${shown.indexOf(current)}` : undefined}
            aria-autocomplete="list"
            placeholder={t('picker.findPlaceholder')}
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
          <label htmlFor={`${ids}-pin`}>{t('picker.pinpoint')}</label>
          <input
            id={`${ids}-pin`}
            value={pinpoint}
            placeholder={current?.attrs.target === 'statute' ? t('picker.pinpointStatute') : t('picker.pinpointOther')}
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
      <ul
        id={`${ids}-list`}
        ref={listRef}
        role="listbox"
        aria-label={t('picker.list')}
        className="citation-picker__list"
      >
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
                    <span className="statute-label">{describe(o.attrs, sources).label}</span>
                  ) : null}{' '}
                  {o.title}
                </span>
                <span className="citation-picker__meta muted">{o.meta}</span>
                {o.caveat && <span className="citation-picker__caveat">⚠ {o.caveat}</span>}
              </div>
            </li>
          )
        })}
        {!shown.length && <li className="muted citation-picker__empty">{t('picker.nothing', { query })}</li>}
      </ul>
      <div className="citation-picker__foot">
        <p className="hint" aria-live="polite">
          {preview ? (
            <>
              {t('picker.inserts')}{' '}
              <span
                className={`citation-chip citation-chip--static citation-chip--${preview.caveat ? 'caveat' : 'ok'}`}
              >
                {preview.label}
              </span>
              {preview.caveat && <> — {preview.caveat}</>}
            </>
          ) : (
            t('picker.noneSelected')
          )}{' '}
          <kbd>↑</kbd> <kbd>↓</kbd> {t('picker.keyChoose')} · <kbd>{t('key.enter')}</kbd> {t('picker.keyInsert')} ·{' '}
          <kbd>{t('key.esc')}</kbd> {t('picker.keyClose')}
        </p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button--primary" disabled={!attrs} onClick={insert}>
            {t('picker.insert')}
          </button>
        </div>
      </div>
    </Dialog>
  )
}

/**
 * The timeline's events, virtualized: only the rows near the viewport are in
 * the DOM, so a case with 10,000 events opens and scrolls like one with ten.
 *
 * It scrolls with the page (the nearest scrolling ancestor, the app's content
 * pane) rather than in a box of its own, so the timeline looks as it always
 * did: the header and toolbar scroll away and the line runs down the page.
 * Rows have any height; each is measured once drawn.
 *
 * A list, not a listbox: rows hold buttons (Edit, Remove), which options may
 * not. Keyboard: Tab reaches a row and then its buttons; on a row, Arrow keys,
 * Page Up/Down, Home and End move focus between rows (roving tabindex), and
 * the focused row stays drawn even when scrolled out of view.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { CaseLinks, TimelineEvent } from '@shared/domain'
import type { LinkNames } from '@renderer/features/links/hrefs'
import { useT } from '@renderer/lib/i18n'
import { EventRow } from './EventRow'

/** Space between rows, in px (the virtualizer places rows, so CSS margins would not count). */
const ROW_GAP = 10
/** A first guess of a row's height (time, title, a location line); real heights replace it once drawn. */
const ROW_ESTIMATE = 110

export interface EventListProps {
  caseId: string
  events: readonly TimelineEvent[]
  /** Names of the records a card links to (actors, exhibits, issues). */
  names: LinkNames
  /** The case's backlinks: a card's exhibits include those that name the event from their side. */
  links?: CaseLinks['events'] | null
  readOnly?: boolean
  /** The event a route points at: highlighted, and scrolled into view when it arrives. */
  targetId?: string
  /** Show every time in this zone instead of each event's own. */
  zone?: string
  onEdit: (e: TimelineEvent) => void
  onRemove: (e: TimelineEvent) => void
}

/** The element that scrolls the list: the nearest ancestor that scrolls vertically. */
function scrollParent(el: HTMLElement | null): HTMLElement {
  for (let p = el?.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement
}

export function EventList({
  caseId,
  events,
  names,
  links,
  readOnly,
  targetId,
  zone,
  onEdit,
  onRemove,
}: EventListProps) {
  const t = useT()
  const listRef = useRef<HTMLOListElement>(null)
  // Found once the list is in the DOM (the virtualizer first asks in a layout effect, after refs are set).
  const scrollerRef = useRef<HTMLElement | null>(null)
  const getScroller = () => (scrollerRef.current ??= listRef.current ? scrollParent(listRef.current) : null)
  // Where the list starts inside the scrolled content (the header and toolbar are above it).
  const [margin, setMargin] = useState(0)
  // The row that is the list's tab stop, and the one holding focus (kept drawn while it does).
  const [tabStop, setTabStop] = useState(0)
  const focused = useRef<number | null>(null)
  const pendingFocus = useRef<number | null>(null)

  const measureMargin = () => {
    const list = listRef.current
    const scroller = getScroller()
    if (!list || !scroller) return
    setMargin(Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop))
  }
  // After every render and on resize: a banner or a wrapped title above moves the list.
  useLayoutEffect(measureMargin)
  // Mount only: the scroller is found once, and measureMargin reads nothing but refs.
  useEffect(() => {
    const scroller = getScroller()
    if (!scroller || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => measureMargin())
    ro.observe(scroller)
    return () => ro.disconnect()
  }, [])

  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: getScroller,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 4,
    gap: ROW_GAP,
    scrollMargin: margin,
    getItemKey: (i) => events[i].id,
    // Keep the focused row in the DOM when it scrolls away, or focus would fall back to the page.
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range)
      const f = focused.current
      if (f === null || f >= range.count || rows.includes(f)) return rows
      return [...rows, f].sort((a, b) => a - b)
    },
    // Before layout (and in jsdom) there is no viewport yet: assume a screenful so rows render at once.
    initialRect: { width: 0, height: 800 },
  })

  // Arriving from a search hit (#/case/<id>/timeline/<eventId>): bring that event into view, once.
  const shownTarget = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!targetId || shownTarget.current === targetId) return
    const i = events.findIndex((e) => e.id === targetId)
    if (i < 0) return
    shownTarget.current = targetId
    virtualizer.scrollToIndex(i, { align: 'center' })
  }, [targetId, events, virtualizer])

  // A row asked for by the keyboard gets focus as soon as it is drawn (it may need a scroll first).
  useEffect(() => {
    const i = pendingFocus.current
    if (i === null) return
    const row = listRef.current?.querySelector<HTMLElement>(`:scope > [data-index="${i}"]`)
    if (!row) return
    pendingFocus.current = null
    row.focus({ preventScroll: true })
  })

  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(events.length - 1, i))
    focused.current = next
    pendingFocus.current = next
    setTabStop(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, i: number) => {
    if (e.target !== e.currentTarget) return // keys on the row's buttons are theirs
    const page = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 800) / ROW_ESTIMATE) - 1)
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + page,
      PageUp: i - page,
      Home: 0,
      End: events.length - 1,
    }
    if (!(e.key in moves)) return
    e.preventDefault()
    focusRow(moves[e.key])
  }

  const indexOf = (el: EventTarget | null) =>
    el instanceof Element ? Number(el.closest('li[data-index]')?.getAttribute('data-index') ?? NaN) : NaN

  const stop = Math.min(tabStop, events.length - 1)
  return (
    <ol
      ref={listRef}
      className="event-list"
      aria-label={t('tabs.timeline')}
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={(e) => {
        const i = indexOf(e.target)
        if (Number.isNaN(i)) return
        focused.current = i
        if (i !== tabStop) setTabStop(i)
      }}
      onBlur={(e) => {
        if (!listRef.current?.contains(e.relatedTarget as Node | null)) focused.current = null
      }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const e = events[row.index]
        return (
          <li
            key={row.key}
            id={`event-${e.id}`}
            ref={virtualizer.measureElement}
            data-index={row.index}
            tabIndex={row.index === stop ? 0 : -1}
            aria-setsize={events.length}
            aria-posinset={row.index + 1}
            className={`event event--virtual ${e.id === targetId ? 'event--target' : ''}`}
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            onKeyDown={(k) => onRowKey(k, row.index)}
          >
            <EventRow
              caseId={caseId}
              event={e}
              names={names}
              links={links?.[e.id]}
              readOnly={readOnly}
              zone={zone}
              onEdit={onEdit}
              onRemove={onRemove}
            />
          </li>
        )
      })}
    </ol>
  )
}

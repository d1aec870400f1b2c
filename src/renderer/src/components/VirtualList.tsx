/**
 * A long list that renders only the rows in view (TanStack Virtual), with rows
 * of any height (each row is measured once drawn) and listbox keyboard
 * semantics: Arrow keys, Page Up/Down, Home and End move the active row, Enter
 * opens it. Focus stays on one element (the list, or an input that forwards
 * its keys through the handle) and aria-activedescendant names the active row,
 * so screen readers follow without focus jumping between rows.
 *
 * A new `items` array (a reload after an autosave, a live update) keeps the
 * scroll position and, when uncontrolled, the active row by its key; only a
 * change of `resetKey` (a new query) goes back to the top and the first row.
 *
 * Serves the search results (an input keeps focus and forwards its keys) and
 * the evidence and annotation lists (the list takes focus; no row need be
 * active; rows of one fixed height; as tall as its rows up to a CSS max-height).
 */
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react'

/** Before layout (and in jsdom) the viewport measures 0 high: assume this much, so the first rows render at once. */
const ASSUMED_VIEWPORT = 600

/** The element id VirtualList gives row `index` of the list with element id `listId`. */
export const virtualRowId = (listId: string, index: number) => `${listId}-row-${index}`

export interface VirtualListHandle {
  /** Applies a navigation key; returns true when it was one (the caller then prevents the default). */
  handleKey(e: Pick<KeyboardEvent, 'key' | 'preventDefault'>): boolean
  scrollToIndex(index: number): void
  /** The id of the active row's element, for an input's aria-activedescendant. */
  activeId(): string | undefined
  listId: string
}

export interface VirtualListProps<T> {
  items: readonly T[]
  getKey: (item: T, index: number) => string
  renderItem: (item: T, state: { index: number; active: boolean }) => ReactNode
  /** Accessible name of the list. */
  label: string
  /** A first guess of a row's height in px; real heights replace it once rows are drawn. */
  estimateSize?: number
  /** Every row exactly this high in px, never measured (estimateSize is then unused). */
  rowHeight?: number
  /** Enter, a click, or (on a focusable list) Space. */
  onOpen?: (item: T, index: number) => void
  /** Controlled active row, -1 for none (nothing highlighted until a key or a click); uncontrolled when absent. */
  activeIndex?: number
  onActiveChange?: (index: number) => void
  /**
   * Height of the scrolling viewport (CSS); the parent must otherwise give it one.
   * 'auto': as tall as the rows, up to the max-height the list's class gives it.
   */
  height?: CSSProperties['height']
  overscan?: number
  className?: string
  empty?: ReactNode
  /** When an outer input keeps focus and forwards keys, the list itself need not be a tab stop. */
  focusable?: boolean
  listRef?: Ref<VirtualListHandle>
  /** Element id of the list; row i gets `${id}-row-${i}` (an outer input's aria-activedescendant). */
  id?: string
  /**
   * A change of this value (e.g. a new query) scrolls back to the top and makes the first row active.
   * New items alone do not: reloading the same list must not move the reader.
   */
  resetKey?: unknown
}

export function VirtualList<T>({
  items,
  getKey,
  renderItem,
  label,
  estimateSize = 44,
  rowHeight,
  onOpen,
  activeIndex,
  onActiveChange,
  height = '100%',
  overscan = 6,
  className = '',
  empty = null,
  focusable = true,
  listRef,
  id,
  resetKey,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const ownId = useId()
  const listId = id ?? ownId
  const [own, setOwn] = useState<{ index: number; key?: string; items: readonly T[] }>({ index: 0, items })
  // Uncontrolled, the active row follows its key into a new items array (adjusted during render, so no
  // frame shows the wrong row); gone from it, the same position stays active. Controlled, the parent decides.
  if (own.items !== items) {
    const was = own.items[own.index]
    const key = own.key ?? (was === undefined ? undefined : getKey(was, own.index))
    const moved = key === undefined ? -1 : items.findIndex((it, i) => getKey(it, i) === key)
    setOwn({ index: moved >= 0 ? moved : own.index, key, items })
  }
  // -1 (controlled only): no active row.
  const active = Math.min(activeIndex ?? own.index, Math.max(0, items.length - 1))
  const rowSize = rowHeight ?? estimateSize

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowSize,
    overscan,
    getItemKey: (i) => getKey(items[i], i),
    // jsdom and first paint have no layout yet: assume a viewport so the first rows render at once.
    initialRect: { width: 0, height: ASSUMED_VIEWPORT },
    observeElementRect: (instance: Virtualizer<HTMLDivElement, Element>, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width, height: ASSUMED_VIEWPORT }),
      ),
  })

  const setActive = useCallback(
    (i: number) => {
      const next = Math.max(0, Math.min(items.length - 1, i))
      if (activeIndex === undefined)
        setOwn({ index: next, key: items.length ? getKey(items[next], next) : undefined, items })
      onActiveChange?.(next)
      virtualizer.scrollToIndex(next, { align: 'auto' })
    },
    [activeIndex, items, getKey, onActiveChange, virtualizer],
  )

  const rowId = (i: number) => virtualRowId(listId, i)
  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight || ASSUMED_VIEWPORT) / rowSize) - 1)

  const handleKey = useCallback(
    (e: Pick<KeyboardEvent, 'key' | 'preventDefault'>): boolean => {
      if (!items.length) return false
      const moves: Record<string, () => number> = {
        ArrowDown: () => active + 1,
        ArrowUp: () => active - 1,
        PageDown: () => active + pageSize,
        PageUp: () => active - pageSize,
        Home: () => 0,
        End: () => items.length - 1,
      }
      if (e.key in moves) {
        e.preventDefault()
        setActive(moves[e.key]())
        return true
      }
      if (e.key === 'Enter') {
        e.preventDefault()
        if (active >= 0) onOpen?.(items[active], active)
        return true
      }
      return false
    },
    [active, items, onOpen, pageSize, setActive],
  )

  useImperativeHandle(
    listRef,
    () => ({
      handleKey,
      scrollToIndex: (i: number) => virtualizer.scrollToIndex(i),
      activeId: () => (items.length && active >= 0 ? rowId(active) : undefined),
      listId,
    }),
    [handleKey, virtualizer, items.length, active, listId],
  )

  // Only an explicit reset starts over at the top; the first run is the mount, which is there already.
  const lastReset = useRef(resetKey)
  useEffect(() => {
    if (Object.is(lastReset.current, resetKey)) return
    lastReset.current = resetKey
    if (activeIndex === undefined) setOwn({ index: 0, items })
    onActiveChange?.(0)
    scrollRef.current?.scrollTo?.({ top: 0 })
    // Only the key triggers this; the other values are read as they are at that moment.
  }, [resetKey])

  // A parent that moves its controlled active row (the search panel back to the first hit) expects to see it.
  useEffect(() => {
    if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < items.length)
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
    // Not on new items: a reload must not pull the view back to the active row.
  }, [activeIndex, virtualizer])

  if (!items.length) return <>{empty}</>

  return (
    <div
      ref={scrollRef}
      id={listId}
      role="listbox"
      aria-label={label}
      aria-activedescendant={active >= 0 ? rowId(active) : undefined}
      tabIndex={focusable ? 0 : -1}
      className={`virtual-list ${className}`.trim()}
      // Size containment would make an 'auto' list 0 high.
      style={{ height, overflowY: 'auto', position: 'relative', contain: height === 'auto' ? undefined : 'strict' }}
      onKeyDown={(e) => {
        // Space opens too, but only on a focusable list: an input that forwards its keys must still type spaces.
        if (e.key === ' ' && focusable) {
          e.preventDefault()
          if (active >= 0) onOpen?.(items[active], active)
        } else handleKey(e)
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), width: '100%', position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]
          const isActive = row.index === active
          return (
            <div
              key={row.key}
              id={rowId(row.index)}
              ref={rowHeight === undefined ? virtualizer.measureElement : undefined}
              data-index={row.index}
              role="option"
              aria-selected={isActive}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className={`virtual-list__row${isActive ? ' virtual-list__row--active' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: rowHeight,
                transform: `translateY(${row.start}px)`,
              }}
              // With an outer input holding focus (combobox), a click must not steal it.
              onMouseDown={focusable ? undefined : (e) => e.preventDefault()}
              onClick={() => {
                setActive(row.index)
                onOpen?.(item, row.index)
              }}
            >
              {renderItem(item, { index: row.index, active: isActive })}
            </div>
          )
        })}
      </div>
    </div>
  )
}

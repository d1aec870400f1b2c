import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A keyboard-navigable, virtualized listbox: arrows/Home/End/PageUp/PageDown move
 * the active row, Enter or a click chooses it. Only visible rows are in the DOM.
 */
export function VirtualListbox<T>({
  items,
  getKey,
  activeIndex,
  onActivate,
  onChoose,
  renderRow,
  rowHeight,
  label,
  className = '',
}: {
  items: readonly T[]
  getKey: (item: T) => string
  activeIndex: number
  onActivate: (index: number) => void
  onChoose: (index: number) => void
  renderRow: (item: T, index: number, active: boolean) => ReactNode
  rowHeight: number
  label: string
  className?: string
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const baseId = useId()
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Before layout (and in jsdom) the box measures 0 high; assume a screenful so rows exist at once.
    observeElementRect: (instance: Virtualizer<HTMLDivElement, Element>, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: 800 })),
  })

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < items.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, items.length, virtualizer])

  const move = (to: number) => {
    if (!items.length) return
    const next = Math.max(0, Math.min(items.length - 1, to))
    onActivate(next)
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Enter: () => activeIndex >= 0 && onChoose(activeIndex),
      ' ': () => activeIndex >= 0 && onChoose(activeIndex),
    }
    const action = keys[e.key]
    if (action) {
      e.preventDefault()
      action()
    }
  }

  const rowId = (i: number) => `${baseId}-row-${i}`
  return (
    <div
      ref={scrollRef}
      className={`vlist ${className}`.trim()}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 && activeIndex < items.length ? rowId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]
          const active = row.index === activeIndex
          return (
            <div
              key={getKey(item)}
              id={rowId(row.index)}
              role="option"
              aria-selected={active}
              className={`vlist__row ${active ? 'vlist__row--active' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: row.size,
                transform: `translateY(${row.start}px)`,
              }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                scrollRef.current?.focus()
                onActivate(row.index)
                onChoose(row.index)
              }}
            >
              {renderRow(item, row.index, active)}
            </div>
          )
        })}
      </div>
    </div>
  )
}

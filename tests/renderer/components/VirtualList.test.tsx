import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { VirtualList } from '@renderer/components/VirtualList'
import { stubListLayout } from './layoutStub'

afterEach(cleanup)
stubListLayout()

const ROWS = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, label: `Row ${i}` }))

describe('VirtualList', () => {
  it('renders only the rows near the viewport of a 10,000-row list, as listbox options', () => {
    render(
      <VirtualList
        items={ROWS}
        getKey={(r) => r.id}
        label="Rows"
        height={600}
        renderItem={(r) => <span>{r.label}</span>}
      />,
    )
    const list = screen.getByRole('listbox', { name: 'Rows' })
    const options = screen.getAllByRole('option')
    expect(options.length).toBeGreaterThan(0)
    expect(options.length).toBeLessThan(60)
    expect(options[0].getAttribute('aria-setsize')).toBe('10000')
    expect(list.getAttribute('aria-activedescendant')).toBe(options[0].id)
  })

  it('moves the active row with the keyboard and opens it with Enter', () => {
    const onOpen = vi.fn()
    const onActive = vi.fn()
    render(
      <VirtualList
        items={ROWS}
        getKey={(r) => r.id}
        label="Rows"
        height={600}
        onOpen={onOpen}
        onActiveChange={onActive}
        renderItem={(r) => <span>{r.label}</span>}
      />,
    )
    const list = screen.getByRole('listbox')
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'ArrowUp' })
    expect(onActive).toHaveBeenLastCalledWith(1)
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(onOpen).toHaveBeenLastCalledWith(ROWS[1], 1)
    fireEvent.keyDown(list, { key: 'End' })
    expect(onActive).toHaveBeenLastCalledWith(9_999)
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(onOpen).toHaveBeenLastCalledWith(ROWS[9_999], 9_999)
    fireEvent.keyDown(list, { key: 'Home' })
    expect(onActive).toHaveBeenLastCalledWith(0)
  })

  it('shows the empty state for no items', () => {
    render(
      <VirtualList items={[]} getKey={() => ''} label="Rows" renderItem={() => null} empty={<p>Nothing here</p>} />,
    )
    expect(screen.getByText('Nothing here')).toBeTruthy()
    expect(screen.queryByRole('listbox')).toBeNull()
  })
})

describe('VirtualList given a new items array', () => {
  // jsdom has no scrolling: remember what was asked, as a browser would apply it.
  beforeAll(() => {
    Element.prototype.scrollTo = function (this: Element, opts?: ScrollToOptions | number) {
      if (typeof opts === 'object' && opts.top !== undefined) this.scrollTop = opts.top
    } as Element['scrollTo']
  })

  const list = (props: Partial<Parameters<typeof VirtualList<(typeof ROWS)[number]>>[0]> = {}) => (
    <VirtualList
      items={ROWS}
      getKey={(r) => r.id}
      label="Rows"
      height={600}
      renderItem={(r) => <span>{r.label}</span>}
      {...props}
    />
  )
  // The active row need not be drawn (it may be scrolled away): read its index from the id.
  const activeIndex = () =>
    Number(/-row-(\d+)$/.exec(screen.getByRole('listbox').getAttribute('aria-activedescendant')!)![1])

  it('keeps the scroll position and the active row (by key), also when rows move', () => {
    const { rerender } = render(list())
    const box = screen.getByRole('listbox')
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    expect(activeIndex()).toBe(2)
    box.scrollTop = 4_400
    fireEvent.scroll(box)

    // The same rows reloaded (a fresh array, as after an autosave): nothing moves.
    rerender(list({ items: ROWS.map((r) => ({ ...r })) }))
    expect(box.scrollTop).toBe(4_400)
    expect(activeIndex()).toBe(2)
    expect(screen.getByText('Row 100')).toBeTruthy()

    // Two rows inserted above: the active row is still Row 2, now at index 4.
    const grown = [{ id: 'new1', label: 'New 1' }, { id: 'new2', label: 'New 2' }, ...ROWS]
    rerender(list({ items: grown }))
    expect(box.scrollTop).toBe(4_400)
    expect(activeIndex()).toBe(4)
    fireEvent.keyDown(box, { key: 'ArrowUp' })
    expect(activeIndex()).toBe(3)
  })

  it('keeps the position of an active row that is gone', () => {
    const { rerender } = render(list())
    const box = screen.getByRole('listbox')
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    rerender(list({ items: ROWS.filter((r) => r.id !== 'r1') }))
    expect(activeIndex()).toBe(1)
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Row 2')
  })

  it('starts again at the top with the first row active when resetKey changes', () => {
    const onActive = vi.fn()
    const { rerender } = render(list({ resetKey: 'first query', onActiveChange: onActive }))
    const box = screen.getByRole('listbox')
    fireEvent.keyDown(box, { key: 'End' })
    expect(activeIndex()).toBe(9999)
    box.scrollTop = 8_000
    rerender(list({ resetKey: 'first query', onActiveChange: onActive, items: [...ROWS] }))
    expect(box.scrollTop).toBe(8_000)
    expect(activeIndex()).toBe(9999)

    rerender(list({ resetKey: 'second query', onActiveChange: onActive, items: [...ROWS] }))
    expect(box.scrollTop).toBe(0)
    expect(activeIndex()).toBe(0)
    expect(onActive).toHaveBeenLastCalledWith(0)
  })

  it('leaves a controlled active row to its parent, and scrolls to it when the parent moves it', () => {
    const { rerender } = render(list({ activeIndex: 5 }))
    const box = screen.getByRole('listbox')
    box.scrollTop = 6_000
    rerender(list({ activeIndex: 5, items: [{ id: 'x', label: 'X' }, ...ROWS] }))
    expect(activeIndex()).toBe(5)
    expect(box.scrollTop).toBe(6_000)
    rerender(list({ activeIndex: 0, items: [...ROWS] }))
    expect(activeIndex()).toBe(0)
    expect(box.scrollTop).toBe(0)
  })
})

describe('VirtualList as a focusable list with no active row yet (the evidence lists)', () => {
  const SHORT = ROWS.slice(0, 20)

  it('highlights nothing until a key moves to a row; Enter on nothing opens nothing', () => {
    const onOpen = vi.fn()
    const onActive = vi.fn()
    render(
      <VirtualList
        items={SHORT}
        getKey={(r) => r.id}
        label="Rows"
        height="auto"
        rowHeight={74}
        activeIndex={-1}
        onOpen={onOpen}
        onActiveChange={onActive}
        renderItem={(r) => <span>{r.label}</span>}
      />,
    )
    const list = screen.getByRole('listbox')
    expect(list.getAttribute('aria-activedescendant')).toBeNull()
    expect(screen.queryByRole('option', { selected: true })).toBeNull()
    fireEvent.keyDown(list, { key: 'Enter' })
    fireEvent.keyDown(list, { key: ' ' })
    expect(onOpen).not.toHaveBeenCalled()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(onActive).toHaveBeenLastCalledWith(0)
  })

  it('gives every row the fixed height and opens the active row with Space as well as Enter', () => {
    const onOpen = vi.fn()
    render(
      <VirtualList
        items={SHORT}
        getKey={(r) => r.id}
        label="Rows"
        height="auto"
        rowHeight={74}
        activeIndex={3}
        onOpen={onOpen}
        renderItem={(r) => <span>{r.label}</span>}
      />,
    )
    const list = screen.getByRole('listbox')
    expect(list.style.height).toBe('auto')
    const options = screen.getAllByRole('option')
    expect(options[1].style.height).toBe('74px')
    expect(options[1].style.transform).toBe('translateY(74px)')
    fireEvent.keyDown(list, { key: ' ' })
    expect(onOpen).toHaveBeenLastCalledWith(SHORT[3], 3)
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(onOpen).toHaveBeenCalledTimes(2)
  })
})

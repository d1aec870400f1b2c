import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VirtualList } from '../../../src/renderer/src/components/VirtualList'
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

import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LinkPicker } from '@renderer/features/evidence/editor/LinkPicker'

afterEach(cleanup)

const options = Array.from({ length: 10_000 }, (_, i) => ({ id: `event_${i}`, title: `Event number ${i}` }))

describe('LinkPicker on a 10,000-event case', () => {
  it('draws at most 200 boxes, always the ticked ones, and the filter finds the rest', () => {
    const onChange = vi.fn()
    render(
      <LinkPicker
        legend="Facts"
        options={options}
        selected={['event_9999']}
        describe={(o) => o.title}
        onChange={onChange}
        empty="none"
      />,
    )
    const boxes = screen.getAllByRole('checkbox')
    expect(boxes).toHaveLength(201)
    expect((screen.getByRole('checkbox', { name: 'Event number 9999' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByText(/Showing 201 of 10,?000/)).toBeTruthy()

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'number 5432' } })
    expect(screen.getAllByRole('checkbox')).toHaveLength(1)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Event number 5432' }))
    expect(onChange).toHaveBeenCalledWith(['event_9999', 'event_5432'])
  })
})

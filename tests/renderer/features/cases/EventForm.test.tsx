import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EventForm } from '@renderer/features/cases/EventForm'

afterEach(cleanup)

describe('EventForm', () => {
  it('converts wall-clock time in the chosen zone to a UTC instant', async () => {
    const onSave = vi.fn(async () => {})
    render(
      <EventForm
        actors={[{ id: 'a1', name: 'Consular staff', role: '', affiliation: '', notes: '' }]}
        onSave={onSave}
        onCancel={() => {}}
      />,
    )
    fireEvent.change(screen.getByLabelText(/Date and time/), { target: { value: '2026-01-27T11:00' } })
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'America/Chicago' } })
    fireEvent.change(screen.getByLabelText('Precision'), { target: { value: 'approximate' } })
    fireEvent.change(screen.getByLabelText('What happened'), { target: { value: 'Officer at the door' } })
    fireEvent.click(screen.getByLabelText('Consular staff'))
    expect(screen.getByText(/UTC-06:00 on that date/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Add event' }))
    await waitFor(() => expect(onSave).toHaveBeenCalled())
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        at: '2026-01-27T17:00:00.000Z',
        tz: 'America/Chicago',
        precision: 'approximate',
        title: 'Officer at the door',
        actorIds: ['a1'],
      }),
    )
  })

  it('shows what is missing inline and does not save', () => {
    const onSave = vi.fn(async () => {})
    render(<EventForm actors={[]} onSave={onSave} onCancel={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Add event' }))
    expect(screen.getByText('Enter the date and time.')).toBeTruthy()
    expect(screen.getByText('Say what happened.')).toBeTruthy()
    expect(onSave).not.toHaveBeenCalled()
  })

  it('keeps the form and shows the error when saving fails', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('tz: not an IANA time zone')
    })
    render(<EventForm actors={[]} onSave={onSave} onCancel={() => {}} />)
    fireEvent.change(screen.getByLabelText(/Date and time/), { target: { value: '2026-01-27T11:00' } })
    fireEvent.change(screen.getByLabelText('What happened'), { target: { value: 'Something' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add event' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('tz: not an IANA time zone'))
    expect((screen.getByLabelText('What happened') as HTMLInputElement).value).toBe('Something')
  })
})

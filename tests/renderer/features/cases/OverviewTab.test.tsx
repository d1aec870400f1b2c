import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CasePatch } from '@shared/domain'
import { OverviewTab } from '@renderer/features/cases/OverviewTab'
import { FakeError, installFakeBridge } from '../../fakeBridge'
import { sampleCase, sampleDetail } from '../../sample'

afterEach(cleanup)

const renderOverview = () => {
  const onSaved = vi.fn()
  render(<OverviewTab caseId="case_1" detail={sampleDetail()} reload={async () => undefined} onSaved={onSaved} />)
  return { onSaved }
}

describe('OverviewTab', () => {
  it('autosaves an edit through cases:update and says Saved', async () => {
    const bridge = installFakeBridge({
      'cases:update': ({ patch }) => sampleCase({ ...(patch as CasePatch), updatedAt: '2026-01-28T00:00:00.000Z' }),
    })
    const { onSaved } = renderOverview()
    fireEvent.change(screen.getByLabelText('Summary'), { target: { value: 'Staff shut the door.' } })
    expect(screen.getByRole('status').textContent).toBe('Saving…')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'))
    expect(bridge.callsTo('cases:update')).toEqual([
      {
        caseId: 'case_1',
        patch: expect.objectContaining({ summary: 'Staff shut the door.', title: sampleCase().title }),
      },
    ])
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ summary: 'Staff shut the door.' }))
  })

  it('keeps the typed text after a failed save, shows why, and retries on the next edit', async () => {
    const bridge = installFakeBridge({
      'cases:update': () => {
        throw new FakeError('IO', 'The disk operation failed: ENOSPC')
      },
    })
    renderOverview()
    const title = screen.getByLabelText('Title') as HTMLInputElement
    fireEvent.change(title, { target: { value: 'A better title' } })
    fireEvent.blur(title)
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Save failed: The disk operation failed: ENOSPC'),
    )
    expect(title.value).toBe('A better title')

    bridge.handle('cases:update', ({ patch }) =>
      sampleCase({ ...(patch as CasePatch), updatedAt: '2026-01-28T00:00:00.000Z' }),
    )
    fireEvent.change(title, { target: { value: 'A better title, at last' } })
    fireEvent.blur(title)
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'))
    expect(title.value).toBe('A better title, at last')
    expect(bridge.callsTo('cases:update')).toHaveLength(2)
  })

  it('saves a status change at once', async () => {
    const bridge = installFakeBridge({ 'cases:update': ({ patch }) => sampleCase(patch as CasePatch) })
    renderOverview()
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'archived' } })
    await waitFor(() => expect(bridge.callsTo('cases:update')).toHaveLength(1))
    expect(bridge.callsTo('cases:update')[0]).toMatchObject({ patch: { status: 'archived' } })
  })

  it('flags an empty title inline', () => {
    installFakeBridge({ 'cases:update': ({ patch }) => sampleCase(patch as CasePatch) })
    renderOverview()
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  ' } })
    expect(screen.getByText('A case needs a title.')).toBeTruthy()
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true')
  })
})

describe('OverviewTab and changes made elsewhere', () => {
  it('takes a newer version of the case when it holds no edit, and never an older one', () => {
    installFakeBridge()
    const props = { caseId: 'case_1', reload: async () => undefined, onSaved: () => {} }
    const { rerender } = render(<OverviewTab {...props} detail={sampleDetail()} />)
    const renamed = sampleCase({ title: 'Renamed in the list', updatedAt: '2026-02-01T00:00:00.000Z' })
    rerender(<OverviewTab {...props} detail={sampleDetail({ case: renamed })} />)
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Renamed in the list')
    rerender(<OverviewTab {...props} detail={sampleDetail()} />)
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Renamed in the list')
  })
})

import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EvidenceItem } from '@shared/domain'
import { ItemEditor } from '@renderer/features/evidence/editor/ItemEditor'
import { FakeError, installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'
import { videoItem } from './samples'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function renderEditor(item = videoItem()) {
  const onSaved = vi.fn()
  render(<ItemEditor caseId="case_1" item={item} detail={sampleDetail()} onSaved={onSaved} onRemoved={() => {}} />)
  fireEvent.click(screen.getByRole('tab', { name: 'Details & verification' }))
  return onSaved
}

describe('ItemEditor', () => {
  it('shows the verification status, its caveat, the grade labels and the read-only file facts', () => {
    installFakeBridge()
    renderEditor()
    expect(screen.getByRole('note').textContent).toContain(
      'Disputed: the authenticity or content of this item is contested.',
    )
    expect((screen.getByLabelText('Source reliability') as HTMLSelectElement).selectedOptions[0].text).toBe(
      'B – usually reliable',
    )
    expect((screen.getByLabelText('Information credibility') as HTMLSelectElement).selectedOptions[0].text).toBe(
      '3 – possibly true',
    )
    expect(screen.getByTestId('sha256').textContent).toBe('a'.repeat(64))
    expect(screen.getByText('door.webm')).toBeTruthy()
    expect(screen.getByText('video/webm')).toBeTruthy()
  })

  it('autosaves a status change as a minimal patch and drops the caveat once verified', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const bridge = installFakeBridge({
      'evidence:update': ({ patch }) =>
        ({ ...videoItem(), verification: { ...videoItem().verification, ...patch.verification } }) as EvidenceItem,
    })
    const onSaved = renderEditor()
    const overall = screen.getByRole('group', { name: 'Overall verification' })
    fireEvent.change(overall.querySelector('select')!, { target: { value: 'verified' } })
    expect(screen.queryByRole('note')).toBeNull()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    expect(bridge.callsTo('evidence:update')).toEqual([
      { caseId: 'case_1', evidenceId: 'ev_video', patch: { verification: { status: 'verified' } } },
    ])
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'))
    expect(onSaved).toHaveBeenCalledTimes(1)
  })

  it('a failed save keeps what the user typed and says why', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    installFakeBridge({
      'evidence:update': () => {
        throw new FakeError('READ_ONLY', 'The workspace is open read-only.')
      },
    })
    renderEditor()
    const reasoning = screen.getByRole('group', { name: 'Overall verification' }).querySelector('textarea')!
    fireEvent.change(reasoning, { target: { value: 'Geolocated by two analysts.' } })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Save failed: The workspace is open read-only.'),
    )
    expect(reasoning.value).toBe('Geolocated by two analysts.')
  })

  it('opens the source URL only through main, and only when clicked', async () => {
    const bridge = installFakeBridge({ 'app:openExternal': () => ({ opened: true }) })
    renderEditor()
    const link = screen.getByRole('button', { name: /social\.example/ })
    expect(bridge.calls.filter((c) => c.channel === 'app:openExternal')).toHaveLength(0)
    fireEvent.click(link)
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.channel === 'app:openExternal')).toEqual([
        { channel: 'app:openExternal', input: { url: 'https://social.example/post/1' } },
      ]),
    )
  })

  it('lists the custody log with who did what, when, and the hash', () => {
    installFakeBridge()
    render(
      <ItemEditor caseId="case_1" item={videoItem()} detail={sampleDetail()} onSaved={() => {}} onRemoved={() => {}} />,
    )
    fireEvent.click(screen.getByRole('tab', { name: 'Custody log (2)' }))
    const rows = screen.getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('27 January 2026, 17:00Analystimportedaaaaaaaaaaaa…Imported "door.webm".'),
      expect.stringContaining('hash verified'),
    ])
  })
})

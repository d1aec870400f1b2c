import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CaseList, matchesFilter } from '@renderer/features/cases/CaseList'
import { toCaseSummary } from '@shared/domain'
import { installFakeBridge } from '../../fakeBridge'
import { sampleCase } from '../../sample'

afterEach(cleanup)

const open = toCaseSummary(sampleCase())
const archived = toCaseSummary(
  sampleCase({ id: 'case_2', title: 'Old visa dispute', reference: 'OLD-1', status: 'archived', tags: ['visa'] }),
)

describe('CaseList', () => {
  it('filters by text (title, reference, tag) and by status', () => {
    expect(matchesFilter(open, 'ecu-usa', 'active')).toBe(true)
    expect(matchesFilter(open, 'vccr', 'all')).toBe(true)
    expect(matchesFilter(archived, '', 'active')).toBe(false)
    expect(matchesFilter(archived, 'visa', 'archived')).toBe(true)
    expect(matchesFilter(open, 'nothing like it', 'all')).toBe(false)
  })

  it('shows reference, status and classification, hides archived cases by default', () => {
    installFakeBridge()
    render(
      <CaseList
        cases={[open, archived]}
        selectedId="case_1"
        readOnly={false}
        onNew={() => {}}
        onChanged={async () => {}}
      />,
    )
    const nav = screen.getByRole('navigation', { name: 'Cases' })
    expect(within(nav).getByText('ECU-USA-2026-001')).toBeTruthy()
    expect(within(nav).getByText('SENSITIVE BUT UNCLASSIFIED')).toBeTruthy()
    expect(within(nav).queryByText('Old visa dispute')).toBeNull()
    fireEvent.change(within(nav).getByLabelText('Status'), { target: { value: 'all' } })
    expect(within(nav).getByText('Old visa dispute')).toBeTruthy()
  })

  it('archives through cases:update with status archived', async () => {
    const bridge = installFakeBridge({ 'cases:update': ({ patch }) => sampleCase({ status: patch.status }) })
    const onChanged = vi.fn(async () => {})
    render(<CaseList cases={[open]} selectedId={null} readOnly={false} onNew={() => {}} onChanged={onChanged} />)
    fireEvent.click(screen.getByRole('button', { name: `Archive ${open.title}` }))
    await waitFor(() => expect(onChanged).toHaveBeenCalled())
    expect(bridge.callsTo('cases:update')).toEqual([{ caseId: 'case_1', patch: { status: 'archived' } }])
  })

  it('offers no editing in a read-only workspace', () => {
    installFakeBridge()
    render(<CaseList cases={[open]} selectedId={null} readOnly onNew={() => {}} onChanged={async () => {}} />)
    expect(screen.queryByRole('button', { name: 'New case' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Archive/ })).toBeNull()
  })
})

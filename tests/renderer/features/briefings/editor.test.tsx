import './domStubs'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import { Briefing } from '@shared/domain'
import { BriefingEditor } from '@renderer/features/briefings/BriefingEditor'
import { FakeError, installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'
import { demoSources } from './sources'

afterEach(cleanup)

const at = '2026-01-28T00:00:00.000Z'
const briefing = Briefing.parse({ ...demo.briefings[0], createdAt: at, updatedAt: at })

function setup() {
  const sources = demoSources()
  const bridge = installFakeBridge({
    'briefings:get': () => briefing,
    'annotations:list': ({ evidenceId }) => sources.annotations.filter((a) => a.evidenceId === evidenceId),
    'statutes:list': () => [...sources.statutes],
  })
  const detail = sampleDetail({
    evidence: [...sources.evidence],
    events: [...sources.events],
    statutes: [...sources.statutes],
  })
  render(
    <BriefingEditor
      caseId="case_1"
      briefingId={briefing.id}
      detail={detail}
      onBack={() => undefined}
      onOpen={() => undefined}
      reload={async () => undefined}
    />,
  )
  return bridge
}

describe('briefing editor', () => {
  it('shows the body with its chips and the caveat list, and does not save merely because it opened', async () => {
    const bridge = setup()
    await waitFor(() => expect(document.querySelectorAll('[data-citation]').length).toBe(5))
    expect((await screen.findByRole('complementary', { name: 'Citation caveats' })).textContent).toContain(
      'Unverified: this item has not been independently verified.',
    )
    expect(screen.getByLabelText('Classification')).toHaveProperty('value', 'SENSITIVE BUT UNCLASSIFIED')
    await new Promise((r) => setTimeout(r, 1000))
    expect(bridge.callsTo('briefings:update')).toEqual([])
  })

  it('keeps the typed header when a save fails, and saves it on retry', async () => {
    const bridge = setup()
    bridge.handle('briefings:update', () => {
      throw new FakeError('IO', 'The disk operation failed: ENOSPC.')
    })
    const to = await screen.findByLabelText('To')
    fireEvent.change(to, { target: { value: 'Vice-Minister for Human Mobility' } })
    expect(await screen.findByText('Save failed: The disk operation failed: ENOSPC.')).toBeTruthy()
    expect((to as HTMLInputElement).value).toBe('Vice-Minister for Human Mobility')

    bridge.handle(
      'briefings:update',
      ({ patch }) => ({ ...briefing, ...patch, header: { ...briefing.header, ...patch.header } }) as Briefing,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await screen.findByText('Saved')
    const last = bridge.callsTo('briefings:update').at(-1) as {
      patch: { header: { to: string }; title: string; status: string }
    }
    expect(last.patch.header.to).toBe('Vice-Minister for Human Mobility')
    expect(last.patch).toMatchObject({ title: briefing.title, status: 'draft' })
  })
})

import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TierLane, type LaneActions } from '@renderer/features/evidence/tiers/TierLane'
import type { Lane } from '@renderer/features/evidence/tiers/laneModel'

afterEach(cleanup)

const lane: Lane = {
  tier: 'speech',
  spans: [
    { id: 'a', start: 1, end: 2, text: 'Consul speaks' },
    { id: 'b', start: 3, end: 5.5, text: 'Agent answers' },
  ],
}

function setup(selectedId: string | null = null) {
  const actions: LaneActions = { open: vi.fn(), edit: vi.fn(), commit: vi.fn(), toLane: vi.fn() }
  render(
    <TierLane
      lane={lane}
      label="speech"
      width={600}
      length={6}
      duration={6}
      step={0.04}
      selectedId={selectedId}
      actions={actions}
    />,
  )
  return { actions, spans: screen.getAllByRole('option') }
}

describe('a tier lane', () => {
  it('draws its spans to scale and has one tab stop, the selected span', () => {
    const { spans } = setup('b')
    expect(spans.map((s) => [s.style.left, s.style.width])).toEqual([
      ['100px', '100px'],
      ['300px', '250px'],
    ])
    expect(spans.map((s) => s.tabIndex)).toEqual([-1, 0])
    expect(spans[1].getAttribute('aria-selected')).toBe('true')
  })

  it('moves between spans with the arrows, opens one with Enter, and leaves other keys to the player', () => {
    const { actions, spans } = setup()
    spans[0].focus()
    fireEvent.keyDown(spans[0], { key: 'ArrowRight' })
    expect(document.activeElement).toBe(spans[1])
    fireEvent.keyDown(spans[1], { key: 'Enter' })
    expect(actions.open).toHaveBeenCalledWith('b')
    fireEvent.keyDown(spans[1], { key: 'ArrowUp' })
    expect(actions.toLane).toHaveBeenCalledWith(-1, 3)
    const bubbled = vi.fn()
    spans[1].parentElement!.parentElement!.addEventListener('keydown', bubbled)
    fireEvent.keyDown(spans[1], { key: ' ' })
    expect(bubbled).toHaveBeenCalledTimes(1)
  })

  it('Alt+arrows move the start, Alt+Shift+arrows the end, by the step and within the media', () => {
    const { actions, spans } = setup()
    fireEvent.keyDown(spans[1], { key: 'ArrowLeft', altKey: true })
    fireEvent.keyDown(spans[1], { key: 'ArrowRight', altKey: true, shiftKey: true })
    fireEvent.keyDown(spans[0], { key: 'ArrowRight', altKey: true })
    expect(vi.mocked(actions.edit).mock.calls).toEqual([
      ['b', { type: 'time', start: 2.96, end: 5.5 }],
      ['b', { type: 'time', start: 3, end: 5.54 }],
      ['a', { type: 'time', start: 1.04, end: 2 }],
    ])
  })
})

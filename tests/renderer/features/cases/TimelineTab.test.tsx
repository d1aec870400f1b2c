import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TimelineEvent } from '@shared/domain'
import { TimelineTab } from '@renderer/features/cases/TimelineTab'
import { installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'

afterEach(cleanup)

// jsdom lays nothing out: the scrolling pane is 800 px high, every event row 110 px (the list's estimate), and
// the list starts at the pane's top and moves up as the pane scrolls, as a browser would say.
beforeAll(() => {
  const size = (el: HTMLElement) => (el.dataset.testid === 'pane' ? 800 : el.classList.contains('event') ? 110 : 0)
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const pane = this.closest<HTMLElement>('[data-testid="pane"]')
    const top = pane && pane !== this ? -pane.scrollTop : 0
    return {
      top,
      bottom: top + size(this),
      left: 0,
      right: 800,
      width: 800,
      height: size(this),
      x: 0,
      y: top,
    } as DOMRect
  })
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return size(this)
  })
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.testid === 'pane' ? N * 120 : size(this)
  })
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return size(this)
  })
  // Scrolling applies at once and tells the listeners afterwards, as a browser does.
  Element.prototype.scrollTo = function (this: Element, opts?: ScrollToOptions | number) {
    if (typeof opts === 'object' && opts.top !== undefined) this.scrollTop = opts.top
    // Browsers fire scroll events later, never inside the call (which may come from a React effect).
    setTimeout(() => this.dispatchEvent(new Event('scroll')))
  } as Element['scrollTo']
})
afterAll(() => vi.restoreAllMocks())

const N = 2_000
const event = (i: number): TimelineEvent => ({
  id: `event_${String(i + 1).padStart(5, '0')}`,
  at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  tz: 'UTC',
  precision: 'exact',
  title: `Event ${i + 1}`,
  description: '',
  location: '',
  actorIds: [],
  evidenceIds: [],
  sources: [],
  tags: [],
})
// Stored out of order: the tab sorts by time.
const EVENTS = Array.from({ length: N }, (_, i) => event(i)).reverse()

const renderTimeline = (props: { itemId?: string; readOnly?: boolean } = {}) =>
  render(
    <div data-testid="pane" style={{ overflowY: 'auto' }}>
      <TimelineTab
        caseId="case_1"
        detail={sampleDetail({ events: EVENTS })}
        reload={async () => undefined}
        {...props}
      />
    </div>,
  )

const rows = () => within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem')

describe('TimelineTab with many events', () => {
  it('draws only the rows in view, earliest first, each knowing its place in the whole', () => {
    installFakeBridge()
    renderTimeline()
    expect(screen.getByText(/2,000 events, earliest first/)).toBeTruthy()
    const drawn = rows()
    expect(drawn.length).toBeGreaterThan(3)
    expect(drawn.length).toBeLessThan(40)
    expect(drawn[0].textContent).toContain('Event 1')
    expect(drawn[0].getAttribute('aria-posinset')).toBe('1')
    expect(drawn[0].getAttribute('aria-setsize')).toBe(String(N))
    expect(screen.getByRole('button', { name: 'Edit event: Event 1' })).toBeTruthy()
  })

  it('moves focus between rows with the keyboard, to the last event and back', async () => {
    installFakeBridge()
    renderTimeline()
    const first = rows()[0]
    expect(first.tabIndex).toBe(0)
    act(() => first.focus())
    fireEvent.keyDown(first, { key: 'ArrowDown' })
    expect(document.activeElement?.textContent).toContain('Event 2')
    fireEvent.keyDown(document.activeElement!, { key: 'End' })
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe(String(N)))
    expect(document.activeElement?.textContent).toContain(`Event ${N}`)
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0)
    expect(rows().length).toBeLessThan(40)
    fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1'))
  })

  it('opens the edit form on the event whose Edit was pressed', () => {
    installFakeBridge()
    renderTimeline()
    fireEvent.click(screen.getByRole('button', { name: 'Edit event: Event 3' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit event' })
    expect((within(dialog).getByLabelText('What happened') as HTMLInputElement).value).toBe('Event 3')
  })

  it('scrolls a far event from a search hit into view and marks it', async () => {
    installFakeBridge()
    renderTimeline({ itemId: 'event_01500' })
    await vi.waitFor(() => expect(document.getElementById('event-event_01500')).toBeTruthy())
    expect(document.getElementById('event-event_01500')!.className).toContain('event--target')
    expect(rows().length).toBeLessThan(40)
  })

  it('offers no Edit or Remove when read-only', () => {
    installFakeBridge()
    renderTimeline({ readOnly: true })
    expect(screen.queryByRole('button', { name: /Edit event/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add event' })).toBeNull()
  })
})

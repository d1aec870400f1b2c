import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SearchPanel } from '@renderer/features/search/index'
import type { SearchHit, SearchQuery } from '@shared/domain'
import { installFakeBridge } from '../../fakeBridge'
import { stubListLayout } from '../../components/layoutStub'

afterEach(cleanup)
stubListLayout()

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'actor',
  caseId: 'case_1',
  caseReference: 'ECU-USA-2026-001',
  caseTitle: 'Consulate',
  id: 'actor_1',
  tab: 'actors',
  itemId: 'actor_1',
  title: { text: 'Cancillería', highlights: [[0, 11]] },
  snippet: { text: 'Issued the protest note', highlights: [] },
  score: 1,
  ...over,
})

const HITS: SearchHit[] = [
  hit({}),
  hit({
    kind: 'annotation',
    id: 'ann_7',
    evidenceId: 'evidence_video',
    tab: 'evidence',
    itemId: 'evidence_video',
    title: { text: 'Annotation at 00:00:12–00:00:19', highlights: [] },
    snippet: { text: 'Staff of the Cancillería block the door', highlights: [[13, 24]] },
  }),
]

function setup() {
  const queries: SearchQuery[] = []
  const bridge = installFakeBridge({
    'search:query': (q) => {
      queries.push(q)
      return { hits: q.query.trim() ? HITS : [], total: q.query.trim() ? 2 : 0, tookMs: 0.4 }
    },
    'search:status': () => ({ state: 'ready', done: 1, total: 1, documents: 10, loadedFromCache: true, reread: 0 }),
  })
  const onOpen = vi.fn()
  const onClose = vi.fn()
  render(<SearchPanel onOpen={onOpen} onClose={onClose} />)
  return { bridge, queries, onOpen, onClose, box: screen.getByRole('combobox', { name: 'Search' }) }
}

describe('SearchPanel', () => {
  it('searches as you type (debounced) and marks the matches', async () => {
    const { box, queries } = setup()
    fireEvent.change(box, { target: { value: 'canc' } })
    fireEvent.change(box, { target: { value: 'cancilleria' } })
    const list = await screen.findByRole('listbox', { name: 'Search results' })
    const rows = within(list).getAllByRole('option')
    expect(rows).toHaveLength(2)
    // One request for the settled text, not one per keystroke.
    expect(queries.map((q) => q.query)).toEqual(['cancilleria'])
    expect(rows[0].querySelector('mark')?.textContent).toBe('Cancillería')
    expect(rows[1].querySelector('mark')?.textContent).toBe('Cancillería')
    expect(screen.getByText(/2 results/)).toBeTruthy()
  })

  it('moves through hits with the arrow keys from the query box and opens with Enter', async () => {
    const { box, onOpen } = setup()
    fireEvent.change(box, { target: { value: 'cancilleria' } })
    const rows = () => within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option')
    await screen.findByRole('listbox', { name: 'Search results' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    await waitFor(() => expect(rows()[1].getAttribute('aria-selected')).toBe('true'))
    expect(box.getAttribute('aria-activedescendant')).toBe(rows()[1].id)
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(onOpen).toHaveBeenCalledWith({
      caseId: 'case_1',
      tab: 'evidence',
      itemId: 'evidence_video',
      annotationId: 'ann_7',
    })
    fireEvent.keyDown(box, { key: 'Home' })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(onOpen).toHaveBeenLastCalledWith({ caseId: 'case_1', tab: 'actors', itemId: 'actor_1' })
  })

  it('opens a hit on click', async () => {
    const { box, onOpen } = setup()
    fireEvent.change(box, { target: { value: 'cancilleria' } })
    const list = await screen.findByRole('listbox', { name: 'Search results' })
    fireEvent.click(within(list).getAllByRole('option')[0])
    expect(onOpen).toHaveBeenCalledWith({ caseId: 'case_1', tab: 'actors', itemId: 'actor_1' })
  })

  it('sends the chosen filters with the query', async () => {
    const { box, queries } = setup()
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of item' }), { target: { value: 'evidence' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Verification' }), { target: { value: 'verified' } })
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2026-01-27' } })
    fireEvent.change(box, { target: { value: 'video' } })
    await waitFor(() => expect(queries.at(-1)?.query).toBe('video'))
    expect(queries.at(-1)?.filters).toEqual({ kinds: ['evidence'], verification: ['verified'], from: '2026-01-27' })
  })

  it('Escape clears the query first, then closes', async () => {
    const { box, onClose } = setup()
    fireEvent.change(box, { target: { value: 'x' } })
    fireEvent.keyDown(box, { key: 'Escape' })
    expect((box as HTMLInputElement).value).toBe('')
    fireEvent.keyDown(box, { key: 'Escape' })
    expect(onClose).toHaveBeenCalled()
  })

  it('asks for one page of hits, and more on request without losing the place', async () => {
    const queries: SearchQuery[] = []
    const many = Array.from({ length: 130 }, (_, i) =>
      hit({ id: `actor_${i}`, title: { text: `Actor ${i}`, highlights: [] } }),
    )
    installFakeBridge({
      'search:query': (q) => {
        queries.push(q)
        return { hits: many.slice(0, q.limit), total: many.length, tookMs: 0.4 }
      },
      'search:status': () => ({ state: 'ready', done: 1, total: 1, documents: 10, loadedFromCache: true, reread: 0 }),
    })
    render(<SearchPanel onOpen={vi.fn()} onClose={vi.fn()} />)
    const box = screen.getByRole('combobox', { name: 'Search' })
    fireEvent.change(box, { target: { value: 'actor' } })
    await screen.findByText(/130 results, best 50 shown/)
    expect(queries.map((q) => q.limit)).toEqual([50])
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }))
    await screen.findByText(/130 results, best 100 shown/)
    expect(queries.at(-1)).toMatchObject({ query: 'actor', limit: 100 })
    // The reader stays on the hit they were on.
    const rows = within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option')
    expect(rows.find((r) => r.getAttribute('aria-selected') === 'true')?.textContent).toContain('Actor 2')
    fireEvent.click(screen.getByRole('button', { name: 'Show 30 more' }))
    await screen.findByText(/^130 results ·/)
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull()
    // A new query starts again at one page.
    fireEvent.change(box, { target: { value: 'actors' } })
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ query: 'actors', limit: 50 }))
    // And so does coming back to the first one, at its first hit.
    fireEvent.change(box, { target: { value: 'actor' } })
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ query: 'actor', limit: 50 }))
    await screen.findByText(/130 results, best 50 shown/)
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox', { name: 'Search results' }))
          .getAllByRole('option')
          .find((r) => r.getAttribute('aria-selected') === 'true')?.textContent,
      ).toContain('Actor 0'),
    )
  })
})

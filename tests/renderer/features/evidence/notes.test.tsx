import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Note } from '@shared/domain'
import { NotesPanel, plainText } from '@renderer/features/evidence/notes/NotesPanel'
import { installFakeBridge } from '../../fakeBridge'
import { AT } from './samples'

// ProseMirror asks for layout jsdom does not have; stub those browser APIs only.
beforeAll(() => {
  const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
  Range.prototype.getClientRects ??= rects
  Range.prototype.getBoundingClientRect ??= () => new DOMRect()
  document.elementFromPoint ??= () => null
  Element.prototype.scrollIntoView ??= () => undefined
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const note = (id: string, title: string, text: string): Note => ({
  id,
  title,
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  tags: [],
  createdAt: AT,
  updatedAt: AT,
})

describe('NotesPanel', () => {
  it('lists notes, adds one and autosaves its title with the body', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const bridge = installFakeBridge({
      'notes:list': () => [note('n1', 'Call with the consul', 'Agent left after four minutes.')],
      'notes:add': ({ note: input }) => ({ ...note('n2', input.title ?? '', ''), body: { type: 'doc', content: [] } }),
      'notes:update': ({ noteId, patch }) => ({ ...note(noteId, patch.title ?? '', ''), ...patch }) as Note,
    })
    const onChanged = vi.fn()
    render(<NotesPanel caseId="case_1" onChanged={onChanged} />)
    const item = await screen.findByRole('button', { name: /Call with the consul/ })
    expect(item.textContent).toContain('Agent left after four minutes.')
    expect((screen.getByLabelText('Note title') as HTMLInputElement).value).toBe('Call with the consul')

    fireEvent.click(screen.getByRole('button', { name: 'New note' }))
    await waitFor(() => expect((screen.getByLabelText('Note title') as HTMLInputElement).value).toBe('Untitled note'))
    expect(onChanged).toHaveBeenCalled()
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Press line' } })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    expect(bridge.callsTo('notes:update')).toEqual([
      { caseId: 'case_1', noteId: 'n2', patch: { title: 'Press line', body: { type: 'doc', content: [] } } },
    ])
    expect(screen.getByRole('textbox', { name: 'Note text' })).toBeTruthy()
  })

  it('previews rich text as one plain line without inventing spaces inside a sentence', () => {
    const doc = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Left after ' },
            { type: 'text', text: 'four', marks: [{ type: 'bold' }] },
            { type: 'text', text: '.' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
      ],
    }
    expect(plainText(doc)).toBe('Left after four. Second.')
  })
})

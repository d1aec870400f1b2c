import './domStubs'
import { EditorContent, useEditor, type Editor, type JSONContent } from '@tiptap/react'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { verificationCaveat, type CitationAttrs } from '@shared/domain'
import type { CitationSources } from '@shared/domain/citationDisplay'
import { CitationSourcesContext } from '@renderer/features/briefings/citationNode'
import { CitationPicker } from '@renderer/features/briefings/CitationPicker'
import { briefingExtensions } from '@renderer/features/briefings/extensions'
import { demoSources } from './sources'

afterEach(cleanup)

const para = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', content }] })
const cite = (attrs: Partial<CitationAttrs>): JSONContent => ({ type: 'citation', attrs })

/** A real TipTap editor with our extensions, exposing the instance to the test. */
function Harness({
  content,
  sources,
  onReady,
  withPicker,
}: {
  content: JSONContent
  sources: CitationSources
  onReady: (e: Editor) => void
  withPicker?: boolean
}) {
  const [picking, setPicking] = useState(false)
  const [extensions] = useState(() =>
    briefingExtensions({
      onPick: () => setPicking(true),
      onLink: () => undefined,
      onRedact: () => undefined,
      describeRedaction: (r) => r,
    }),
  )
  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: true,
    onCreate: ({ editor: e }) => onReady(e as Editor),
  })
  return (
    <CitationSourcesContext.Provider value={sources}>
      <EditorContent editor={editor} />
      {withPicker && picking && (
        <CitationPicker
          sources={sources}
          linkedStatuteIds={new Set(['statute_vccr_31'])}
          onInsert={(a) => editor?.chain().focus().insertCitation(a).run()}
          onClose={() => setPicking(false)}
        />
      )}
    </CitationSourcesContext.Provider>
  )
}

function citationNodes(editor: Editor): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  const walk = (n: JSONContent) => {
    if (n.type === 'citation') out.push(n.attrs ?? {})
    n.content?.forEach(walk)
  }
  // Through JSON, as autosave sends it over IPC.
  walk(JSON.parse(JSON.stringify(editor.getJSON())))
  return out
}

describe('citation node', () => {
  it('renders a statute citation as a chip with the pinpointed label', async () => {
    render(
      <Harness
        sources={demoSources()}
        onReady={() => undefined}
        content={para(
          { type: 'text', text: 'See ' },
          cite({ target: 'statute', id: 'statute_vccr_31', pinpoint: '2' }),
        )}
      />,
    )
    const chip = await waitFor(() => {
      const el = document.querySelector('[data-citation][data-target="statute"]')
      expect(el).not.toBeNull()
      return el as HTMLElement
    })
    expect(chip.textContent).toBe('VCCR art. 31(2)')
    expect(chip.className).toContain('citation-chip--ok')
    expect(chip.className).not.toContain('caveat')
  })

  it('marks a citation of unverified evidence, or of an annotation on it, with the caveat', async () => {
    const sources = demoSources()
    render(
      <Harness
        sources={sources}
        onReady={() => undefined}
        content={para(
          cite({ target: 'evidence', id: 'evidence_video', pinpoint: '' }),
          cite({ target: 'annotation', id: 'annotation_door', evidenceId: 'evidence_video', pinpoint: '' }),
          cite({ target: 'event', id: 'event_blocked', pinpoint: '' }),
          cite({ target: 'evidence', id: 'evidence_gone', pinpoint: '' }),
        )}
      />,
    )
    const chips = await waitFor(() => {
      const els = [...document.querySelectorAll<HTMLElement>('[data-citation]')]
      expect(els).toHaveLength(4)
      return els
    })
    const [video, annotation, event, gone] = chips
    const caveat = verificationCaveat('unverified')!
    expect(video.className).toContain('citation-chip--caveat')
    expect(video.getAttribute('title')).toContain(caveat)
    expect(video.getAttribute('aria-label')).toContain(caveat)
    expect(video.textContent).toMatch(/^⚠Video of the exchange at the consulate door…unverified$/)
    expect(annotation.textContent).toContain('@ 00:00:12–00:00:20.5')
    expect(annotation.className).toContain('citation-chip--caveat')
    expect(event.textContent).toBe('27 Jan 2026, ~11:01 (America/Chicago, UTC-06:00)')
    expect(event.className).toContain('citation-chip--ok')
    expect(gone.className).toContain('citation-chip--missing')
    expect(gone.textContent).toBe('missing evidence item')
  })

  it('inserts a citation from the picker with exactly the stored attrs (Ctrl+Shift+C, filter, pinpoint, Enter)', async () => {
    let editor: Editor | null = null
    render(
      <Harness
        withPicker
        sources={demoSources()}
        onReady={(e) => (editor = e)}
        content={para({ type: 'text', text: 'Inviolable' })}
      />,
    )
    await waitFor(() => expect(editor).not.toBeNull())
    act(() => {
      editor!.commands.focus('end')
    })
    fireEvent.keyDown(editor!.view.dom, { key: 'C', code: 'KeyC', keyCode: 67, ctrlKey: true, shiftKey: true })
    const dialog = await screen.findByRole('dialog', { name: 'Insert a citation' })
    const find = within(dialog).getByRole('combobox')
    fireEvent.change(find, { target: { value: 'vccr 31' } })
    const options = within(dialog).getAllByRole('option')
    expect(options).toHaveLength(1)
    expect(options[0].getAttribute('aria-selected')).toBe('true')
    fireEvent.change(within(dialog).getByLabelText('Pinpoint'), { target: { value: '2' } })
    expect(within(dialog).getByText('VCCR art. 31(2)', { selector: '.citation-chip' })).toBeTruthy()
    fireEvent.keyDown(find, { key: 'Enter' })

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(citationNodes(editor!)).toEqual([{ target: 'statute', id: 'statute_vccr_31', pinpoint: '2' }])
    await waitFor(() => expect(document.querySelector('[data-citation]')?.textContent).toBe('VCCR art. 31(2)'))
  })

  it('navigates the picker by keyboard and keeps evidenceId on annotation citations', async () => {
    const onInsert = vi.fn()
    render(
      <CitationPicker
        sources={demoSources()}
        linkedStatuteIds={new Set()}
        onInsert={onInsert}
        onClose={() => undefined}
      />,
    )
    const find = screen.getByRole('combobox')
    fireEvent.change(find, { target: { value: 'consular space' } })
    expect(screen.getAllByRole('option')).toHaveLength(1)
    expect(screen.getByText(/⚠ Unverified/)).toBeTruthy()
    fireEvent.keyDown(find, { key: 'Enter' })
    expect(onInsert).toHaveBeenCalledWith({
      target: 'annotation',
      id: 'annotation_door',
      evidenceId: 'evidence_video',
      pinpoint: '',
    })

    fireEvent.change(find, { target: { value: '' } })
    const groups = [...document.querySelectorAll('.citation-picker__group')].map((g) => g.textContent)
    expect(groups).toEqual(['Evidence', 'Annotations', 'Timeline events', 'Statute library'])
    fireEvent.keyDown(find, { key: 'ArrowDown' })
    fireEvent.keyDown(find, { key: 'ArrowDown' })
    fireEvent.keyDown(find, { key: 'ArrowUp' })
    const active = screen.getAllByRole('option').findIndex((o) => o.getAttribute('aria-selected') === 'true')
    expect(active).toBe(1)
    expect(find.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1].id)
  })
})

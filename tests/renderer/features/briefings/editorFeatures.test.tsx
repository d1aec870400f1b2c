import './domStubs'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import type { EditorView } from '@tiptap/pm/view'
import { Briefing, type BriefingSummary } from '@shared/domain'
import { BriefingEditor } from '@renderer/features/briefings/BriefingEditor'
import { BriefingList } from '@renderer/features/briefings/BriefingList'
import { FakeError, installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'
import { demoSources } from './sources'

afterEach(cleanup)
beforeEach(() => localStorage.clear())

const at = '2026-01-28T00:00:00.000Z'
const base = Briefing.parse({ ...demo.briefings[0], createdAt: at, updatedAt: at })

type Patch = { header?: Record<string, string>; body?: unknown; language?: string; status?: string }

function setup(briefing = base, over: { briefings?: BriefingSummary[] } = {}) {
  const sources = demoSources()
  const bridge = installFakeBridge({
    'briefings:get': () => briefing,
    'briefings:update': ({ patch }) =>
      ({ ...briefing, ...patch, header: { ...briefing.header, ...patch.header } }) as Briefing,
    'annotations:list': ({ evidenceId }) => sources.annotations.filter((a) => a.evidenceId === evidenceId),
    'statutes:list': () => [...sources.statutes],
  })
  const detail = sampleDetail({
    evidence: [...sources.evidence],
    events: [...sources.events],
    statutes: [...sources.statutes],
    briefings: over.briefings ?? [],
  })
  const onOpen = vi.fn()
  const reload = vi.fn(async () => undefined)
  render(
    <BriefingEditor
      caseId="case_1"
      briefingId={briefing.id}
      detail={detail}
      onBack={() => undefined}
      onOpen={onOpen}
      reload={reload}
    />,
  )
  return { bridge, onOpen, reload }
}

const body = () => screen.findByRole('textbox', { name: 'Briefing text' })
const lastPatch = (bridge: ReturnType<typeof setup>['bridge']) =>
  (bridge.callsTo('briefings:update').at(-1) as { patch: Patch } | undefined)?.patch

/** The ProseMirror view behind the body (TipTap hangs its editor on the element). */
const viewOf = (el: Element) => (el as unknown as { editor: { view: EditorView } }).editor.view

/** Selects the first occurrence of `text` in the editor, through ProseMirror's own selection. */
async function select(text: string) {
  const view = viewOf(await body())
  let from = -1
  view.state.doc.descendants((n, pos) => {
    if (from < 0 && n.isText && n.text!.includes(text)) from = pos + n.text!.indexOf(text)
  })
  const { TextSelection } = await import('@tiptap/pm/state')
  act(() => view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + text.length))))
  return view
}

describe('briefing editor', () => {
  it('puts the caret in the text when it opens', async () => {
    setup()
    const el = await body()
    await waitFor(() => expect(el.contains(document.activeElement)).toBe(true))
  })

  it('Ctrl+K opens the link dialog and nothing else: the key never reaches the window', async () => {
    setup()
    const el = await body()
    const reachedWindow = vi.fn()
    window.addEventListener('keydown', reachedWindow)
    try {
      fireEvent.keyDown(el, { key: 'k', code: 'KeyK', keyCode: 75, ctrlKey: true })
      expect(await screen.findByRole('dialog', { name: 'Add a link' })).toBeTruthy()
      expect(reachedWindow).not.toHaveBeenCalled()
    } finally {
      window.removeEventListener('keydown', reachedWindow)
    }
  })

  it('redacts a selected passage with a reason, shows it on hover, saves the mark, and lifts it again', async () => {
    const { bridge } = setup()
    await select('ICE officer')
    fireEvent.keyDown(await body(), { key: 'X', code: 'KeyX', keyCode: 88, ctrlKey: true, shiftKey: true })
    const dialog = await screen.findByRole('dialog', { name: 'Redact this passage' })
    expect(within(dialog).getByText('ICE officer')).toBeTruthy()
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'personal data' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Redact' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    const mark = document.querySelector<HTMLElement>('.memo-body span[data-redaction]')!
    expect(mark.textContent).toBe('ICE officer')
    expect(mark.getAttribute('title')).toBe('Redacted — personal data')
    await waitFor(() => expect(JSON.stringify(lastPatch(bridge)?.body)).toContain('"reason":"personal data"'))
    const saved = JSON.stringify(lastPatch(bridge)!.body)
    expect(saved).toContain(
      '{"type":"text","marks":[{"type":"redaction","attrs":{"reason":"personal data"}}],"text":"ICE officer"}',
    )

    // Inside the passage the toolbar button changes or lifts it.
    await select('ICE')
    const redact = screen.getByRole('button', { name: 'Change or lift the redaction' })
    expect(redact.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(redact)
    const edit = await screen.findByRole('dialog', { name: 'Redacted passage' })
    expect((within(edit).getByLabelText('Reason') as HTMLInputElement).value).toBe('personal data')
    fireEvent.click(within(edit).getByRole('button', { name: 'Lift redaction' }))
    await waitFor(() => expect(document.querySelector('.memo-body span[data-redaction]')).toBeNull())
  })

  it('folds the header to one line; unfolded it edits CC, signatory, drafter, clearance and the memo language', async () => {
    const { bridge } = setup({ ...base, header: { ...base.header, number: 'MREMH-DAN-2026-0007-M' } })
    const toggle = await screen.findByRole('button', { name: 'Memo header' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    const fields = document.getElementById(toggle.getAttribute('aria-controls')!)!
    expect(fields.hidden).toBe(true)
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(fields.hidden).toBe(false)
    expect(localStorage.getItem('casefile.briefingHeaderOpen')).toBe('1')

    const number = screen.getByLabelText('Memo number') as HTMLInputElement
    expect(number.readOnly).toBe(true)
    expect(number.value).toBe('MREMH-DAN-2026-0007-M')
    expect(screen.getByText('Assigned when first exported as final.')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('CC'), { target: { value: 'Vice-Minister' } })
    fireEvent.change(screen.getByLabelText('Signed by'), { target: { value: 'Ana Ruiz' } })
    fireEvent.change(screen.getByLabelText('Signatory’s title'), { target: { value: 'Director' } })
    fireEvent.change(screen.getByLabelText('Drafted by'), { target: { value: 'J. Desk' } })
    fireEvent.change(screen.getByLabelText('Cleared by'), { target: { value: 'Legal Adviser' } })
    fireEvent.change(screen.getByLabelText('Memo language'), { target: { value: 'es' } })
    await waitFor(() => expect(lastPatch(bridge)?.language).toBe('es'))
    await waitFor(() => expect(lastPatch(bridge)?.header?.clearance).toBe('Legal Adviser'))
    const header = lastPatch(bridge)!.header!
    expect(header).toMatchObject({ cc: 'Vice-Minister', signatoryName: 'Ana Ruiz', signatoryTitle: 'Director' })
    expect(header.drafter).toBe('J. Desk')
    // The number is main's: the window never sends it.
    expect('number' in header).toBe(false)
  })

  it('Final/Draft is a pressed-state pair, and the export dialog follows a switch made from it', async () => {
    setup()
    const group = await screen.findByRole('group', { name: 'Status' })
    const final = within(group).getByRole('button', { name: 'Final' })
    expect(final.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Export the memo' })
    const box = within(dialog).getByRole('checkbox', { name: /DRAFT mark/ }) as HTMLInputElement
    expect([box.checked, box.disabled]).toEqual([true, true])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set the status to Final' }))
    await waitFor(() => expect(box.disabled).toBe(false))
    expect(box.checked).toBe(false)
    expect(final.getAttribute('aria-pressed')).toBe('true')
  })

  it('imports a clearance copy as a new version and opens it; a dismissed dialog does nothing', async () => {
    const { bridge, onOpen, reload } = setup()
    bridge.handle('briefings:importClearance', () => {
      throw new FakeError('CANCELLED', 'Import cancelled.')
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Import clearance copy…' }))
    await waitFor(() => expect(bridge.callsTo('briefings:importClearance')).toHaveLength(1))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(onOpen).not.toHaveBeenCalled()

    bridge.handle('briefings:importClearance', () => ({ ...base, id: 'briefing_v2' }))
    fireEvent.click(screen.getByRole('button', { name: 'Import clearance copy…' }))
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('briefing_v2'))
    expect(reload).toHaveBeenCalled()
  })

  it('shows a cleared version’s comments beside the text and what changed, and finds a comment’s anchor', async () => {
    const cleared = Briefing.parse({
      ...base,
      id: 'briefing_v2',
      title: 'Briefing (cleared 29 January 2026)',
      clearance: {
        fromBriefingId: base.id,
        fromExportId: 'export_1',
        sentSha256: 'a'.repeat(64),
        receivedSha256: 'b'.repeat(64),
        receivedFile: '/tmp/cleared.docx',
        importedAt: '2026-01-29T10:00:00.000Z',
        insertions: 1,
        deletions: 1,
        citationsRemoved: 1,
        notesAdded: 0,
        comments: [
          {
            author: 'Director, North America',
            date: '2026-01-29T10:00:00Z',
            text: 'Say which footage: CCTV only?',
            anchor: 'ICE officer tried to follow',
          },
        ],
        changes: [
          { kind: 'added', after: 'The Legal Adviser has cleared this memo.' },
          { kind: 'changed', before: 'Old sentence.', after: 'New sentence.' },
        ],
      },
    })
    const { onOpen } = setup(cleared, {
      briefings: [{ id: base.id, title: base.title, template: base.template, status: 'draft', updatedAt: at }],
    })
    const panel = await screen.findByRole('complementary', { name: 'Back from clearance' })
    expect(panel.textContent).toContain('1 insertion, 1 deletion, 1 comment.')
    expect(panel.textContent).toContain('1 citation was removed.')
    const comment = within(panel).getByText('Say which footage: CCTV only?').closest('li')!
    expect(comment.textContent).toContain('Director, North America')
    expect(comment.textContent).toContain('29 January 2026')
    expect(comment.textContent).toContain('ICE officer tried to follow')
    expect(within(panel).getByText('The Legal Adviser has cleared this memo.').tagName).toBe('INS')
    expect(within(panel).getByText('Old sentence.').tagName).toBe('DEL')

    // The panel can show before the editor holds the text (a busy machine): the anchor is found in the text once it is there.
    await waitFor(() =>
      expect(document.querySelector('.memo-body')?.textContent).toContain('ICE officer tried to follow'),
    )
    fireEvent.click(within(comment).getByRole('button', { name: 'Show in the text' }))
    await waitFor(() => {
      const view = viewOf(document.querySelector('.memo-body')!)
      const { from, to } = view.state.selection
      expect(view.state.doc.textBetween(from, to)).toBe('ICE officer tried to follow')
    })

    fireEvent.click(within(panel).getByRole('button', { name: base.title }))
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(base.id))
  })
})

describe('briefing list', () => {
  it('offers “From the case file” first, creates in the chosen memo language, and names templates and statuses', async () => {
    const bridge = installFakeBridge({ 'briefings:create': () => ({ ...base, id: 'b_new' }) })
    const onOpen = vi.fn()
    render(
      <BriefingList
        caseId="case_1"
        briefings={[{ id: base.id, title: base.title, template: 'case file', status: 'final', updatedAt: at }]}
        onOpen={onOpen}
        onChanged={async () => undefined}
      />,
    )
    const form = screen.getByRole('form', { name: 'New briefing' })
    const template = within(form).getByLabelText('Template') as HTMLSelectElement
    expect([...template.options].map((o) => o.text)[0]).toBe('From the case file')
    expect(template.value).toBe('case file')
    expect(screen.getByRole('row', { name: /From the case file/ }).textContent).toContain('Final')
    fireEvent.change(within(form).getByLabelText('Memo language'), { target: { value: 'es' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('b_new'))
    expect(bridge.callsTo('briefings:create')).toEqual([{ caseId: 'case_1', template: 'case file', language: 'es' }])
  })

  it('puts the focus back on the briefing that was open', () => {
    installFakeBridge()
    render(
      <BriefingList
        caseId="case_1"
        briefings={[{ id: base.id, title: base.title, template: 'blank', status: 'draft', updatedAt: at }]}
        lastOpened={base.id}
        onOpen={() => undefined}
        onChanged={async () => undefined}
      />,
    )
    expect(document.activeElement?.textContent).toBe(base.title)
  })
})

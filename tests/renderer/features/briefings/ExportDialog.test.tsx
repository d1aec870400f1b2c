import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import { Briefing, type Actor, type BriefingStatus, type RichText } from '@shared/domain'
import { ExportDialog } from '@renderer/features/briefings/ExportDialog'
import { redactedPassages, withheldFor } from '@renderer/features/briefings/release'
import { FakeError, installFakeBridge } from '../../fakeBridge'
import { videoItem } from '../evidence/samples'

afterEach(cleanup)

const at = '2026-01-28T00:00:00.000Z'
const briefing = Briefing.parse({ ...demo.briefings[0], createdAt: at, updatedAt: at, exports: [] })

const redactedBody: RichText = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The witness, ' },
        { type: 'text', text: 'María Pérez', marks: [{ type: 'redaction', attrs: { reason: 'personal data' } }] },
        { type: 'text', text: ', saw it.' },
      ],
    },
  ],
}
const actor: Actor = {
  id: 'actor_1',
  name: 'Consul Juan Ortega',
  role: '',
  affiliation: '',
  notes: '',
  withhold: { reason: 'security of staff' },
} as Actor

function renderDialog(status: BriefingStatus, over: { body?: RichText; detail?: { actors: Actor[] } } = {}) {
  const props = {
    caseId: 'case_1',
    briefing,
    body: () => over.body ?? briefing.body,
    detail: {
      actors: over.detail?.actors ?? [],
      evidence: [videoItem({ withhold: { reason: 'ongoing investigation', fields: ['sourceUrl', 'capturedBy'] } })],
    },
    beforeExport: async () => undefined,
    onExported: vi.fn(async () => undefined),
    onClose: () => undefined,
  }
  const view = render(<ExportDialog {...props} status={status} />)
  return { ...view, props, rerenderWith: (s: BriefingStatus) => view.rerender(<ExportDialog {...props} status={s} />) }
}

const draftBox = () => screen.getByRole('checkbox', { name: /DRAFT mark/ }) as HTMLInputElement

describe('export dialog', () => {
  it('shows progress with a Cancel button that stops the export by its task id', async () => {
    let fail: (e: Error) => void = () => undefined
    const bridge = installFakeBridge({
      // Like main: the export answers CANCELLED once tasks:cancel reaches it.
      'briefings:export': () => new Promise((_resolve, reject) => (fail = reject)),
      'tasks:cancel': () => {
        setTimeout(() => fail(new FakeError('CANCELLED', 'The export was cancelled.')), 100)
        return { cancelled: true }
      },
    })
    const { props } = renderDialog('draft')
    fireEvent.click(screen.getByRole('button', { name: 'Choose file and export…' }))
    const exportCall = await vi.waitFor(() => {
      const c = bridge.calls.find((x) => x.channel === 'briefings:export')
      if (!c) throw new Error('not exported yet')
      return c.input as { taskId: string }
    })
    // No Cancel before main has started the export (nothing it could reach yet).
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull()
    act(() => bridge.emit('progress', { taskId: exportCall.taskId, label: 'Laying out page 3', done: 3, total: 9 }))
    expect(await screen.findByText('Exporting (3 of 9)…')).toBeTruthy()
    const bar = screen.getByRole('progressbar', { name: 'Export progress' }) as HTMLProgressElement
    expect([bar.value, bar.max]).toEqual([3, 9])

    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }))
    // Later progress does not take the "Cancelling" back.
    act(() => bridge.emit('progress', { taskId: exportCall.taskId, label: 'Laying out page 4', done: 4, total: 9 }))
    expect(await screen.findByText('Cancelling…')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cancel export' })).toHaveProperty('disabled', true)
    expect(await screen.findByText('Export cancelled. No file was written.')).toBeTruthy()
    expect(bridge.calls.filter((x) => x.channel === 'tasks:cancel').map((x) => x.input)).toEqual([
      { taskId: exportCall.taskId },
    ])
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Choose file and export…' })).toHaveProperty('disabled', false)
    expect(props.onExported).not.toHaveBeenCalled()
  })

  it('follows the briefing’s status while open: a draft always carries the DRAFT mark, a final one may', async () => {
    const bridge = installFakeBridge({
      'briefings:export': () => ({ path: '/tmp/memo.pdf', sha256: 'a'.repeat(64), pages: 2 }),
    })
    const { rerenderWith } = renderDialog('draft')
    expect(draftBox().checked).toBe(true)
    expect(draftBox().disabled).toBe(true)
    expect(screen.getByText(/set the status to Final to export without it/)).toBeTruthy()

    rerenderWith('final')
    expect(draftBox().checked).toBe(false)
    expect(draftBox().disabled).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Choose file and export…' }))
    await screen.findByTestId('export-sha256')
    fireEvent.click(draftBox())
    fireEvent.click(screen.getByRole('button', { name: 'Export again…' }))
    await vi.waitFor(() => expect(bridge.callsTo('briefings:export')).toHaveLength(2))

    // Back to draft: ticked and locked again, whatever was chosen for the final copy.
    fireEvent.click(draftBox())
    rerenderWith('draft')
    expect(draftBox().checked).toBe(true)
    expect(draftBox().disabled).toBe(true)
    expect(bridge.callsTo('briefings:export').map((i) => (i as { draft: boolean }).draft)).toEqual([false, true])
  })

  it('offers Final from the DRAFT hint, and only for a draft', () => {
    installFakeBridge()
    const onSetFinal = vi.fn()
    const { props, rerender } = renderDialog('draft')
    rerender(<ExportDialog {...props} status="draft" onSetFinal={onSetFinal} />)
    fireEvent.click(screen.getByRole('button', { name: 'Set the status to Final' }))
    expect(onSetFinal).toHaveBeenCalledTimes(1)
    rerender(<ExportDialog {...props} status="final" onSetFinal={onSetFinal} />)
    expect(screen.queryByRole('button', { name: 'Set the status to Final' })).toBeNull()
  })

  it('exports Word or a release copy, listing what a release copy leaves out and why', async () => {
    const bridge = installFakeBridge({
      'briefings:export': () => ({ path: '/tmp/memo.docx', sha256: 'b'.repeat(64), pages: 0 }),
    })
    renderDialog('final', { body: redactedBody, detail: { actors: [actor] } })
    const list = screen.getByRole('list', { name: 'What a release copy leaves out' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Redacted passage “María Pérez” — personal data',
      'Actor Consul Juan Ortega — security of staff',
      'Evidence item “Video of the exchange at the door”: source URL, captured by — ongoing investigation',
    ])
    expect(screen.getByText(/leaves out 3 things/)).toBeTruthy()

    fireEvent.click(screen.getByRole('radio', { name: 'Word (.docx) for clearance' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Release copy' }))
    fireEvent.click(screen.getByRole('button', { name: 'Choose file and export…' }))
    expect(await screen.findByText('Exported memo.docx.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Open in the word processor' })).toBeTruthy()
    expect(bridge.callsTo('briefings:export')).toEqual([
      expect.objectContaining({ format: 'docx', release: true, draft: false, briefingId: briefing.id }),
    ])
  })

  it('says when a release copy would leave nothing out', () => {
    installFakeBridge()
    render(
      <ExportDialog
        caseId="case_1"
        briefing={briefing}
        status="draft"
        body={() => briefing.body}
        detail={{ actors: [], evidence: [] }}
        beforeExport={async () => undefined}
        onExported={async () => undefined}
        onClose={() => undefined}
      />,
    )
    expect(screen.getByText(/Nothing is marked as redacted or flagged not for release/)).toBeTruthy()
  })
})

describe('release copy contents', () => {
  it('joins the pieces of one redacted passage and keeps separate passages apart', () => {
    const body: RichText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Juan ', marks: [{ type: 'redaction', attrs: { reason: 'personal data' } }] },
            {
              type: 'text',
              text: 'Pérez',
              marks: [{ type: 'bold' }, { type: 'redaction', attrs: { reason: 'personal data' } }],
            },
            { type: 'text', text: ' met ' },
            { type: 'text', text: 'the source', marks: [{ type: 'redaction', attrs: { reason: '' } }] },
          ],
        },
      ],
    }
    expect(redactedPassages(body)).toEqual([
      { text: 'Juan Pérez', reason: 'personal data' },
      { text: 'the source', reason: '' },
    ])
    expect(withheldFor(body, { actors: [], evidence: [videoItem({ withhold: { reason: 'x', fields: [] } })] })).toEqual(
      [
        { kind: 'passage', text: 'Juan Pérez', reason: 'personal data' },
        { kind: 'passage', text: 'the source', reason: '' },
        { kind: 'item', title: 'Video of the exchange at the door', reason: 'x' },
      ],
    )
  })
})

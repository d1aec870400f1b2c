import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Annotation } from '@shared/domain'
import type { AnnotationInput } from '@shared/domain'
import { AnnotationsPane } from '@renderer/features/evidence/annotations/AnnotationsPane'
import { installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'
import { AT, timeAnnotation, videoItem } from './samples'

afterEach(cleanup)

/** The media element's clock, as the browser would report it; jsdom has no decoder. */
let clock = 0
const seeks: number[] = []
beforeEach(() => {
  clock = 0
  seeks.length = 0
  Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
    configurable: true,
    get: () => clock,
    set: (v: number) => {
      seeks.push(v)
      clock = v
    },
  })
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined)
})

function setup(existing: Annotation[]) {
  let n = 0
  const store = [...existing]
  const bridge = installFakeBridge({
    'annotations:list': () => [...store],
    'evidence:blobUrl': () => ({
      url: 'casefile-blob://blob/aaaa?type=video%2Fwebm',
      mediaType: 'video/webm',
      size: 1234,
    }),
    'annotations:add': ({ annotation }) => {
      const a: Annotation = {
        id: `new${++n}`,
        evidenceId: 'ev_video',
        target: annotation.target as Annotation['target'],
        text: annotation.text ?? '',
        tags: [],
        eventIds: [],
        statuteIds: [],
        createdAt: AT,
        updatedAt: AT,
      }
      store.push(a)
      return a
    },
    'annotations:update': ({ annotationId, patch }) => {
      const a = store.find((x) => x.id === annotationId)!
      Object.assign(a, patch)
      return { ...a }
    },
  })
  render(<AnnotationsPane caseId="case_1" item={videoItem()} detail={sampleDetail()} />)
  return bridge
}

const rows = () => screen.getAllByTestId('annotation-row').map((r) => r.textContent)

describe('time-coded annotations', () => {
  it('lists annotations in time order and seeks the player to the start of the one clicked', async () => {
    setup([timeAnnotation('late', 42, 45, 'Officer leaves'), timeAnnotation('early', 3.5, 8, 'Officer at the door')])
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(rows()[0]).toContain('00:00:03.5–00:00:08')
    expect(rows()[1]).toContain('Officer leaves')

    // In the list (the tier lanes under the player show the same words).
    const list = screen.getByRole('listbox', { name: 'Annotations' })
    fireEvent.click(within(list).getByText('Officer leaves'))
    expect(seeks).toEqual([42])
    // Enter on the active option does the same.
    fireEvent.keyDown(list, { key: 'ArrowUp' })
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(seeks).toEqual([42, 3.5])
  })

  it('"M" in the player area adds an annotation at the current time and focuses its text', async () => {
    const bridge = setup([])
    const area = await screen.findByTestId('player-area')
    clock = 12.3456
    fireEvent.keyDown(area, { key: 'm' })
    await waitFor(() => expect(bridge.callsTo('annotations:add')).toHaveLength(1))
    const input = bridge.callsTo('annotations:add')[0] as { annotation: AnnotationInput }
    expect(input.annotation.target).toEqual({ type: 'time', start: 12.346, end: 12.346 })
    await waitFor(() => expect(screen.getByLabelText('Text')).toBe(document.activeElement))
    // The shortcut is documented where it works.
    expect(within(area).getByText(/Keys, with the player focused/)).toBeTruthy()
  })

  it('Ctrl+Shift+A also adds one, but not while typing in a field', async () => {
    const bridge = setup([])
    const area = await screen.findByTestId('player-area')
    clock = 2
    fireEvent.keyDown(area, { key: 'A', ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(bridge.callsTo('annotations:add')).toHaveLength(1))
    fireEvent.keyDown(await screen.findByLabelText('Text'), { key: 'm' })
    expect(bridge.callsTo('annotations:add')).toHaveLength(1)
  })

  it('"[" and "]" set the selected annotation\'s start and end from the player', async () => {
    const bridge = setup([timeAnnotation('a1', 5, 6, 'Door')])
    fireEvent.click(await within(await screen.findByRole('listbox', { name: 'Annotations' })).findByText('Door'))
    const area = screen.getByTestId('player-area')
    clock = 9
    fireEvent.keyDown(area, { key: ']' })
    await waitFor(() => expect(rows()[0]).toContain('00:00:05–00:00:09'))
    clock = 7
    fireEvent.keyDown(area, { key: '[' })
    await waitFor(() => expect(rows()[0]).toContain('00:00:07–00:00:09'))
    expect(bridge.callsTo('annotations:update').map((c) => (c as { patch: unknown }).patch)).toEqual([
      { target: { type: 'time', start: 5, end: 9 } },
      { target: { type: 'time', start: 7, end: 9 } },
    ])
  })

  it('arrow keys in the player step five seconds and "." one frame', async () => {
    setup([])
    const area = await screen.findByTestId('player-area')
    clock = 10
    fireEvent.keyDown(area, { key: 'ArrowRight' })
    fireEvent.keyDown(area, { key: 'ArrowLeft' })
    fireEvent.keyDown(area, { key: 'ArrowLeft' })
    fireEvent.keyDown(area, { key: '.' })
    expect(seeks[0]).toBe(15)
    expect(seeks[2]).toBe(5)
    expect(seeks[3]).toBeCloseTo(5.04, 5)
  })

  it('annotation text autosaves after a pause in typing', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const bridge = setup([timeAnnotation('a1', 1, 1, '')])
      fireEvent.click(await screen.findByText('no text yet'))
      fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Staff block the door' } })
      expect(bridge.callsTo('annotations:update')).toHaveLength(0)
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000)
      })
      expect(bridge.callsTo('annotations:update')).toEqual([
        { caseId: 'case_1', evidenceId: 'ev_video', annotationId: 'a1', patch: { text: 'Staff block the door' } },
      ])
      await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy())
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('document annotations', () => {
  it('adds a page-and-quote annotation, since documents are not rendered in the app', async () => {
    const bridge = installFakeBridge({
      'annotations:list': () => [],
      'annotations:add': ({ annotation }) => ({
        ...timeAnnotation('p1', 0),
        target: annotation.target as Annotation['target'],
      }),
    })
    const doc = videoItem({
      kind: 'document',
      file: { sha256: 'c'.repeat(64), size: 10, mediaType: 'application/pdf', originalName: 'note.pdf' },
    })
    render(<AnnotationsPane caseId="case_1" item={doc} detail={sampleDetail()} />)
    const form = await screen.findByRole('form', { name: 'Annotate a page' })
    fireEvent.change(within(form).getByLabelText('Page'), { target: { value: '2' } })
    fireEvent.change(within(form).getByLabelText('Quote'), { target: { value: 'the premises are inviolable' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add page annotation' }))
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(rows()[0]).toContain('p. 2')
    expect((bridge.callsTo('annotations:add')[0] as { annotation: AnnotationInput }).annotation.target).toEqual({
      type: 'page',
      page: 2,
      quote: 'the premises are inviolable',
    })
    expect(screen.queryByTestId('player-area')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(bridge.callsTo('evidence:blobUrl')).toHaveLength(0)
  })
})

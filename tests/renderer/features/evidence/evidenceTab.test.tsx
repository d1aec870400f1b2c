import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EvidenceItem } from '@shared/domain'
import { EvidenceTab } from '@renderer/features/evidence/index'
import { FakeError, installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'
import { videoItem } from './samples'

afterEach(cleanup)
beforeEach(() => {
  window.location.hash = '#/case/case_1/evidence'
})

const urlOnly = videoItem({
  id: 'ev_post',
  kind: 'social post',
  title: 'Post by the consulate',
  file: undefined,
  verification: { ...videoItem().verification, status: 'partially verified' },
  sourceReliability: undefined,
  informationCredibility: undefined,
})

function renderTab(evidence: EvidenceItem[]) {
  const reload = vi.fn(async () => {})
  render(<EvidenceTab caseId="case_1" detail={sampleDetail({ evidence })} reload={reload} />)
  return reload
}

const baseHandlers = {
  'annotations:list': () => [],
  'evidence:blobUrl': () => ({ url: 'casefile-blob://blob/x', mediaType: 'video/webm', size: 1 }),
}

describe('EvidenceTab', () => {
  it('lists each item with its kind, verification status, integrity and grade', () => {
    installFakeBridge(baseHandlers)
    renderTab([videoItem(), urlOnly])
    const [video, post] = screen.getAllByRole('option')
    expect(video.textContent).toContain('Video of the exchange at the door')
    expect(within(video).getByText('disputed').className).toContain('badge--orange')
    expect(video.textContent).toContain('hash verified 1 February 2026')
    expect(video.textContent).toContain('B3')
    expect(within(post).getByText('partially verified').className).toContain('badge--amber')
    expect(post.textContent).toContain('URL only')
  })

  it('imports with a progress bar fed by progress events, and Cancel asks main to stop that task', async () => {
    let finish: (v: { cancelled: boolean; items: EvidenceItem[] }) => void = () => {}
    const bridge = installFakeBridge({
      ...baseHandlers,
      'evidence:pickAndImport': () => new Promise((resolve) => (finish = resolve)),
      'tasks:cancel': () => ({ cancelled: true }),
    })
    renderTab([videoItem()])
    fireEvent.click(screen.getByRole('button', { name: 'Import file…' }))
    await waitFor(() => expect(bridge.callsTo('evidence:pickAndImport')).toHaveLength(1))
    const { taskId } = bridge.callsTo('evidence:pickAndImport')[0] as { taskId: string }
    act(() => {
      bridge.emit('progress', { taskId: 'someone-else', label: 'Other', done: 1, total: 2 })
      bridge.emit('progress', {
        taskId,
        label: 'Importing 1 of 1: door.webm',
        text: { key: 'errMedia:progress.importingOf', values: { n: 1, count: 1, name: 'door.webm' } },
        done: 25,
        total: 100,
      })
    })
    const bar = screen.getByRole('progressbar') as HTMLProgressElement
    expect(bar.value).toBe(25)
    expect(bar.max).toBe(100)
    expect(screen.getAllByText('Importing 1 of 1: door.webm').length).toBeGreaterThan(0)

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(bridge.callsTo('tasks:cancel')).toEqual([{ taskId }]))
    await act(async () => {
      finish({ cancelled: false, items: [] })
    })
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('shows why an import failed', async () => {
    installFakeBridge({
      ...baseHandlers,
      'evidence:pickAndImport': () => {
        throw new FakeError(
          'IO',
          'The disk operation failed: ENOSPC. Check free space and permissions, then try again.',
        )
      },
    })
    renderTab([])
    fireEvent.click(screen.getByRole('button', { name: 'Import file…' }))
    expect((await screen.findByRole('alert')).textContent).toContain('ENOSPC')
  })

  it('Verify integrity lists each mismatch by item and the audit chain state', async () => {
    installFakeBridge({
      ...baseHandlers,
      'evidence:verify': () => {
        const bad = {
          caseId: 'case_1',
          evidenceId: 'ev_video',
          title: 'Video of the exchange at the door',
          status: 'mismatch' as const,
          expected: 'a'.repeat(64),
          actual: 'b'.repeat(64),
        }
        return {
          checked: 1,
          ok: false,
          items: [bad],
          problems: [bad],
          audit: { ok: false, entries: 9, brokenAt: 4, reason: 'hash does not match' },
          custodyGaps: [],
        }
      },
    })
    const reload = renderTab([videoItem()])
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }))
    const result = await screen.findByRole('region', { name: 'Integrity check result' })
    expect(result.textContent).toContain('1 of 1 file failed the check.')
    expect(result.textContent).toMatch(/actual\s+b{64}/)
    expect(result.textContent).toContain('Audit chain: BROKEN at entry 4: hash does not match.')
    expect(screen.getAllByRole('option')[0].textContent).toContain('hash mismatch')
    expect(reload).toHaveBeenCalled()
  })

  it('Verify integrity names custody entries missing from the audit log', async () => {
    installFakeBridge({
      ...baseHandlers,
      'evidence:verify': () => ({
        checked: 0,
        ok: false,
        items: [],
        problems: [],
        audit: { ok: true, entries: 12 },
        custodyGaps: [
          {
            caseId: 'case_1',
            evidenceId: 'ev_video',
            title: 'Video of the exchange at the door',
            action: 'exported',
            at: '2026-02-01T10:00:00.000Z',
          },
        ],
      }),
    })
    renderTab([videoItem()])
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }))
    const result = await screen.findByRole('region', { name: 'Integrity check result' })
    expect(result.textContent).toContain('1 custody entry is missing from the audit log')
    expect(result.textContent).toContain('“exported”, 1 February 2026, 10:00 (UTC)')
    expect(result.textContent).toContain('Audit chain: intact (12 entries).')
  })
})

import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import demo from '@resources/demo/consulate-case.json'
import { Briefing } from '@shared/domain'
import { ExportDialog } from '@renderer/features/briefings/ExportDialog'
import { FakeError, installFakeBridge } from '../../fakeBridge'

afterEach(cleanup)

const at = '2026-01-28T00:00:00.000Z'
const briefing = Briefing.parse({ ...demo.briefings[0], createdAt: at, updatedAt: at, exports: [] })

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
    const onExported = vi.fn()
    render(
      <ExportDialog
        caseId="case_1"
        briefing={briefing}
        beforeExport={async () => undefined}
        onExported={onExported}
        onClose={() => undefined}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Choose file and export…' }))
    const exportCall = await vi.waitFor(() => {
      const c = bridge.calls.find((x) => x.channel === 'briefings:export')
      if (!c) throw new Error('not exported yet')
      return c.input as { taskId: string }
    })
    // No Cancel before main has started the export (nothing it could reach yet).
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull()
    bridge.emit('progress', { taskId: exportCall.taskId, label: 'Laying out page 3', done: 3, total: 9 })
    expect(await screen.findByText('Laying out page 3…')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }))
    // Later progress does not take the "Cancelling" back.
    bridge.emit('progress', { taskId: exportCall.taskId, label: 'Laying out page 4', done: 4, total: 9 })
    expect(await screen.findByText('Cancelling…')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cancel export' })).toHaveProperty('disabled', true)
    expect(await screen.findByText('Export cancelled. No file was written.')).toBeTruthy()
    expect(bridge.calls.filter((x) => x.channel === 'tasks:cancel').map((x) => x.input)).toEqual([
      { taskId: exportCall.taskId },
    ])
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Choose file and export…' })).toHaveProperty('disabled', false)
    expect(onExported).not.toHaveBeenCalled()
  })
})

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BundleInspection, CaseDetail, KeyList } from '@shared/domain'
import { BundlesDialog } from '@renderer/features/bundles/BundlesDialog'
import { installFakeBridge } from '../../fakeBridge'

afterEach(cleanup)

const FP = 'a'.repeat(64)
const OTHER = 'b'.repeat(64)
const keys: KeyList = {
  own: { fingerprint: FP, publicKey: 'A'.repeat(43) + '=' },
  keys: [{ fingerprint: OTHER, trusted: false, workspace: 'Embassy in Quito', user: 'desk 3' }],
}
const inspection = (over: Partial<BundleInspection> = {}): BundleInspection => ({
  bundleSha256: 'c'.repeat(64),
  size: 1000,
  format: 'casefile-bundle',
  version: 1,
  createdAt: '2026-01-28T10:00:00.000Z',
  signer: { workspace: 'Embassy in Quito', user: 'desk 3', fingerprint: OTHER, trust: 'new', own: false },
  case: { id: 'case_1', title: 'Door incident', reference: 'ECU-1', classification: 'CONFIDENTIAL' },
  counts: { evidence: 2, briefings: 1, statutes: 1, blobs: 1, bytes: 900, entries: 6 },
  leftOut: [{ evidenceId: 'ev_secret', kind: 'image', hadFile: true }],
  clash: { caseId: 'case_1', title: 'Door incident' },
  ...over,
})
const detail = {
  evidence: [
    { id: 'ev_1', title: 'Door camera' },
    { id: 'ev_2', title: 'Informant photo' },
  ],
} as unknown as CaseDetail

describe('BundlesDialog', () => {
  it('exports the open case leaving out the items ticked', async () => {
    const bridge = installFakeBridge({
      'cases:get': () => detail,
      'keys:list': () => keys,
      'bundles:export': ({ caseId, leaveOut }) => ({
        cancelled: false,
        result: {
          path: '/media/usb/ECU-1.casefile',
          sha256: 'd'.repeat(64),
          bytes: 10,
          fingerprint: FP,
          caseId,
          evidence: 1,
          blobs: 1,
          leftOut: (leaveOut ?? []).map((evidenceId) => ({ evidenceId, kind: 'image' as const, hadFile: true })),
        },
      }),
    })
    render(<BundlesDialog caseId="case_1" onClose={() => {}} onImported={() => {}} />)
    fireEvent.click(await screen.findByLabelText('Informant photo'))
    fireEvent.click(screen.getByRole('button', { name: 'Export bundle…' }))
    await screen.findByText(/Wrote \/media\/usb\/ECU-1.casefile/)
    expect(bridge.callsTo('bundles:export')).toEqual([
      { caseId: 'case_1', leaveOut: ['ev_2'], taskId: expect.any(String) },
    ])
  })

  it('shows who signed a bundle and whether the key is trusted, asks about the clash, imports by ticket', async () => {
    const onImported = vi.fn()
    const bridge = installFakeBridge({
      'keys:list': () => keys,
      'bundles:inspect': () => ({ cancelled: false, ticket: 'ticket-1', inspection: inspection() }),
      'bundles:import': () =>
        ({
          caseId: 'case_1',
          title: 'Door incident',
          blobsAlreadyPresent: 0,
          counts: { evidence: 2 },
          trashedTo: 'trash/x/case_1',
        }) as never,
    })
    render(<BundlesDialog caseId={null} onClose={() => {}} onImported={onImported} />)
    expect(screen.queryByRole('button', { name: 'Export bundle…' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Open bundle…' }))
    expect(await screen.findByText(/New key: never trusted here/)).toBeTruthy()
    expect(screen.getByText(/The sender left out: ev_secret \(image\)/)).toBeTruthy()
    fireEvent.click(screen.getByLabelText(/Replace/))
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    await screen.findByText(/The case it replaced is in trash\/x\/case_1/)
    expect(bridge.callsTo('bundles:import')).toEqual([
      { ticket: 'ticket-1', onClash: 'replace', taskId: expect.any(String) },
    ])
    expect(onImported).toHaveBeenCalledWith('case_1')
  })

  it('offers no import when the signature fails', async () => {
    installFakeBridge({
      'keys:list': () => keys,
      'bundles:inspect': () => ({
        cancelled: false,
        ticket: 't',
        inspection: inspection({ clash: null, signer: { ...inspection().signer, trust: 'invalid' } }),
      }),
    })
    render(<BundlesDialog caseId={null} onClose={() => {}} onImported={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Open bundle…' }))
    expect(await screen.findByText(/The signature fails/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull()
  })

  it('lists keys, trusts a seen one and one typed in', async () => {
    const bridge = installFakeBridge({
      'keys:list': () => keys,
      'keys:trust': ({ fingerprint }) => ({ fingerprint, trusted: true, workspace: '', user: '' }),
    })
    render(<BundlesDialog caseId={null} onClose={() => {}} onImported={() => {}} />)
    expect(await screen.findByText(/seen, not trusted/)).toBeTruthy()
    fireEvent.click(screen.getAllByRole('button', { name: 'Trust' })[0])
    await waitFor(() => expect(bridge.callsTo('keys:trust')).toEqual([{ fingerprint: OTHER }]))
    fireEvent.change(screen.getByLabelText('Trust a key by its fingerprint'), { target: { value: 'ee ee' } })
    fireEvent.click(screen.getAllByRole('button', { name: 'Trust' }).at(-1)!)
    await waitFor(() => expect(bridge.callsTo('keys:trust')).toHaveLength(2))
  })
})

import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { FileAnalysis, type ItemInspection } from '@shared/domain'
import { ExaminationPanel } from '@renderer/features/evidence/examination/ExaminationPanel'
import { installFakeBridge } from '../../fakeBridge'
import { sampleDetail } from '../../sample'
import { videoItem } from './samples'

afterEach(cleanup)

const item = videoItem()
const analysis = FileAnalysis.parse({
  version: 1,
  sha256: item.file!.sha256,
  analysedAt: '2026-12-03T07:00:00.000Z',
  metadata: {
    status: 'found',
    readers: ['ffprobe 5.1.9'],
    facts: [
      {
        name: 'captureTime',
        value: '2026-01-27T17:00:00Z',
        source: { reader: 'ffprobe', field: 'format.tags.creation_time' },
      },
    ],
  },
  c2pa: { status: 'absent' },
  fingerprint: { status: 'skipped', reason: 'not examined' },
})

const inspection = (over: Partial<ItemInspection>): ItemInspection => ({
  caseId: 'case_1',
  evidenceId: item.id,
  title: item.title,
  kind: item.kind,
  sha256: item.file!.sha256,
  warnings: [],
  claims: [],
  duplicates: [],
  aids: [],
  settings: { timeMarginMinutes: 60, placeRadiusKm: 5 },
  notes: [],
  examining: false,
  ...over,
})

describe('ExaminationPanel', () => {
  it('says a large file is being examined, then shows what was found once the item carries it', async () => {
    let answer = inspection({ examining: true })
    installFakeBridge({ 'verification:inspect': () => answer })
    const detail = sampleDetail({ evidence: [item] })
    const { rerender } = render(<ExaminationPanel caseId="case_1" item={item} detail={detail} />)
    expect(await screen.findByText(/being examined now/)).toBeTruthy()
    expect((screen.getByRole('button', { name: /read the file again/i }) as HTMLButtonElement).disabled).toBe(true)

    // The examination is recorded: main says the item changed, and the case view hands the new item down.
    answer = inspection({ analysis })
    rerender(<ExaminationPanel caseId="case_1" item={{ ...item, analysis }} detail={detail} />)
    expect(await screen.findByRole('heading', { name: 'Metadata' })).toBeTruthy()
    await waitFor(() => expect(screen.queryByText(/being examined now/)).toBeNull())
    expect((screen.getByRole('button', { name: /read the file again/i }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('stops saying "being examined" when the examination ended with nothing recorded', async () => {
    let answer = inspection({ examining: true })
    installFakeBridge({ 'verification:inspect': () => answer })
    const detail = sampleDetail({ evidence: [item] })
    const { rerender } = render(<ExaminationPanel caseId="case_1" item={item} detail={detail} />)
    expect(await screen.findByText(/being examined now/)).toBeTruthy()
    // Main announces the item as changed; the case view hands down the same item, fetched again.
    answer = inspection({ examining: false })
    rerender(<ExaminationPanel caseId="case_1" item={{ ...item }} detail={detail} />)
    expect(await screen.findByText(/has not been examined here yet/)).toBeTruthy()
    expect((screen.getByRole('button', { name: /read the file again/i }) as HTMLButtonElement).disabled).toBe(false)
  })
})

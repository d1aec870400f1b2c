import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StatuteExcerpt } from '@shared/domain'
import { checkStatuteForm, emptyStatuteForm } from '@renderer/features/statutes/form'
import { StatuteFormDialog } from '@renderer/features/statutes/StatuteFormDialog'
import { installFakeBridge } from '../../fakeBridge'

afterEach(cleanup)

const at = '2026-01-28T00:00:00.000Z'
const vccr31: StatuteExcerpt = {
  id: 'statute_vccr_31',
  instrument: 'Vienna Convention on Consular Relations',
  shortName: 'VCCR',
  year: 1963,
  article: '31',
  paragraph: '',
  heading: 'Inviolability of the consular premises',
  text: '1. Consular premises shall be inviolable …',
  source: 'UNTS vol. 596',
  jurisdiction: 'International',
  language: 'en',
  tags: ['inviolability'],
  createdAt: at,
  updatedAt: at,
}

describe('statute form', () => {
  it('validates with the shared schema and reports per field', () => {
    const empty = checkStatuteForm(emptyStatuteForm())
    expect(empty.ok).toBe(false)
    if (!empty.ok) {
      expect(empty.errors.instrument).toBe('name the instrument')
      expect(empty.errors.article).toBe('give the article')
      expect(empty.errors.text).toBe('an excerpt needs its exact text')
    }
    const badYear = checkStatuteForm({ ...emptyStatuteForm(), instrument: 'X', article: '1', text: 't', year: '19x3' })
    expect(badYear.ok === false && badYear.errors.year).toMatch(/four digits/)
    const ok = checkStatuteForm({
      ...emptyStatuteForm(),
      instrument: ' VCCR ',
      article: '31',
      text: 'text',
      year: '1963',
      tags: ['a'],
    })
    expect(ok).toEqual({
      ok: true,
      input: expect.objectContaining({
        instrument: 'VCCR',
        article: '31',
        year: 1963,
        language: 'en',
        tags: ['a'],
        shortName: '',
      }),
    })
  })

  it('shows errors instead of saving, then adds and links a valid excerpt', async () => {
    const bridge = installFakeBridge({
      'statutes:add': ({ statute }) => ({ ...vccr31, ...statute, id: 'statute_new' }),
    })
    const onSaved = vi.fn()
    render(<StatuteFormDialog caseId="case_1" onSaved={onSaved} onClose={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Add and link to this case' }))
    expect(screen.getByText('name the instrument')).toBeTruthy()
    expect(screen.getByLabelText('Instrument').getAttribute('aria-invalid')).toBe('true')
    expect(bridge.calls).toEqual([])

    fireEvent.change(screen.getByLabelText('Instrument'), {
      target: { value: 'Vienna Convention on Consular Relations' },
    })
    fireEvent.change(screen.getByLabelText('Article'), { target: { value: '31' } })
    fireEvent.change(screen.getByLabelText('Paragraph pinpoint'), { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '1963' } })
    expect(screen.getByText('VCCR art. 31(2)', { selector: '.statute-label' })).toBeTruthy() // live label
    fireEvent.change(screen.getByLabelText('Exact text'), {
      target: { value: 'The authorities of the receiving State shall not enter …' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add and link to this case' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(bridge.callsTo('statutes:add')).toEqual([
      {
        caseId: 'case_1',
        statute: expect.objectContaining({
          instrument: 'Vienna Convention on Consular Relations',
          article: '31',
          paragraph: '2',
          year: 1963,
        }),
      },
    ])
  })

  it('edits an excerpt and shows the error message from main', async () => {
    const bridge = installFakeBridge({
      'statutes:update': () => {
        throw new Error('The workspace is read-only: opened read-only.')
      },
    })
    render(<StatuteFormDialog excerpt={vccr31} onSaved={() => undefined} onClose={() => undefined} />)
    expect(screen.getByRole('dialog', { name: 'Edit VCCR art. 31' })).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect((await screen.findByRole('alert')).textContent).toBe('The workspace is read-only: opened read-only.')
    expect(bridge.callsTo('statutes:update')).toEqual([
      { statuteId: 'statute_vccr_31', patch: expect.objectContaining({ year: null, tags: ['inviolability'] }) },
    ])
  })
})
